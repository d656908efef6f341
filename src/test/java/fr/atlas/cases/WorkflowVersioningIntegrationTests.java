package fr.atlas.cases;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TestMembers;
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

	@Autowired
	TestMembers members;

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

	/**
	 * A migration that maps running cases onto a final state closes them: it did so
	 * without what the state does on entry (its task, its event) and whatever role its
	 * transitions ask, so an admin closed as won what only an owner may (ADR 0078).
	 */
	@Test
	void aMigrationThatClosesCasesRunsTheFinalStatesEntryActionsAndNeedsARoleThatClosesThem() {
		Tenant tenant = this.api.newOrganisation("Agence Migration finale");
		TestMembers.SignedIn admin = this.members.addSignedIn(this.api, tenant, "Adèle Admin", "ADMIN");
		String waiting = id(this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Reste nouveau")));
		String qualified = id(this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Qualifié puis gagné")));
		move(tenant, qualified, Map.of("transition", "qualify", "budget", 200000, "financing", "CASH"));
		String base = "/api/v1/case-types/LEAD_ACHAT/workflows";
		Map<String, Object> won = Map.of("key", "WON", "final", true, "labels", Map.of("fr", "Gagné"), "onEnter",
				List.of(Map.of("type", "CREATE_TASK", "name", "Archiver le dossier", "due", "PT4H"),
						Map.of("type", "EMIT_EVENT", "name", "lead-won")));
		Map<String, Object> version2 = Map.of("states",
				List.of(state("NEW", true, false), state("OFFER", false, false), won, state("LOST", false, true)),
				"transitions",
				List.of(transition("offer", List.of("NEW"), "OFFER"),
						Map.of("name", "win", "from", List.of("OFFER"), "to", "WON", "roles", List.of("OWNER")),
						transition("lose", List.of("NEW", "OFFER"), "LOST")));
		assertThat(this.api.post(admin.token(), base, version2).getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.post(admin.token(), base + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(200);

		var refused = this.api.post(admin.token(), base + "/2/migrate", Map.of("mapping", Map.of("QUALIFIED", "WON")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((e) -> e.get("field") + " " + e.get("code") + " " + e.get("message"))
			.containsExactly(
					"mapping.QUALIFIED workflow.mapping-role Les dossiers en cours dans l’état «\u00a0Qualifié\u00a0» "
							+ "seraient clos dans l’état «\u00a0Gagné\u00a0», que seul le rôle Propriétaire peut clore\u00a0: une migration ne "
							+ "clôt que ce que vous pourriez clore vous-même. Associez «\u00a0Qualifié\u00a0» à un autre état, ou "
							+ "demandez cette migration à un membre qui a ce rôle.");
		// the states by their labels in the member's language, each in its version; the
		// path keeps the key
		Map<String, Object> english = this.api.raw().post().uri(base + "/2/migrate").headers((h) -> {
			h.setBearerAuth(admin.token());
			h.set("Accept-Language", "en");
		})
			.body(Map.of("mapping", Map.of("QUALIFIED", "WON")))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.body(Map.class);
		assertThat((List<Map<String, Object>>) english.get("errors")).singleElement()
			.extracting((e) -> e.get("field") + " " + e.get("message"))
			.asString()
			.startsWith("mapping.QUALIFIED The running cases in state “Qualified” would be closed in state “Gagné”, "
					+ "which only the role Owner may close");
		assertThat(get(tenant, qualified)).containsEntry("workflowVersion", 1).containsEntry("state", "QUALIFIED");
		// another organisation has no such version to migrate to, and moves nothing here
		Tenant other = this.api.newOrganisation("Agence Migration voisine");
		assertThat(this.api.post(other.token(), base + "/2/migrate", Map.of("mapping", Map.of("QUALIFIED", "WON")))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(get(tenant, qualified)).containsEntry("state", "QUALIFIED");

		var migrated = this.api.post(tenant.token(), base + "/2/migrate",
				Map.of("mapping", Map.of("QUALIFIED", "WON")));
		assertThat(migrated.getBody()).containsEntry("migrated", 2);
		assertThat(get(tenant, qualified)).containsEntry("state", "WON")
			.extracting((c) -> c.get("closedAt"))
			.isNotNull();
		List<Map<String, Object>> tasks = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + qualified + "/tasks")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(tasks).extracting((t) -> t.get("title")).contains("Archiver le dossier");
		List<Map<String, Object>> timeline = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + qualified + "/timeline")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(timeline).extracting((e) -> e.get("kind") + " " + ((Map) e.get("payload")).get("name"))
			.contains("EVENT lead-won");
		// a case the migration keeps open gets no entry work again
		assertThat(get(tenant, waiting)).containsEntry("state", "NEW").containsEntry("workflowVersion", 2);
		List<Map<String, Object>> waitingTasks = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + waiting + "/tasks")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(waitingTasks).hasSize(1);
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
