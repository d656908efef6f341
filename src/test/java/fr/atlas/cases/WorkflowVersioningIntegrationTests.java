package fr.atlas.cases;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class WorkflowVersioningIntegrationTests {

	@Autowired
	ApiClient api;

	static Map<String, Object> state(String key, boolean initial, boolean terminal) {
		return Map.of("key", key, "initial", initial, "final", terminal, "labels", Map.of("fr", key, "en", key));
	}

	static Map<String, Object> transition(String name, List<String> from, String to) {
		return Map.of("name", name, "from", from, "to", to);
	}

	/** LEAD_ACHAT with VISIT replaced by RDV (rendez-vous). */
	static Map<String, Object> version2() {
		return Map.of("states",
				List.of(state("NEW", true, false), state("QUALIFIED", false, false), state("RDV", false, false),
						state("OFFER", false, false), state("WON", false, true), state("LOST", false, true)),
				"transitions",
				List.of(transition("qualify", List.of("NEW"), "QUALIFIED"),
						transition("plan_rdv", List.of("QUALIFIED"), "RDV"),
						transition("offer", List.of("RDV"), "OFFER"), transition("win", List.of("OFFER"), "WON"),
						Map.of("name", "lose", "from", List.of("NEW", "QUALIFIED", "RDV", "OFFER"), "to", "LOST",
								"requiredInputs", List.of("lossReason"))));
	}

	@Test
	void publishedVersionsAreImmutableAndRunningCasesMigrateWithACheckedMapping() {
		Tenant tenant = this.api.newOrganisation("Agence Versions");
		String waiting = id(this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Reste nouveau")));
		String visiting = id(
				this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "En visite")));
		move(tenant, visiting, Map.of("transition", "qualify", "budget", 200000, "financing", "CASH"));
		move(tenant, visiting, Map.of("transition", "plan_visit"));

		String base = "/api/v1/case-types/LEAD_ACHAT/workflows";
		assertThat(versions(tenant)).extracting((v) -> v.get("status")).containsExactly("PUBLISHED");
		var immutable = this.api.put(tenant.token(), base + "/1", version2());
		assertThat(immutable.getStatusCode().value()).isEqualTo(409);
		assertThat(immutable.getBody()).containsEntry("code", "workflow.published-immutable");

		var invalid = this.api.post(tenant.token(), base, Map.of("states",
				List.of(state("NEW", true, false), state("ORPHAN", false, false)), "transitions", List.of()));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting((e) -> e.get("code"))
			.contains("workflow.no-final-state", "workflow.unreachable-state", "workflow.dead-end-state");
		assertThat(this.api.post(tenant.token(), base + "/validate", version2()).getBody()).containsEntry("valid",
				true);

		var draft = this.api.post(tenant.token(), base, version2());
		assertThat(draft.getStatusCode().value()).isEqualTo(201);
		assertThat(draft.getBody()).containsEntry("version", 2).containsEntry("status", "DRAFT");
		assertThat(this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of("VISIT", "RDV")))
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(this.api.post(tenant.token(), base + "/2/publish", Map.of()).getBody()).containsEntry("status",
				"PUBLISHED");
		assertThat(this.api.post(tenant.token(), base + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(409);
		assertThat(this.api.put(tenant.token(), base + "/2", version2()).getStatusCode().value()).isEqualTo(409);

		// Running cases keep their version until migrated; new cases start on the latest.
		assertThat(get(tenant, visiting)).containsEntry("workflowVersion", 1).containsEntry("state", "VISIT");
		String fresh = id(this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Nouveau en v2")));
		assertThat(get(tenant, fresh)).containsEntry("workflowVersion", 2);

		var unmapped = this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of()));
		assertThat(unmapped.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) unmapped.getBody().get("errors"))
			.extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactly("mapping.VISIT workflow.mapping-missing");
		var unknown = this.api.post(tenant.token(), base + "/2/migrate",
				Map.of("mapping", Map.of("VISIT", "NULLE_PART")));
		assertThat((List<Map<String, Object>>) unknown.getBody().get("errors")).extracting((e) -> e.get("code"))
			.containsExactly("workflow.mapping-unknown-state");
		assertThat(get(tenant, visiting)).containsEntry("workflowVersion", 1).containsEntry("state", "VISIT");

		var migrated = this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of("VISIT", "RDV")));
		assertThat(migrated.getBody()).containsEntry("migrated", 2);
		assertThat(get(tenant, visiting)).containsEntry("workflowVersion", 2).containsEntry("state", "RDV");
		assertThat(get(tenant, waiting)).containsEntry("workflowVersion", 2).containsEntry("state", "NEW");
		assertThat(move(tenant, visiting, Map.of("transition", "offer"))).containsEntry("state", "OFFER");
		List<Map<String, Object>> timeline = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + visiting + "/timeline")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(timeline).extracting((e) -> e.get("kind")).contains("MIGRATION");
	}

	@Test
	void importsANewCaseTypeFromAnExport() {
		Tenant tenant = this.api.newOrganisation("Agence Import");
		Map<String, Object> export = new java.util.LinkedHashMap<>(
				this.api.get(tenant.token(), "/api/v1/case-types/LOCATION").getBody());
		export.put("key", "LOCATION_MEUBLEE");
		export.put("referencePrefix", "MEUB");
		export.put("labels", Map.of("fr", "Location meublée", "en", "Furnished rental"));
		var created = this.api.post(tenant.token(), "/api/v1/case-types", export);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types", export).getStatusCode().value()).isEqualTo(409);
		var invalid = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "bad key", "referencePrefix", "X", "labels", Map.of("fr", "X"), "workflow",
						Map.of("states", List.of(state("A", true, false)), "transitions", List.of())));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting((e) -> e.get("field"))
			.contains("key", "referencePrefix", "workflow.states");
		var rental = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LOCATION_MEUBLEE", "title", "Studio meublé", "fields", Map.of("rent", 750)));
		assertThat((String) rental.getBody().get("reference")).startsWith("MEUB-");
	}

	String id(org.springframework.http.ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	Map<String, Object> get(Tenant tenant, String id) {
		return this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody();
	}

	Map<String, Object> move(Tenant tenant, String id, Map<String, Object> body) {
		var response = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", body);
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
		return response.getBody();
	}

	List<Map<String, Object>> versions(Tenant tenant) {
		return this.api.raw()
			.get()
			.uri("/api/v1/case-types/LEAD_ACHAT/workflows")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(List.class);
	}

}
