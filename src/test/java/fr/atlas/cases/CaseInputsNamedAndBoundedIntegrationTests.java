package fr.atlas.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outside QA pass of the cases API left open (ADR 0111): a transition's inputs
 * that the move does not take were dropped without a word, a NUMBER field kept any
 * number, the labels and options of an imported type any text, and a read-only token
 * could not check a workflow.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseInputsNamedAndBoundedIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void aTransitionInputThatIsNoFieldAndNoInputOfTheMoveIsNamedAndTheCaseStays() {
		Tenant tenant = this.api.newOrganisation("Agence Entrées nommées");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T3 Part-Dieu");

		ResponseEntity<Map> refused = this.api.post(tenant.token(), path + "/transitions", Map.of("transition",
				"qualify", "budget", 250_000, "financing", "CASH", "comment", "rappeler lundi", "lossReasn", "x"));
		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
		assertThat(errors(refused)).containsExactlyInAnyOrder(
				Map.of("field", "comment", "code", "case.transition.input-unknown"),
				Map.of("field", "lossReasn", "code", "case.transition.input-unknown"));
		assertThat((String) refused.getBody().get("detail")).contains("«\u00A0comment\u00A0»", "«\u00A0qualify\u00A0»",
				"budget");
		assertThat(this.api.get(tenant.token(), path).getBody()).containsEntry("state", "NEW")
			.containsEntry("fields", Map.of());

		// in English for an English reader
		ResponseEntity<Map> english = this.api.raw()
			.post()
			.uri(path + "/transitions")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("transition", "qualify", "budget", 250_000, "financing", "CASH", "comment", "lundi"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat((String) english.getBody().get("detail"))
			.contains("\"comment\" is neither a field of this case type nor an input transition \"qualify\" asks for");

		// the fields of the type and the inputs the move asks for are taken
		ResponseEntity<Map> moved = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "qualify", "budget", 250_000, "financing", "CASH", "postcode", "69003"));
		assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
		assertThat((Map) moved.getBody().get("fields")).containsEntry("postcode", "69003");
		ResponseEntity<Map> lost = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "lose", "lossReason", "Achat ailleurs"));
		assertThat(lost.getStatusCode().value()).as(String.valueOf(lost.getBody())).isEqualTo(200);

		// an unknown transition is still the 409 that lists the allowed ones
		ResponseEntity<Map> unknown = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "teleport", "comment", "x"));
		assertThat(unknown.getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void aNumberFieldKeepsFifteenDigitsOfWhichSixAfterThePoint() {
		Tenant tenant = this.api.newOrganisation("Agence Nombres bornés");
		for (Object number : List.of(1e300, -1e20, new java.math.BigInteger("123456789012345678901234567890"),
				1_000_000_000_000_000L, 0.1234567, "1e300", "0,0000001")) {
			ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "T4 Brotteaux", "fields", Map.of("budget", number)));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(number)).isEqualTo(400);
			assertThat(errors(refused)).as(String.valueOf(number))
				.containsExactly(Map.of("field", "fields.budget", "code", "case.field.number-out-of-range"));
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);

		for (Object number : List.of(999_999_999_999_999L, -999_999_999.123456, 0.000001, "350 000 €")) {
			ResponseEntity<Map> kept = this.api.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "T4 Brotteaux", "fields", Map.of("budget", number)));
			assertThat(kept.getStatusCode().value()).as(String.valueOf(kept.getBody())).isEqualTo(201);
		}
	}

	@Test
	void anImportedTypesLabelsAndOptionsAreBoundedEveryProblemAtOnce() {
		Tenant tenant = this.api.newOrganisation("Agence Libellés bornés");
		Map<String, Object> type = new HashMap<>(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION").getBody());
		type.put("key", "LOCATION_BAVARDE");
		type.put("referencePrefix", "LOCB");
		type.put("labels", Map.of("fr", "Location", "en", "x".repeat(201)));
		List<Map<String, Object>> fields = new ArrayList<>((List<Map<String, Object>>) type.get("fields"));
		List<String> options = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			options.add("OPTION_" + i);
		}
		options.set(7, "o".repeat(201));
		fields.add(Map.of("key", "quartier", "type", "CHOICE", "labels", Map.of("fr", "q".repeat(201)), "options",
				options));
		Map<String, Object> income = new HashMap<>(fields.get(3));
		income.put("labels", Map.of("fr", "Revenus", "en", "r".repeat(201)));
		fields.set(3, income);
		type.put("fields", fields);
		Map<String, Object> workflow = new HashMap<>((Map<String, Object>) type.get("workflow"));
		List<Map<String, Object>> states = new ArrayList<>((List<Map<String, Object>>) workflow.get("states"));
		Map<String, Object> first = new HashMap<>(states.get(0));
		first.put("labels", Map.of("fr", "é".repeat(201), "en", "New"));
		states.set(0, first);
		workflow.put("states", states);
		List<Map<String, Object>> transitions = new ArrayList<>(
				(List<Map<String, Object>>) workflow.get("transitions"));
		Map<String, Object> move = new HashMap<>(transitions.get(0));
		Map<String, String> languages = new LinkedHashMap<>();
		for (String language : List.of("fr", "en", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "fi")) {
			languages.put(language, "Étudier");
		}
		move.put("labels", languages);
		transitions.set(0, move);
		workflow.put("transitions", transitions);
		type.put("workflow", workflow);

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/case-types", type);
		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
		assertThat(errors(refused)).containsExactlyInAnyOrder(Map.of("field", "labels.en", "code", "field.too-long"),
				Map.of("field", "fields[6].options", "code", "field.too-many"),
				Map.of("field", "fields[6].options[7]", "code", "field.too-long"),
				Map.of("field", "fields[6].labels.fr", "code", "field.too-long"),
				Map.of("field", "fields[3].labels.en", "code", "field.too-long"),
				Map.of("field", "workflow.states[0].labels.fr", "code", "field.too-long"),
				Map.of("field", "workflow.transitions[0].labels", "code", "field.too-many"));
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION_BAVARDE").getStatusCode().value())
			.isEqualTo(404);

		// a draft of a type's workflow, and its validation, say the same
		ResponseEntity<Map> draft = this.api.post(tenant.token(), "/api/v1/case-types/LOCATION/workflows", workflow);
		assertThat(draft.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(draft)).containsExactlyInAnyOrder(
				Map.of("field", "states[0].labels.fr", "code", "field.too-long"),
				Map.of("field", "transitions[0].labels", "code", "field.too-many"));
		ResponseEntity<Map> validated = this.api.post(tenant.token(), "/api/v1/case-types/LOCATION/workflows/validate",
				workflow);
		assertThat(validated.getBody()).containsEntry("valid", false);
		assertThat((List<Map<String, Object>>) validated.getBody().get("problems")).extracting((p) -> p.get("path"))
			.contains("states[0].labels.fr", "transitions[0].labels");

		// at the bounds: 200 characters (an emoji is one), 100 options, 10 languages
		type.put("labels", Map.of("fr", "Location", "en", "😀".repeat(200)));
		income.put("labels", Map.of("fr", "Revenus", "en", "r".repeat(200)));
		options.set(7, "o".repeat(200));
		fields.set(fields.size() - 1, Map.of("key", "quartier", "type", "CHOICE", "labels",
				Map.of("fr", "q".repeat(200)), "options", options.subList(0, 100)));
		first.put("labels", Map.of("fr", "é".repeat(200), "en", "New"));
		languages.remove("fi");
		ResponseEntity<Map> imported = this.api.post(tenant.token(), "/api/v1/case-types", type);
		assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
	}

	@Test
	void aReadOnlyTokenMayValidateAWorkflowAndStillNotSaveOne() {
		Tenant tenant = this.api.newOrganisation("Agence Jeton lecteur");
		ResponseEntity<Map> issued = this.api.post(null, "/api/v1/auth/tokens", Map.of("email", tenant.email(),
				"password", ApiClient.PASSWORD, "name", "vérificateur", "readOnly", true));
		String readOnly = (String) issued.getBody().get("token");
		Map<String, Object> workflow = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/case-types/LOCATION")
			.getBody()
			.get("workflow");

		ResponseEntity<Map> validated = this.api.post(readOnly, "/api/v1/case-types/LOCATION/workflows/validate",
				workflow);
		assertThat(validated.getStatusCode().value()).as(String.valueOf(validated.getBody())).isEqualTo(200);
		assertThat(validated.getBody()).containsEntry("valid", true);
		ResponseEntity<String> yaml = this.api.raw()
			.post()
			.uri("/api/v1/case-types/LOCATION/workflows/validate")
			.headers((h) -> h.setBearerAuth(readOnly))
			.contentType(MediaType.parseMediaType("application/yaml"))
			.body("states: [\n")
			.retrieve()
			.toEntity(String.class);
		assertThat(yaml.getStatusCode().value()).isEqualTo(200);

		// saving it, as every other write, is still refused
		assertThat(this.api.post(readOnly, "/api/v1/case-types/LOCATION/workflows", workflow).getStatusCode().value())
			.isEqualTo(403);
		assertThat(this.api.post(readOnly, "/api/v1/cases", Map.of("caseType", "LOCATION", "title", "T2"))
			.getStatusCode()
			.value()).isEqualTo(403);
		// and another organisation's type is still unknown to it
		Tenant other = this.api.newOrganisation("Agence Jeton voisine");
		ResponseEntity<Map> imported = this.api.post(other.token(), "/api/v1/case-types",
				withKey(this.api.get(other.token(), "/api/v1/case-types/LOCATION").getBody(), "LOCATION_VOISINE"));
		assertThat(imported.getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.post(readOnly, "/api/v1/case-types/LOCATION_VOISINE/workflows/validate", workflow)
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	private static Map<String, Object> withKey(Map<String, Object> type, String key) {
		Map<String, Object> copy = new HashMap<>(type);
		copy.put("key", key);
		copy.put("referencePrefix", "LOCV");
		return copy;
	}

	/** Each error's field and code. */
	private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((error) -> Map.of("field", error.get("field"), "code", error.get("code")))
			.toList();
	}

}
