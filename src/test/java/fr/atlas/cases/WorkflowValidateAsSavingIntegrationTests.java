package fr.atlas.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST …/workflows/validate} tells a tool what saving or publishing would refuse,
 * at the same paths and with the same codes (ADR 0089): it said "valid" to an admin's
 * draft that opened an owner-only move, and to an edited export whose field keys its
 * import refuses.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class WorkflowValidateAsSavingIntegrationTests {

	static final String TYPE = "/api/v1/case-types/LEAD_ACHAT";

	static final String BASE = TYPE + "/workflows";

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	Map<String, Object> withRoles(Tenant tenant, String name, List<String> roles) {
		return WorkflowOwnerMovesIntegrationTests.withRoles(this.api, tenant, name, roles);
	}

	static List<String> errors(Map<String, Object> body) {
		return WorkflowOwnerMovesIntegrationTests.errors(body);
	}

	static List<String> problems(Map<String, Object> body) {
		return ((List<Map<String, Object>>) body.get("problems")).stream()
			.map((e) -> e.get("path") + " " + e.get("code"))
			.toList();
	}

	@Test
	void validateRefusesTheOwnerOnlyMoveAnAdminsSaveRefuses() {
		Tenant tenant = this.api.newOrganisation("Agence Valider comme enregistrer");
		TestMembers.SignedIn admin = this.members.addSignedIn(this.api, tenant, "Aline Admin", "ADMIN");
		assertThat(
				this.api.post(tenant.token(), BASE, withRoles(tenant, "win", List.of("OWNER"))).getStatusCode().value())
			.isEqualTo(201);
		assertThat(this.api.post(tenant.token(), BASE + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(200);

		Map<String, Object> reopened = withRoles(tenant, "win", List.of());
		var saved = this.api.post(admin.token(), BASE, reopened);
		assertThat(saved.getStatusCode().value()).isEqualTo(400);
		var validated = this.api.post(admin.token(), BASE + "/validate", reopened);
		assertThat(validated.getStatusCode().value()).isEqualTo(200);
		assertThat(validated.getBody().get("valid")).isEqualTo(false);
		assertThat(problems(validated.getBody())).isEqualTo(errors(saved.getBody()))
			.containsExactly("transitions[4].roles workflow.roles-not-held");
		assertThat(((List<Map<String, Object>>) validated.getBody().get("problems")).getFirst().get("message"))
			.isEqualTo(((List<Map<String, Object>>) saved.getBody().get("errors")).getFirst().get("message"));

		// with a broken graph too, every problem at once
		Map<String, Object> broken = withRoles(tenant, "win", List.of());
		List<Map<String, Object>> states = new ArrayList<>((List<Map<String, Object>>) broken.get("states"));
		states.add(Map.of("key", "ORPHAN"));
		broken.put("states", states);
		assertThat(problems(this.api.post(admin.token(), BASE + "/validate", broken).getBody()))
			.contains("states workflow.unreachable-state", "transitions[4].roles workflow.roles-not-held");

		// the owner, who may open it, is told it is valid, as the save takes it
		var byOwner = this.api.post(tenant.token(), BASE + "/validate", reopened);
		assertThat(byOwner.getBody().get("valid")).isEqualTo(true);
		assertThat(this.api.post(tenant.token(), BASE, reopened).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void validateRefusesTheFieldKeysTheImportRefuses() {
		Tenant tenant = this.api.newOrganisation("Agence Valider les champs");
		Map<String, Object> export = new LinkedHashMap<>(this.api.get(tenant.token(), TYPE).getBody());
		List<Map<String, Object>> fields = new ArrayList<>((List<Map<String, Object>>) export.get("fields"));
		fields.add(Map.of("key", "surface habitable", "type", "NUMBER"));
		fields.add(Map.of("key", "budget", "type", "NUMBER"));
		fields.add(Map.of("key", "etage", "type", "TEXT", "options", List.of("RDC")));
		export.put("fields", fields);
		var validated = this.api.post(tenant.token(), BASE + "/validate", export);
		assertThat(validated.getStatusCode().value()).isEqualTo(200);
		assertThat(validated.getBody().get("valid")).isEqualTo(false);
		int n = fields.size();
		assertThat(problems(validated.getBody())).containsExactly(
				"fields[" + (n - 3) + "].key case.type.field-key-invalid",
				"fields[" + (n - 2) + "].key case.type.field-key-duplicate",
				"fields[" + (n - 1) + "].options case.type.field-options-not-choice");

		// the same document imported as a type is refused at those paths, with those
		// codes
		Map<String, Object> asNew = new LinkedHashMap<>(export);
		asNew.put("key", "LEAD_COPIE");
		var imported = this.api.post(tenant.token(), "/api/v1/case-types", asNew);
		assertThat(imported.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(imported.getBody())).isEqualTo(problems(validated.getBody()));

		// the export as it is stays valid, and so does the workflow alone
		Map<String, Object> untouched = this.api.get(tenant.token(), TYPE).getBody();
		assertThat(this.api.post(tenant.token(), BASE + "/validate", untouched).getBody().get("valid")).isEqualTo(true);
		assertThat(this.api.post(tenant.token(), BASE + "/validate", untouched.get("workflow")).getBody().get("valid"))
			.isEqualTo(true);
	}

}
