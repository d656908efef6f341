package fr.atlas.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version's export saved back as a draft keeps the export's custom fields (ADR 0090):
 * the draft used to keep the graph and drop the fields, so a field added in the export
 * was lost and a transition requiring it refused.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class WorkflowExportFieldsIntegrationTests {

	static final String TYPE = "/api/v1/case-types/LEAD_ACHAT";

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void anExportSavedAsADraftKeepsItsFieldsAndGivesThemToTheTypeWhenPublished() {
		Tenant tenant = this.api.newOrganisation("Agence Aller-retour");
		Map<String, Object> export = this.api.get(tenant.token(), TYPE).getBody();
		List<Map<String, Object>> typeFields = (List<Map<String, Object>>) export.get("fields");

		// the export as it is: the draft has the same fields and exports back the same
		var same = this.api.post(tenant.token(), TYPE + "/workflows", export);
		assertThat(same.getStatusCode().value()).isEqualTo(201);
		assertThat(same.getBody().get("fields")).isEqualTo(typeFields);
		assertThat(this.api.get(tenant.token(), TYPE + "?version=2").getBody()).isEqualTo(export);

		// a field added, a label changed, and a transition that requires the new field
		Map<String, Object> edited = new LinkedHashMap<>(export);
		List<Map<String, Object>> fields = new ArrayList<>(typeFields);
		fields.set(0, new LinkedHashMap<>(fields.get(0)));
		fields.get(0).put("labels", Map.of("fr", "Acquéreur", "en", "Buyer"));
		fields.add(Map.of("key", "surface", "type", "NUMBER", "labels", Map.of("fr", "Surface (m²)")));
		edited.put("fields", fields);
		Map<String, Object> workflow = new LinkedHashMap<>((Map<String, Object>) export.get("workflow"));
		List<Map<String, Object>> transitions = new ArrayList<>();
		for (Map<String, Object> t : (List<Map<String, Object>>) workflow.get("transitions")) {
			Map<String, Object> copy = new LinkedHashMap<>(t);
			if ("plan_visit".equals(t.get("name"))) {
				copy.put("requiredFields", List.of("surface"));
			}
			transitions.add(copy);
		}
		workflow.put("transitions", transitions);
		edited.put("workflow", workflow);
		assertThat(this.api.post(tenant.token(), TYPE + "/workflows/validate", edited).getBody()).containsEntry("valid",
				true);
		var draft = this.api.post(tenant.token(), TYPE + "/workflows", edited);
		assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(201);
		assertThat(draft.getBody()).containsEntry("version", 3).containsEntry("fields", fields);
		assertThat(this.api.get(tenant.token(), TYPE + "/workflows/3").getBody()).containsEntry("fields", fields);
		assertThat(this.api.get(tenant.token(), TYPE + "?version=3").getBody()).isEqualTo(edited);
		// a draft is not in force: the type keeps its fields until it is published
		assertThat(this.api.get(tenant.token(), TYPE).getBody()).containsEntry("fields", typeFields);
		var early = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Trop tôt", "fields", Map.of("surface", 80)));
		assertThat(early.getStatusCode().value()).isEqualTo(400);
		// a draft edited with its graph alone keeps the fields it brought
		assertThat(this.api.put(tenant.token(), TYPE + "/workflows/3", workflow).getBody()).containsEntry("fields",
				fields);

		assertThat(this.api.post(tenant.token(), TYPE + "/workflows/3/publish", Map.of()).getStatusCode().value())
			.isEqualTo(200);
		assertThat(this.api.get(tenant.token(), TYPE).getBody()).containsEntry("fields", fields);
		var measured = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T3 mesuré", "fields", Map.of("surface", 80)));
		assertThat(measured.getStatusCode().value()).isEqualTo(201);
		assertThat((Map<String, Object>) measured.getBody().get("fields")).containsEntry("surface", 80);

		// another organisation's type is not touched, and it cannot read the version
		Tenant other = this.api.newOrganisation("Agence d’à côté");
		assertThat(this.api.get(other.token(), TYPE).getBody()).containsEntry("fields", typeFields);
		assertThat(this.api.get(other.token(), TYPE + "/workflows/3").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theEditorSavesAPastedExportWithItsFields() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Export collé");
		Map<String, Object> export = new LinkedHashMap<>(this.api.get(tenant.token(), TYPE).getBody());
		List<Map<String, Object>> fields = new ArrayList<>((List<Map<String, Object>>) export.get("fields"));
		fields.add(Map.of("key", "surface", "type", "NUMBER", "labels", Map.of("fr", "Surface (m²)")));
		export.put("fields", fields);
		Session browser = new Session(this.port, tenant.email());
		String page = browser.get("/cases/types/LEAD_ACHAT/workflow").body();
		var saved = browser.post("/cases/types/LEAD_ACHAT/workflow",
				Map.of("document", JsonMapper.builder().build().writeValueAsString(export)),
				attribute(page, "name=\"_csrf\" value"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("version=2");
		assertThat(this.api.get(tenant.token(), TYPE + "/workflows/2").getBody()).containsEntry("fields", fields);
	}

	@Test
	void aDraftMayNotTakeAwayAFieldItsTypeHasNorChangeItsType() {
		Tenant tenant = this.api.newOrganisation("Agence Champs gardés");
		Map<String, Object> export = this.api.get(tenant.token(), TYPE).getBody();
		List<Map<String, Object>> fields = new ArrayList<>((List<Map<String, Object>>) export.get("fields"));
		// lossReason left out, budget made a text
		fields.removeIf((f) -> "lossReason".equals(f.get("key")));
		int budget = 0;
		while (!"budget".equals(fields.get(budget).get("key"))) {
			budget++;
		}
		fields.set(budget, Map.of("key", "budget", "type", "TEXT"));
		Map<String, Object> edited = new LinkedHashMap<>(export);
		edited.put("fields", fields);

		var refused = this.api.post(tenant.token(), TYPE + "/workflows", edited);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(((List<Map<String, Object>>) refused.getBody().get("errors")).stream()
			.map((e) -> e.get("field") + " " + e.get("code")))
			.contains("fields case.type.field-removed", "fields[" + budget + "].type case.type.field-type-changed");
		assertThat(this.api.post(tenant.token(), TYPE + "/workflows/validate", edited).getBody()).containsEntry("valid",
				false);
		assertThat(this.api.getList(tenant.token(), TYPE + "/workflows").getBody()).hasSize(1);
	}

}
