package fr.atlas.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import fr.atlas.cases.CasePagesIntegrationTests.Session;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cases API keeps of a client's free text has a bound (ADR 0104): a listing's id
 * of thousands of characters was a 500 (its index refused it), and a tag, a task's or an
 * appointment's title, place or participant of megabytes was kept whole.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseApiBoundsIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	/**
	 * Letters that do not compress: a long run of one letter fits in the index once
	 * compressed, and hid the failure.
	 */
	private static String letters(int length) {
		Random random = new Random(length);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	@Test
	void aListingWhoseIdIsThousandsOfCharactersLongIsA400NotA500() {
		Tenant tenant = this.api.newOrganisation("Agence Biens aux longues références");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T2 Vaise") + "/parties";

		ResponseEntity<Map> refused = this.api.post(tenant.token(), path,
				Map.of("type", "LISTING", "id", letters(20_000), "label", "T2 Vaise"));
		assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(Map.of("field", "id", "code", "field.too-long"));
		assertThat(this.api.getList(tenant.token(), path).getBody()).isEmpty();

		String longest = letters(200);
		assertThat(this.api.post(tenant.token(), path, Map.of("type", "LISTING", "id", longest, "label", "T2 Vaise"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat((List<Map<String, Object>>) this.api.getList(tenant.token(), path).getBody())
			.extracting((party) -> party.get("id"))
			.containsExactly(longest);
	}

	@Test
	void aCaseHasAtMostFiftyTagsOfAtMostFiftyCharacters() {
		Tenant tenant = this.api.newOrganisation("Agence Étiquettes bornées");
		ResponseEntity<Map> tooLong = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T3 Monplaisir", "tags", List.of("vip", letters(51))));
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(tooLong)).containsExactly(Map.of("field", "tags[1]", "code", "field.too-long"));
		ResponseEntity<Map> tooMany = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T3 Monplaisir", "tags", tags(51)));
		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(tooMany)).containsExactly(Map.of("field", "tags", "code", "field.too-many"));
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);

		// fifty tags of fifty characters (and blanks and repeats, which are not kept)
		List<String> fifty = new ArrayList<>(tags(50));
		fifty.add(" ");
		fifty.add(fifty.get(0));
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T3 Monplaisir", "tags", fifty));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		assertThat((List) created.getBody().get("tags")).hasSize(50);

		String path = "/api/v1/cases/" + created.getBody().get("id");
		List<String> more = new ArrayList<>(tags(50));
		more.add("un de trop");
		ResponseEntity<Map> oneMore = this.api.patch(tenant.token(), path, Map.of("version", 0, "tags", more));
		assertThat(oneMore.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(oneMore)).containsExactly(Map.of("field", "tags", "code", "field.too-many"));
		ResponseEntity<Map> longer = this.api.patch(tenant.token(), path,
				Map.of("version", 0, "tags", List.of(letters(3_000_000))));
		assertThat(longer.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(longer)).containsExactly(Map.of("field", "tags[0]", "code", "field.too-long"));

		// the case as read, sent back whole, is still no change
		Map<String, Object> asRead = new HashMap<>(this.api.get(tenant.token(), path).getBody());
		asRead.put("title", "T3 Monplaisir, balcon");
		ResponseEntity<Map> sentBack = this.api.patch(tenant.token(), path, asRead);
		assertThat(sentBack.getStatusCode().value()).as(String.valueOf(sentBack.getBody())).isEqualTo(200);
		assertThat((List) sentBack.getBody().get("tags")).hasSize(50);
	}

	@Test
	void aTaskAndAnAppointmentKeepBoundedTexts() {
		Tenant tenant = this.api.newOrganisation("Agence Rendez-vous bornés");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "Maison Écully");

		ResponseEntity<Map> task = this.api.post(tenant.token(), path + "/tasks", Map.of("title", letters(201)));
		assertThat(task.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(task)).containsExactly(Map.of("field", "title", "code", "field.too-long"));

		List<String> participants = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			participants.add("acheteur" + i + "@exemple.fr");
		}
		participants.set(3, letters(201));
		ResponseEntity<Map> appointment = this.api.post(tenant.token(), path + "/appointments", Map.of("title",
				letters(201), "startsAt", "2026-12-09T09:00:00Z", "place", letters(501), "participants", participants));
		assertThat(appointment.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(appointment)).containsExactlyInAnyOrder(Map.of("field", "title", "code", "field.too-long"),
				Map.of("field", "place", "code", "field.too-long"),
				Map.of("field", "participants[3]", "code", "field.too-long"),
				Map.of("field", "participants", "code", "field.too-many"));
		assertThat(this.api.getList(tenant.token(), path + "/appointments").getBody()).isEmpty();
		assertThat(this.api.getList(tenant.token(), path + "/tasks").getBody())
			.noneMatch((t) -> ((Map) t).get("title").toString().length() > 200);

		// at the bounds, both are kept
		assertThat(
				this.api.post(tenant.token(), path + "/tasks", Map.of("title", letters(200))).getStatusCode().value())
			.isEqualTo(201);
		assertThat(this.api.post(tenant.token(), path + "/appointments",
				Map.of("title", letters(200), "startsAt", "2026-12-09T09:00:00Z", "place", letters(500), "participants",
						participants.subList(0, 50).stream().map((p) -> p.substring(0, 10)).toList()))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	/**
	 * The case page names the list a refused item is in: "50 caractères au maximum" alone
	 * did not say which of the form's fields was too long.
	 */
	@Test
	void theCasePageNamesTheListOfATagOrAParticipantTooLong() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Formulaires bornés");
		String id = Leads.open(this.api, tenant, "T4 Part-Dieu");
		Session browser = new Session(this.port, tenant.email());
		String csrf = CasePagesIntegrationTests.attribute(browser.get("/cases/" + id).body(), "name=\"_csrf\" value");

		browser.post("/cases/" + id, Map.of("version", "0", "title", "T4 Part-Dieu", "tags", "vip, " + letters(51)),
				csrf);
		String refused = browser.get("/cases/" + id).body();
		assertThat(refused).contains("Étiquettes\u00a0: 50 caractères au maximum");
		// what was typed is there to correct, not the stored values
		assertThat(refused).contains("name=\"tags\" value=\"vip, " + letters(51) + "\"");
		browser.post("/cases/" + id + "/appointments", Map.of("title", "Visite", "startsAt", "2026-12-09T10:00",
				"participants", "camille@exemple.fr, " + letters(201)), csrf);
		assertThat(browser.get("/cases/" + id).body()).contains("Participants\u00a0: 200 caractères au maximum");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0);
		// once saved, the page shows the case as stored
		browser.post("/cases/" + id, Map.of("version", "0", "title", "T4 Part-Dieu", "tags", "vip"), csrf);
		assertThat(browser.get("/cases/" + id).body()).contains("name=\"tags\" value=\"vip\"");
	}

	/**
	 * A custom date field holds a day of the years 1 to 9999, as every day the API reads:
	 * "+10000-01-01" and "0000-01-01" were kept.
	 */
	@Test
	void aDateFieldHoldsADayOfTheYears1To9999() {
		Tenant tenant = this.api.newOrganisation("Agence Dates bornées");
		Map<String, Object> type = new HashMap<>(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION").getBody());
		List<Object> fields = new ArrayList<>((List<Object>) type.get("fields"));
		fields.add(Map.of("key", "visitDate", "type", "DATE", "labels",
				Map.of("fr", "Date de visite", "en", "Visit date")));
		type.put("fields", fields);
		type.put("key", "LOCATION_DATEE");
		type.put("referencePrefix", "LOCD");
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types", type).getStatusCode().value()).isEqualTo(201);

		for (String day : List.of("+10000-01-01", "0000-12-31", "-0001-06-01")) {
			ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType",
					"LOCATION_DATEE", "title", "T2 Croix-Rousse", "fields", Map.of("visitDate", day)));
			assertThat(refused.getStatusCode().value()).as(day).isEqualTo(400);
			assertThat(errors(refused)).as(day)
				.containsExactly(Map.of("field", "fields.visitDate", "code", "case.field.invalid-date"));
		}
		for (String day : List.of("0001-01-01", "9999-12-31")) {
			ResponseEntity<Map> kept = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType",
					"LOCATION_DATEE", "title", "T2 Croix-Rousse", "fields", Map.of("visitDate", day)));
			assertThat(kept.getStatusCode().value()).as(day).isEqualTo(201);
			assertThat((Map<String, Object>) kept.getBody().get("fields")).containsEntry("visitDate", day);
		}
	}

	/**
	 * A case type imported with another type's reference prefix was accepted, and every
	 * case of it was then refused with a 409 "written at the same time": both types
	 * counted LEAD-2026-00001.
	 */
	@Test
	void aCaseTypeCannotTakeAnotherTypesReferencePrefix() {
		Tenant tenant = this.api.newOrganisation("Agence Préfixes uniques");
		Tenant other = this.api.newOrganisation("Agence Préfixes voisine");
		Map<String, Object> type = new HashMap<>(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION").getBody());
		type.put("key", "LOCATION_MEUBLEE");
		type.put("referencePrefix", "LEAD");

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/case-types", type);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "case.type.prefix-taken");
		assertThat((String) refused.getBody().get("detail")).contains("LEAD_ACHAT", "LEAD");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION_MEUBLEE").getStatusCode().value())
			.isEqualTo(404);

		// another organisation's prefixes are its own
		type.put("referencePrefix", "MEUB");
		assertThat(this.api.post(other.token(), "/api/v1/case-types", type).getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types", type).getStatusCode().value()).isEqualTo(201);
		ResponseEntity<Map> opened = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LOCATION_MEUBLEE", "title", "T2 meublé Brotteaux"));
		assertThat(opened.getStatusCode().value()).isEqualTo(201);
		assertThat((String) opened.getBody().get("reference")).startsWith("MEUB-");
		// the same type sent again is still told that it exists
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types", type).getBody()).containsEntry("code",
				"case.type.exists");
	}

	/**
	 * An input a transition requires that is no field of the type is kept on the
	 * timeline: as a note, a text of at most 10,000 characters, not an object.
	 */
	@Test
	void anInputATransitionRequiresIsATextOfBoundedLength() {
		Tenant tenant = this.api.newOrganisation("Agence Motifs bornés");
		Map<String, Object> type = new HashMap<>(this.api.get(tenant.token(), "/api/v1/case-types/LOCATION").getBody());
		Map<String, Object> workflow = new HashMap<>((Map<String, Object>) type.get("workflow"));
		List<Map<String, Object>> transitions = new ArrayList<>();
		for (Map<String, Object> transition : (List<Map<String, Object>>) workflow.get("transitions")) {
			Map<String, Object> copy = new HashMap<>(transition);
			if ("withdraw".equals(copy.get("name"))) {
				copy.put("requiredInputs", List.of("comment"));
			}
			transitions.add(copy);
		}
		workflow.put("transitions", transitions);
		type.put("workflow", workflow);
		type.put("key", "LOCATION_MOTIVEE");
		type.put("referencePrefix", "LOCM");
		ResponseEntity<Map> imported = this.api.post(tenant.token(), "/api/v1/case-types", type);
		assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
		ResponseEntity<Map> opened = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LOCATION_MOTIVEE", "title", "T1 Saxe-Gambetta"));
		String path = "/api/v1/cases/" + opened.getBody().get("id");

		ResponseEntity<Map> object = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "withdraw", "comment", Map.of("texte", "parti ailleurs")));
		assertThat(object.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(object)).containsExactly(Map.of("field", "comment", "code", "json.expected.text"));
		ResponseEntity<Map> huge = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "withdraw", "comment", letters(10_001)));
		assertThat(huge.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(huge)).containsExactly(Map.of("field", "comment", "code", "field.too-long"));
		assertThat(this.api.get(tenant.token(), path).getBody()).containsEntry("state", "NEW");

		ResponseEntity<Map> moved = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "withdraw", "comment", "Parti louer à Villeurbanne"));
		assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
		assertThat(moved.getBody()).containsEntry("state", "DESISTE");
		assertThat(this.api.getList(tenant.token(), path + "/timeline").getBody()).asString()
			.contains("Parti louer à Villeurbanne");
	}

	private static List<String> tags(int count) {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tags.add(String.format("%02d", i) + letters(48));
		}
		return tags;
	}

	/** Each error's field and code. */
	private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((error) -> Map.of("field", error.get("field"), "code", error.get("code")))
			.toList();
	}

}
