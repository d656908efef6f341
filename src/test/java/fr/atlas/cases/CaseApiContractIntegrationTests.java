package fr.atlas.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases API as an outside client meets it: far pages, versions that are no whole
 * number, patches that name what a patch cannot change, migration mappings onto missing
 * states, the addresses of what is created, and the statuses the OpenAPI document gives.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseApiContractIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	/**
	 * A case sent with several mistakes is told all of them: a bad priority used to hide
	 * an unknown field value and an unknown assignee until it was corrected.
	 */
	@Test
	void aNewCaseIsToldEveryProblemAtOnce() {
		Tenant tenant = this.api.newOrganisation("Agence Toutes les erreurs");
		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T2 Croix-Rousse", "priority", "URGENTISSIME", "fields",
						Map.of("budget", "beaucoup", "financing", "TONTINE"), "assigneeId",
						"0b6c2d4e-8f1a-4b3c-9d5e-7f8a9b0c1d2e"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field"))
			.contains("priority", "fields.budget", "fields.financing", "assigneeId");
		// a type it does not know, beside a missing title: both
		ResponseEntity<Map> unknownType = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_INCONNU", "title", " "));
		assertThat((List<Map<String, Object>>) unknownType.getBody().get("errors"))
			.extracting((error) -> error.get("code"))
			.containsExactlyInAnyOrder("field.required", "case.type.unknown");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);
	}

	@Test
	void aPageFarPastTheEndIsEmptyNotAServerError() {
		Tenant tenant = this.api.newOrganisation("Agence Pages lointaines");
		Leads.open(this.api, tenant, "Studio Perrache");
		for (String path : List.of("/api/v1/cases?page=2147483647&size=500",
				"/api/v1/notifications?page=2147483647&size=100")) {
			ResponseEntity<Map> page = this.api.get(tenant.token(), path);
			assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
			assertThat((List) page.getBody().get("items")).as(path).isEmpty();
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?page=2147483647&size=500").getBody())
			.containsEntry("total", 1);
	}

	@Test
	void aSearchFindsUnderscoresAndBackslashesAsWrittenNotAsWildcards() {
		Tenant tenant = this.api.newOrganisation("Agence Recherche littérale");
		Leads.open(this.api, tenant, "Lot_12 Gerland");
		Leads.open(this.api, tenant, "Lot 12 Gerland");
		Leads.open(this.api, tenant, "Dossier C:\\Lyon");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?q=_").getBody()).containsEntry("total", 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?q=Lot_12").getBody()).containsEntry("total", 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?q=C:\\").getBody()).containsEntry("total", 1);
	}

	@Test
	void aVersionThatIsNoWholeNumberIsRefusedNotRoundedToTheCurrentOne() {
		Tenant tenant = this.api.newOrganisation("Agence Versions entières");
		String id = Leads.open(this.api, tenant, "T2 Brotteaux");
		// read as an int, 0.5 and 2^32 were both version 0, the current one
		for (Object version : List.of(0.5, 4294967296L)) {
			var patched = this.api.patch(tenant.token(), "/api/v1/cases/" + id,
					Map.of("version", version, "title", "Changé"));
			assertThat(patched.getStatusCode().value()).as(String.valueOf(version)).isEqualTo(400);
			assertThat(patched.getBody().toString()).contains("field=version", "json.expected.integer");
			var moved = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
					Map.of("transition", "lose", "lossReason", "Parti ailleurs", "version", version));
			assertThat(moved.getStatusCode().value()).as(String.valueOf(version)).isEqualTo(400);
		}
		var notText = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", Map.of("transition", 5));
		assertThat(notText.getStatusCode().value()).isEqualTo(400);
		assertThat(notText.getBody().toString()).contains("field=transition", "json.expected.text");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0)
			.containsEntry("state", "NEW")
			.containsEntry("title", "T2 Brotteaux");
	}

	@Test
	void aBodyPropertyTheEndpointDoesNotHaveIsRefusedNotSilentlyLeftOut() {
		Tenant tenant = this.api.newOrganisation("Agence Propriétés inconnues");
		var created = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Villa Caluire", "assignee", tenant.userId().toString()));
		assertThat(created.getStatusCode().value()).isEqualTo(400);
		assertThat(created.getBody().toString()).contains("field=assignee", "code=json.unknown-property", "assigneeId");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);

		String id = Leads.open(this.api, tenant, "Villa Caluire");
		// "chanel" would have made the record of a call a plain note
		var note = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes",
				Map.of("text", "Appelé, rappeler lundi", "chanel", "CALL"));
		assertThat(note.getStatusCode().value()).isEqualTo(400);
		assertThat(note.getBody().toString()).contains("field=chanel", "json.unknown-property");
		var task = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/tasks",
				Map.of("title", "Relancer", "due", "2030-01-10T09:00:00Z"));
		assertThat(task.getStatusCode().value()).isEqualTo(400);
		assertThat(task.getBody().toString()).contains("field=due", "json.unknown-property");
		var appointment = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments", Map.of("title",
				"Visite", "startsAt", "2030-01-10T09:00:00Z", "endsAt", "2030-01-10T10:00:00Z", "location", "Caluire"));
		assertThat(appointment.getStatusCode().value()).isEqualTo(400);
		assertThat(appointment.getBody().toString()).contains("field=location", "json.unknown-property");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/timeline").getBody().toString())
			.doesNotContain("rappeler lundi");
		var call = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes",
				Map.of("text", "Appelé, rappeler lundi", "channel", "CALL"));
		assertThat(call.getStatusCode().value()).isEqualTo(201);
		assertThat(call.getHeaders().getLocation()).hasToString("/api/v1/cases/" + id + "/timeline");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/tasks").getBody().toString())
			.doesNotContain("Relancer");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/appointments").getBody()).isEmpty();
	}

	@Test
	void assignmentRulesWithAMisspeltPropertyAreRefusedAndRemovingThemTakesAnEmptyList() {
		Tenant tenant = this.api.newOrganisation("Agence Règles strictes");
		String path = "/api/v1/case-types/LEAD_ACHAT/assignment-rules";
		Map<String, Object> rule = Map.of("name", "Hauts-de-Seine", "postcodes", List.of("92"), "assignees",
				List.of(tenant.userId().toString()));
		assertThat(this.api.put(tenant.token(), path, Map.of("rules", List.of(rule))).getStatusCode().value())
			.isEqualTo(200);
		// "postcode" left out would make a rule for every postcode; "rulez" left out
		// would remove them all
		var singular = this.api.put(tenant.token(), path, Map.of("rules",
				List.of(Map.of("name", "Paris", "postcode", List.of("75"), "assignees", List.of(tenant.userId())))));
		assertThat(singular.getStatusCode().value()).isEqualTo(400);
		assertThat(singular.getBody().toString()).contains("field=rules[0].postcode", "json.unknown-property");
		var misspelt = this.api.put(tenant.token(), path, Map.of("rulez", List.of()));
		assertThat(misspelt.getStatusCode().value()).isEqualTo(400);
		assertThat(misspelt.getBody().toString()).contains("field=rulez");
		var none = this.api.put(tenant.token(), path, Map.of());
		assertThat(none.getStatusCode().value()).isEqualTo(400);
		assertThat(none.getBody().toString()).contains("field=rules", "field.required");
		var otherType = this.api.put(tenant.token(), path, Map.of("caseType", "PROSPECTION", "rules", List.of()));
		assertThat(otherType.getStatusCode().value()).isEqualTo(400);
		assertThat((List) this.api.get(tenant.token(), path).getBody().get("rules")).hasSize(1);

		// the document as read goes back as it is
		var asRead = this.api.put(tenant.token(), path, this.api.get(tenant.token(), path).getBody());
		assertThat(asRead.getStatusCode().value()).as(String.valueOf(asRead.getBody())).isEqualTo(200);
		assertThat((List) asRead.getBody().get("rules")).hasSize(1);
		assertThat(this.api.put(tenant.token(), path, Map.of("rules", List.of())).getBody().get("rules"))
			.isEqualTo(List.of());
	}

	@Test
	void aListFilteredByATypeOrAStateNoWorkflowHasIsRefusedNotAnEmptyPage() {
		Tenant tenant = this.api.newOrganisation("Agence Filtres connus");
		Leads.open(this.api, tenant, "Loft Confluence");
		for (String filter : List.of("type=lead_achat", "type=ACHAT", "state=NOUVEAU",
				"type=LEAD_ACHAT&state=CLIENT")) {
			var refused = this.api.get(tenant.token(), "/api/v1/cases?" + filter);
			assertThat(refused.getStatusCode().value()).as(filter).isEqualTo(400);
			assertThat(refused.getBody().toString()).as(filter)
				.contains("field=" + (filter.contains("state") ? "state" : "type"));
		}
		// a state of another type's workflow, or one no case is in, is a fair question
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?state=CLIENT").getBody()).containsEntry("total", 0);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?type=LEAD_ACHAT&state=WON").getBody())
			.containsEntry("total", 0);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?type=LEAD_ACHAT&state=NEW").getBody())
			.containsEntry("total", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theListSortsAsThePageDoesAndRefusesAnOrderItDoesNotHave() {
		Tenant tenant = this.api.newOrganisation("Agence Ordre des dossiers");
		Leads.open(this.api, tenant, "zinc et parquet");
		Leads.open(this.api, tenant, "Échoppe à Vaise");
		Leads.open(this.api, tenant, "Appartement Zola");
		java.util.function.Function<String, List<String>> titles = (
				path) -> ((List<Map<String, Object>>) this.api.get(tenant.token(), path).getBody().get("items"))
					.stream()
					.map((c) -> (String) c.get("title"))
					.toList();
		assertThat(titles.apply("/api/v1/cases")).containsExactly("Appartement Zola", "Échoppe à Vaise",
				"zinc et parquet");
		assertThat(titles.apply("/api/v1/cases?sort=title")).containsExactly("Appartement Zola", "Échoppe à Vaise",
				"zinc et parquet");
		assertThat(titles.apply("/api/v1/cases?sort=-title")).containsExactly("zinc et parquet", "Échoppe à Vaise",
				"Appartement Zola");
		assertThat(titles.apply("/api/v1/cases?sort=created")).containsExactly("zinc et parquet", "Échoppe à Vaise",
				"Appartement Zola");
		var refused = this.api.get(tenant.token(), "/api/v1/cases?sort=budget");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=sort", "budget");
	}

	@Test
	void workingHoursWithAMisspeltPropertyAreRefusedNotSavedAsParisHours() {
		Tenant tenant = this.api.newOrganisation("Agence Horaires stricts");
		String path = "/api/v1/cases/working-hours";
		Map<String, Object> monday = Map.of("MONDAY", Map.of("opens", "08:00", "closes", "17:00"));
		var zone = this.api.put(tenant.token(), path, Map.of("timezone", "Europe/London", "days", monday));
		assertThat(zone.getStatusCode().value()).isEqualTo(400);
		assertThat(zone.getBody().toString()).contains("field=timezone", "json.unknown-property");
		var opening = this.api.put(tenant.token(), path, Map.of("timeZone", "Europe/London", "days",
				Map.of("MONDAY", Map.of("opens", "08:00", "closes", "17:00", "lunch", "12:00"))));
		assertThat(opening.getBody().toString()).contains("field=days.MONDAY.lunch", "json.unknown-property");
		var holidays = this.api.put(tenant.token(), path,
				Map.of("timeZone", "Europe/London", "frenchPublicHolidays", "non", "days", monday));
		assertThat(holidays.getBody().toString()).contains("field=frenchPublicHolidays", "json.expected.boolean");
		assertThat(this.api.get(tenant.token(), path).getBody()).containsEntry("timeZone", "Europe/Paris");

		var saved = this.api.put(tenant.token(), path, Map.of("timeZone", "Europe/London", "days", monday));
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.put(tenant.token(), path, saved.getBody()).getBody()).containsEntry("timeZone",
				"Europe/London");
	}

	@Test
	void aTeamWithAMisspeltPropertyIsRefusedAndATeamAsReadGoesBack() {
		Tenant tenant = this.api.newOrganisation("Agence Équipes strictes");
		var created = this.api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", "Transaction Lyon", "members", List.of(tenant.userId().toString())));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String path = "/api/v1/teams/" + created.getBody().get("id");
		// "memberz" left out would have emptied the team
		var misspelt = this.api.put(tenant.token(), path, Map.of("name", "Transaction Lyon", "memberz", List.of()));
		assertThat(misspelt.getStatusCode().value()).isEqualTo(400);
		assertThat(misspelt.getBody().toString()).contains("field=memberz", "json.unknown-property");
		assertThat((List) this.api.get(tenant.token(), path).getBody().get("members")).hasSize(1);
		Map<String, Object> asRead = new HashMap<>(this.api.get(tenant.token(), path).getBody());
		asRead.put("name", "Transaction Lyon Est");
		var renamed = this.api.put(tenant.token(), path, asRead);
		assertThat(renamed.getStatusCode().value()).as(String.valueOf(renamed.getBody())).isEqualTo(200);
		assertThat(renamed.getBody()).containsEntry("name", "Transaction Lyon Est");
		assertThat((List) renamed.getBody().get("members")).hasSize(1);
	}

	@Test
	void aParameterOfTheWrongTypeIsNamedInErrorsAsABodyValueIs() {
		Tenant tenant = this.api.newOrganisation("Agence Paramètres nommés");
		Map<String, String> expected = Map.of("page=abc", "page:json.expected.integer", "assignee=moi",
				"assignee:json.expected.uuid", "open=peut-etre", "open:json.expected.boolean");
		expected.forEach((query, error) -> {
			var refused = this.api.get(tenant.token(), "/api/v1/cases?" + query);
			assertThat(refused.getStatusCode().value()).as(query).isEqualTo(400);
			List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
			assertThat(errors).as(query).hasSize(1);
			assertThat(errors.get(0).get("field") + ":" + errors.get(0).get("code")).isEqualTo(error);
			assertThat((String) errors.get(0).get("message")).contains(query.substring(query.indexOf('=') + 1));
		});
	}

	@Test
	void aWorkflowWithAMisspeltPropertyAnUnknownRoleOrATrapIsRefusedNotTakenAsValid() {
		Tenant tenant = this.api.newOrganisation("Agence Workflows stricts");
		Map<String, Object> misspelt = Map.of("states",
				List.of(Map.of("key", "A", "initial", true, "colr", "#fff"), Map.of("key", "B", "final", true)),
				"transitions", List.of(Map.of("name", "go", "from", List.of("A"), "to", "B", "gards", List.of("x"),
						"roles", List.of("KING"))));
		var checked = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/validate", misspelt);
		assertThat(checked.getStatusCode().value()).isEqualTo(200);
		assertThat(checked.getBody()).containsEntry("valid", false);
		assertThat(checked.getBody().toString()).contains("path=states[0].colr, code=json.unknown-property",
				"path=transitions[0].gards, code=json.unknown-property",
				"path=transitions[0].roles[0], code=workflow.unknown-role");
		var draft = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows", misspelt);
		assertThat(draft.getStatusCode().value()).isEqualTo(400);
		assertThat(draft.getBody().toString()).contains("field=states[0].colr", "field=transitions[0].roles[0]");
		// the roles to write, each with the label the members page gives it
		assertThat(draft.getBody().toString()).contains("Rôle inconnu\u00a0: KING. Indiquez OWNER (Propriétaire), "
				+ "ADMIN (Administrateur), MANAGER (Responsable), AGENT (Agent) ou VIEWER (Lecteur).");

		// B and C only lead to each other: a case sent there could never be closed
		Map<String, Object> trap = Map.of("states",
				List.of(Map.of("key", "A", "initial", true), Map.of("key", "B"), Map.of("key", "C"),
						Map.of("key", "Z", "final", true)),
				"transitions",
				List.of(Map.of("name", "go", "from", List.of("A"), "to", "B"),
						Map.of("name", "bc", "from", List.of("B"), "to", "C"),
						Map.of("name", "cb", "from", List.of("C"), "to", "B"),
						Map.of("name", "end", "from", List.of("A"), "to", "Z", "roles", List.of("manager"))));
		var trapped = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/validate", trap);
		assertThat(trapped.getBody()).containsEntry("valid", false);
		assertThat(trapped.getBody().toString()).contains("code=workflow.final-unreachable")
			.doesNotContain("unknown-role");
		assertThat(
				this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows", trap).getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.api.getList(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows").getBody()).hasSize(1);

		// "fieldz" would have made a type without its fields
		Map<String, Object> workflow = Map.of("states",
				List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "DONE", "final", true)), "transitions",
				List.of(Map.of("name", "done", "from", List.of("NEW"), "to", "DONE")));
		var type = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fieldz",
						List.of(Map.of("key", "surface", "type", "NUMBER")), "workflow", workflow));
		assertThat(type.getStatusCode().value()).isEqualTo(400);
		assertThat(type.getBody().toString()).contains("field=fieldz", "json.unknown-property");
		var field = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
						List.of(Map.of("key", "surface", "type", "NUMBER", "option", List.of("a"))), "workflow",
						workflow));
		assertThat(field.getBody().toString()).contains("field=fields[0].option", "json.unknown-property");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/ESTIMATION").getStatusCode().value())
			.isEqualTo(404);
	}

	/**
	 * A new type's field list is told which entry is wrong, in the client's language:
	 * "invalid field list" did not say which of its fields to correct, and an entry that
	 * was no object was left out without a word.
	 */
	@Test
	void aNewTypesFieldMistakesNameTheirEntry() {
		Tenant tenant = this.api.newOrganisation("Agence Champs nommés");
		Map<String, Object> document = Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"),
				"referencePrefix", "ESTIM", "fields",
				List.of(Map.of("key", "surface", "type", "NUMBER"), Map.of("key", "pieces", "type", "ENTIER"),
						Map.of("key", "parking"), Map.of("type", "TEXT"), "budget"),
				"workflow",
				Map.of("states", List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "DONE", "final", true)),
						"transitions", List.of(Map.of("name", "done", "from", List.of("NEW"), "to", "DONE"))));
		var refused = this.api.post(tenant.token(), "/api/v1/case-types", document);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("message"))
			.containsExactlyInAnyOrder(
					"fields[1].type Type inconnu «\u00a0ENTIER\u00a0» pour le champ «\u00a0pieces\u00a0» (types\u00a0: TEXT, NUMBER, BOOLEAN, DATE, CHOICE)",
					"fields[2].type Type manquant pour le champ «\u00a0parking\u00a0» (types\u00a0: TEXT, NUMBER, BOOLEAN, DATE, CHOICE)",
					"fields[3].key Champ obligatoire", "fields[4] Objet JSON attendu, entre accolades");
		var english = this.api.raw().post().uri("/api/v1/case-types").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).body(document).retrieve().toEntity(Map.class);
		assertThat(english.getBody().toString()).contains("field=fields[1].type",
				"Unknown type \"ENTIER\" for the field \"pieces\" (types: TEXT, NUMBER, BOOLEAN, DATE, CHOICE)",
				"Missing type for the field \"parking\"");
		var notAList = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
						"surface", "workflow", document.get("workflow")));
		assertThat(notAList.getBody().toString()).contains("field=fields", "json.expected.list");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/ESTIMATION").getStatusCode().value())
			.isEqualTo(404);
	}

	/**
	 * An impossible or unreadable due date is told as the date it should be, patched as
	 * created: a patch answered "invalid value" for a 30 February.
	 */
	@Test
	void anImpossibleDueDateIsToldTheDateExpected() {
		Tenant tenant = this.api.newOrganisation("Agence Échéances");
		String id = Leads.open(this.api, tenant, "Villa Tassin");
		for (Object due : List.of("2026-02-30", "31/12/2026", 20261231, "+10000-01-01")) {
			var patched = this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "dueDate", due));
			assertThat(patched.getStatusCode().value()).as("patched %s", due).isEqualTo(400);
			assertThat((List<Map<String, Object>>) patched.getBody().get("errors")).as("patched %s", due)
				.extracting((error) -> error.get("field") + " " + error.get("code"))
				.containsExactly("dueDate json.expected.date");
			var created = this.api.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Villa Tassin", "dueDate", due));
			assertThat(created.getStatusCode().value()).as("created %s", due).isEqualTo(400);
			assertThat((List<Map<String, Object>>) created.getBody().get("errors")).as("created %s", due)
				.extracting((error) -> error.get("field") + " " + error.get("code"))
				.containsExactly("dueDate json.expected.date");
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0)
			.containsEntry("dueDate", null);
		var fine = this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "dueDate", "2028-02-29"));
		assertThat(fine.getBody()).containsEntry("dueDate", "2028-02-29");
	}

	/**
	 * A choice field's options and the fields' keys are checked entry by entry: a CHOICE
	 * without options could never be filled, a blank or repeated option was offered as
	 * is, options on a TEXT field were kept and used nowhere, and a key defined twice
	 * made two fields share one value.
	 */
	@Test
	void aNewTypesChoiceOptionsAndFieldKeysAreCheckedEntryByEntry() {
		Tenant tenant = this.api.newOrganisation("Agence Options");
		Map<String, Object> workflow = Map.of("states",
				List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "DONE", "final", true)), "transitions",
				List.of(Map.of("name", "done", "from", List.of("NEW"), "to", "DONE")));
		List<Object> fields = List.of(Map.of("key", "chauffage", "type", "CHOICE"),
				Map.of("key", "etage", "type", "CHOICE", "options", List.of()),
				Map.of("key", "exposition", "type", "CHOICE", "options", List.of("Nord", " ", "Sud", "sud ", 3)),
				Map.of("key", "surface", "type", "NUMBER", "options", List.of("petite", "grande")),
				Map.of("key", "cave", "type", "CHOICE", "options", "oui"), Map.of("key", "surface", "type", "TEXT"));
		Map<String, Object> document = Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"),
				"referencePrefix", "ESTIM", "fields", fields, "workflow", workflow);
		var refused = this.api.post(tenant.token(), "/api/v1/case-types", document);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("message"))
			.containsExactlyInAnyOrder(
					"fields[0].options Le champ à choix «\u00a0chauffage\u00a0» a besoin d’au moins une option (par exemple \"options\": [\"CASH\", \"CREDIT\"])",
					"fields[1].options Le champ à choix «\u00a0etage\u00a0» a besoin d’au moins une option (par exemple \"options\": [\"CASH\", \"CREDIT\"])",
					"fields[2].options[1] Option vide pour le champ «\u00a0exposition\u00a0»\u00a0: chaque option est un texte non vide",
					"fields[2].options[3] Option «\u00a0sud\u00a0» en double pour le champ «\u00a0exposition\u00a0»",
					"fields[2].options[4] Texte attendu, entre guillemets",
					"fields[3].options Le champ «\u00a0surface\u00a0» n’est pas un champ à choix (CHOICE)\u00a0: il n’a pas d’options",
					"fields[4].options Liste attendue, entre crochets (par exemple [\"AGENT\"])",
					"fields[5].key Le champ «\u00a0surface\u00a0» est déjà défini plus haut\u00a0: chaque champ a sa propre clé");
		var english = this.api.raw().post().uri("/api/v1/case-types").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).body(document).retrieve().toEntity(Map.class);
		assertThat(english.getBody().toString()).contains("The choice field \"chauffage\" needs at least one option",
				"Option \"sud\" twice for the field \"exposition\"", "The field \"surface\" is already defined above");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/ESTIMATION").getStatusCode().value())
			.isEqualTo(404);
		// options written with spaces around them are kept without, so they can be chosen
		var created = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
						List.of(Map.of("key", "exposition", "type", "CHOICE", "options", List.of(" Nord", "Sud "))),
						"workflow", workflow));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		assertThat(created.getBody().get("fields").toString()).contains("options=[Nord, Sud]");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "ESTIMATION", "title", "T3 Monplaisir", "fields", Map.of("exposition", "Sud")))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	@Test
	void aPatchThatWouldMoveTheStateOrNamesAnUnknownPropertyIsRefusedNotIgnored() {
		Tenant tenant = this.api.newOrganisation("Agence Patchs");
		String id = Leads.open(this.api, tenant, "Maison Écully");
		var state = this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "state", "WON"));
		assertThat(state.getStatusCode().value()).isEqualTo(400);
		assertThat(state.getBody().toString()).contains("field=state", "case.patch.state", "transition");
		var misspelt = this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "titel", "Autre"));
		assertThat(misspelt.getStatusCode().value()).isEqualTo(400);
		assertThat(misspelt.getBody().toString()).contains("field=titel", "case.patch.unknown");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0)
			.containsEntry("state", "NEW");

		// the case as read, sent back whole with a new title: only the title changes
		Map<String, Object> whole = new HashMap<>(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody());
		whole.put("title", "Maison Écully (jardin)");
		var sentBack = this.api.patch(tenant.token(), "/api/v1/cases/" + id, whole);
		assertThat(sentBack.getStatusCode().value()).as(String.valueOf(sentBack.getBody())).isEqualTo(200);
		assertThat(sentBack.getBody()).containsEntry("title", "Maison Écully (jardin)")
			.containsEntry("state", "NEW")
			.containsEntry("version", 1);
	}

	@Test
	void aTransitionRequiringAFieldTheTypeDoesNotHaveIsRefusedInEveryLanguage() {
		Tenant tenant = this.api.newOrganisation("Agence Champs exigés");
		// "budjet": the guard was met by any move that sent it, and the value kept
		// nowhere
		Map<String, Object> misspelt = Map.of("states",
				List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "QUALIFIED", "final", true)),
				"transitions", List.of(Map.of("name", "qualify", "from", List.of("NEW"), "to", "QUALIFIED",
						"requiredFields", List.of("budget", "budjet"))));
		var checked = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/validate", misspelt);
		assertThat(checked.getBody()).containsEntry("valid", false);
		assertThat(checked.getBody().toString()).contains(
				"path=transitions[0].requiredFields[1], code=workflow.unknown-field",
				"La transition «\u00a0qualify\u00a0» exige le champ budjet, que ce type de dossier n’a pas");
		var draft = this.api.raw().post().uri("/api/v1/case-types/LEAD_ACHAT/workflows").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).body(misspelt).retrieve().toEntity(Map.class);
		assertThat(draft.getStatusCode().value()).isEqualTo(400);
		assertThat(draft.getBody().toString()).contains("field=transitions[0].requiredFields[1]",
				"Transition \"qualify\" requires the field budjet, which this case type does not have");
		assertThat(this.api.getList(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows").getBody()).hasSize(1);
		// a new type is checked against its own fields
		var type = this.api.post(tenant.token(), "/api/v1/case-types",
				Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
						List.of(Map.of("key", "budget", "type", "NUMBER")), "workflow", misspelt));
		assertThat(type.getStatusCode().value()).isEqualTo(400);
		assertThat(type.getBody().toString())
			.contains("field=workflow.transitions[0].requiredFields[1]", "workflow.unknown-field")
			.doesNotContain("requiredFields[0]");
	}

	@Test
	@SuppressWarnings("unchecked")
	void patchedTagsAreTextsComparedAsStoredSoTheSameTagsAreNoNewVersion() {
		Tenant tenant = this.api.newOrganisation("Agence Étiquettes");
		String id = Leads.open(this.api, tenant, "Loft Croix-Rousse");
		var tagged = this.api.patch(tenant.token(), "/api/v1/cases/" + id,
				Map.of("version", 0, "tags", List.of("vue", " terrasse ", "vue")));
		assertThat(tagged.getBody()).containsEntry("tags", List.of("vue", "terrasse")).containsEntry("version", 1);
		// the same tags, spaced or repeated otherwise: nothing changed, no version that
		// would make another member's next save stale, nothing on the timeline
		var same = this.api.patch(tenant.token(), "/api/v1/cases/" + id,
				Map.of("version", 1, "tags", List.of("vue ", "terrasse", "")));
		assertThat(same.getStatusCode().value()).isEqualTo(200);
		assertThat(same.getBody()).containsEntry("tags", List.of("vue", "terrasse")).containsEntry("version", 1);
		List<Map<String, Object>> timeline = this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/timeline")
			.getBody();
		assertThat(timeline).filteredOn((e) -> "FIELD_CHANGE".equals(e.get("kind"))).hasSize(1);
		// a null, a number or an object is no tag (creation refuses them the same way),
		// where it was stored as the tags "null", "3" and "{x=1}"
		List<Object> wrong = new java.util.ArrayList<>();
		wrong.add(null);
		wrong.add(3);
		wrong.add(Map.of("x", 1));
		Map<String, Object> patch = new HashMap<>();
		patch.put("version", 1);
		patch.put("tags", wrong);
		var refused = this.api.patch(tenant.token(), "/api/v1/cases/" + id, patch);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=tags[0], code=json.expected.text",
				"field=tags[1], code=json.expected.text", "field=tags[2], code=json.expected.text");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody())
			.containsEntry("tags", List.of("vue", "terrasse"))
			.containsEntry("version", 1);
	}

	@Test
	void aMigrationMappingOntoAStateTheVersionLacksIsRefusedEvenWithNoCaseInItsSource() {
		Tenant tenant = this.api.newOrganisation("Agence Migration vide");
		Leads.open(this.api, tenant, "Reste nouveau");
		String base = "/api/v1/case-types/LEAD_ACHAT/workflows";
		assertThat(this.api.post(tenant.token(), base, WorkflowVersioningIntegrationTests.version2())
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), base + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(200);
		var refused = this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of("VISIT", "VISITE")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=mapping.VISIT", "workflow.mapping-unknown-state");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?type=LEAD_ACHAT").getBody().toString())
			.contains("workflowVersion=1");
		var right = this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of("VISIT", "RDV")));
		assertThat(right.getBody()).containsEntry("migrated", 1);
	}

	@Test
	void validatingADefinitionThatDoesNotReadSaysInvalidWithItsProblems() {
		Tenant tenant = this.api.newOrganisation("Agence Validation");
		Map<String, Object> unreadable = Map.of("states",
				List.of(Map.of("key", "A", "initial", true, "sla", "bientôt"), Map.of("key", "B", "final", true)),
				"transitions", List.of(Map.of("name", "t", "from", List.of("A"), "to", "B")));
		var checked = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/validate", unreadable);
		assertThat(checked.getStatusCode().value()).isEqualTo(200);
		assertThat(checked.getBody()).containsEntry("valid", false);
		assertThat((List<Map<String, Object>>) checked.getBody().get("problems")).singleElement()
			.satisfies((problem) -> assertThat(problem).containsEntry("path", "states[0].sla")
				.containsEntry("code", "workflow.invalid-duration"));
	}

	@Test
	void aStateColourIsAHexadecimalColourNotCss() {
		Tenant tenant = this.api.newOrganisation("Agence Couleurs");
		Map<String, Object> styled = Map.of("states",
				List.of(Map.of("key", "A", "initial", true, "colour", "red;background-image:url(https://x.test/a)"),
						Map.of("key", "B", "final", true, "colour", "#0e9384")),
				"transitions", List.of(Map.of("name", "t", "from", List.of("A"), "to", "B")));
		var refused = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows", styled);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=states[0].colour", "workflow.invalid-colour");
	}

	@Test
	void aCreatedTaskOrAppointmentIsAnsweredWithItsAddress() {
		Tenant tenant = this.api.newOrganisation("Agence Adresses");
		String id = Leads.open(this.api, tenant, "Loft Vaise");
		var task = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/tasks",
				Map.of("title", "Rappeler", "dueAt", "2030-01-07T09:00:00Z"));
		assertThat(task.getStatusCode().value()).isEqualTo(201);
		String taskAddress = task.getHeaders().getLocation().toString();
		assertThat(taskAddress).isEqualTo("/api/v1/cases/" + id + "/tasks/" + task.getBody().get("id"));
		assertThat(this.api.get(tenant.token(), taskAddress).getBody()).isEqualTo(task.getBody());

		var appointment = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments",
				Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2030-01-08T11:00:00Z"));
		assertThat(appointment.getStatusCode().value()).isEqualTo(201);
		String appointmentAddress = appointment.getHeaders().getLocation().toString();
		assertThat(appointmentAddress)
			.isEqualTo("/api/v1/cases/" + id + "/appointments/" + appointment.getBody().get("id"));
		assertThat(this.api.get(tenant.token(), appointmentAddress).getBody()).isEqualTo(appointment.getBody());

		// another organisation knows neither
		Tenant other = this.api.newOrganisation("Agence Adresses voisine");
		assertThat(this.api.get(other.token(), taskAddress).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.get(other.token(), appointmentAddress).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aManagerDeletesACaseWithWhatHangsOnItAndTheAuditLogKeepsIt() throws InterruptedException {
		Tenant tenant = this.api.newOrganisation("Agence Suppressions");
		String id = Leads.open(this.api, tenant, "Doublon à supprimer");
		String path = "/api/v1/cases/" + id;
		assertThat(this.api.post(tenant.token(), path + "/tasks", Map.of("title", "Rappeler")).getStatusCode().value())
			.isEqualTo(201);
		assertThat(this.api
			.post(tenant.token(), path + "/appointments",
					Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2030-01-08T11:00:00Z"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api
			.post(tenant.token(), path + "/parties", Map.of("type", "LISTING", "id", "L-1", "label", "T3 Bellecour"))
			.getStatusCode()
			.value()).isEqualTo(201);
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		this.members.add(tenant, UUID.randomUUID(), agentEmail, "Alex Agent", "AGENT");
		String agent = this.api.token(agentEmail, ApiClient.PASSWORD);
		// a mention leaves a notification that points at the case
		assertThat(this.api.post(tenant.token(), path + "/notes", Map.of("text", "Pour @alexagent"))
			.getStatusCode()
			.value()).isEqualTo(201);
		long deadline = System.currentTimeMillis() + 10_000;
		while (!Integer.valueOf(1).equals(this.api.get(agent, "/api/v1/notifications").getBody().get("total"))
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.api.get(agent, "/api/v1/notifications").getBody()).containsEntry("total", 1);

		assertThat(this.api.delete(agent, path).getStatusCode().value()).isEqualTo(403);
		Tenant other = this.api.newOrganisation("Agence Suppressions voisine");
		assertThat(this.api.delete(other.token(), path).getStatusCode().value()).isEqualTo(404);
		var stale = this.api.delete(tenant.token(), path + "?version=7");
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody()).containsEntry("code", "case.stale");
		assertThat(this.api.get(tenant.token(), path).getStatusCode().value()).isEqualTo(200);

		assertThat(this.api.delete(tenant.token(), path + "?version=0").getStatusCode().value()).isEqualTo(204);
		assertThat(this.api.get(tenant.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.get(tenant.token(), path + "/timeline").getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.delete(tenant.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);
		assertThat(this.api.get(agent, "/api/v1/notifications").getBody()).containsEntry("total", 0);
		var audit = this.api.get(tenant.token(), "/api/v1/audit?action=case.deleted").getBody();
		assertThat(audit).containsEntry("total", 1);
		assertThat(audit.toString()).contains(id, "Doublon à supprimer", "(état\u00a0: Nouveau)");
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", true);
	}

	@Test
	void aMoveKeepsOnTheTimelineOnlyTheInputsItAsksForOrTheCaseHolds() {
		Tenant tenant = this.api.newOrganisation("Agence Entrées");
		String id = Leads.open(this.api, tenant, "T4 Monplaisir");
		Map<String, Object> move = new HashMap<>(
				Map.of("transition", "qualify", "budget", 250000, "financing", "CASH", "state", "WON"));
		move.put("blob", Map.of("a", List.of(1, 2, 3)));
		// what the move does not take is named, and the case stays (ADR 0111): it was
		// dropped without a word
		var refused = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", move);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("field=state", "field=blob", "case.transition.input-unknown");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("state", "NEW");
		move.remove("state");
		move.remove("blob");
		assertThat(this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", move).getBody())
			.containsEntry("state", "QUALIFIED");
		List<Map<String, Object>> timeline = this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/timeline")
			.getBody();
		Map<String, Object> transition = timeline.stream()
			.filter((entry) -> "TRANSITION".equals(entry.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) ((Map<String, Object>) transition.get("payload")).get("inputs"))
			.containsOnlyKeys("budget", "financing");
	}

	@Test
	void aTextFieldHoldsAtMostTenThousandCharacters() {
		Tenant tenant = this.api.newOrganisation("Agence Textes longs");
		String id = Leads.open(this.api, tenant, "Maison Tassin");
		String tooLong = "x".repeat(10_001);
		var patched = this.api.patch(tenant.token(), "/api/v1/cases/" + id,
				Map.of("version", 0, "fields", Map.of("contactName", tooLong)));
		assertThat(patched.getStatusCode().value()).isEqualTo(400);
		assertThat(patched.getBody().toString()).contains("field=fields.contactName", "field.too-long");
		var moved = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "lose", "lossReason", tooLong));
		assertThat(moved.getStatusCode().value()).isEqualTo(400);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0);
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/cases/" + id,
					Map.of("version", 0, "fields", Map.of("contactName", "x".repeat(10_000))))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void theOpenApiDocumentGivesTheStatusesTheApiAnswers() {
		Map<String, Object> document = this.api.get(null, "/v3/api-docs").getBody();
		Map<String, Map<String, Map<String, Object>>> paths = (Map) document.get("paths");
		Map<String, String> created = Map.ofEntries(Map.entry("/api/v1/signup", "post"),
				Map.entry("/api/v1/auth/tokens", "post"), Map.entry("/api/v1/members/invitations", "post"),
				Map.entry("/api/v1/cases", "post"), Map.entry("/api/v1/cases/{id}/tasks", "post"),
				Map.entry("/api/v1/cases/{id}/appointments", "post"), Map.entry("/api/v1/cases/{id}/notes", "post"),
				Map.entry("/api/v1/cases/{id}/parties", "post"), Map.entry("/api/v1/case-types", "post"),
				Map.entry("/api/v1/case-types/{key}/workflows", "post"), Map.entry("/api/v1/teams", "post"));
		created.forEach((path, method) -> assertThat(responses(paths, path, method)).as(method + " " + path)
			.containsKey("201")
			.doesNotContainKey("200"));
		Map<String, String> emptied = Map.of("/api/v1/teams/{id}", "delete", "/api/v1/members/invitations/{id}",
				"delete", "/api/v1/cases/{id}/parties", "delete", "/api/v1/tokens/{id}", "delete", "/api/v1/cases/{id}",
				"delete");
		emptied.forEach((path, method) -> assertThat(responses(paths, path, method)).as(method + " " + path)
			.containsKey("204")
			.doesNotContainKey("200"));
		assertThat(paths).containsKeys("/api/v1/cases/{id}/tasks/{taskId}",
				"/api/v1/cases/{id}/appointments/{appointmentId}");
		// the UI's error page is no answer of the API: its 404 is a problem detail
		assertThat(responses(paths, "/api/v1/cases/{id}", "get").get("404")).asString()
			.contains("application/problem+json")
			.contains("#/components/schemas/Problem");
	}

	/**
	 * The 409 a case call answers is said for what it is: a refused transition with its
	 * allowed transitions, a stale version, a duplicate. The document said "The
	 * Idempotency-Key was sent before with another request" for every one of them.
	 */
	@Test
	void theOpenApiDocumentSaysWhyACaseCallAnswers409() {
		Map<String, Object> document = this.api.get(null, "/v3/api-docs").getBody();
		Map<String, Map<String, Map<String, Object>>> paths = (Map) document.get("paths");
		Map<String, String> conflicts = Map.ofEntries(
				Map.entry("post /api/v1/cases/{id}/transitions", "allowedTransitions"),
				Map.entry("patch /api/v1/cases/{id}", "case.stale"),
				Map.entry("delete /api/v1/cases/{id}", "case.stale"),
				Map.entry("post /api/v1/cases/{id}/parties", "case.party.duplicate"),
				Map.entry("post /api/v1/cases/{id}/appointments/{appointmentId}/outcome",
						"appointment.outcome.already-recorded"),
				Map.entry("post /api/v1/case-types", "case.type.exists"),
				Map.entry("put /api/v1/case-types/{key}/workflows/{version}", "workflow.published-immutable"),
				Map.entry("post /api/v1/case-types/{key}/workflows/{version}/publish", "workflow.already-published"),
				Map.entry("post /api/v1/case-types/{key}/workflows/{version}/migrate", "workflow.migrate-to-draft"),
				Map.entry("post /api/v1/teams", "case.team.name-taken"),
				Map.entry("put /api/v1/teams/{id}", "case.team.name-taken"));
		conflicts.forEach((call, code) -> {
			String[] methodAndPath = call.split(" ");
			assertThat(responses(paths, methodAndPath[1], methodAndPath[0]).get("409")).as(call)
				.asString()
				.contains(code)
				.contains("idempotency.key-reused")
				.contains("application/problem+json");
		});
		assertThat(responses(paths, "/api/v1/cases/{id}/transitions", "post").get("409")).asString()
			.contains("GUARD_FAILED", "INPUT_MISSING", "ROLE_NOT_ALLOWED", "missing");
		assertThat(responses(paths, "/api/v1/cases/reports/summary.csv", "get").get("200")).asString()
			.contains("text/csv");
	}

	private static Map<String, Object> responses(Map<String, Map<String, Map<String, Object>>> paths, String path,
			String method) {
		assertThat(paths).containsKey(path);
		return (Map<String, Object>) paths.get(path).get(method).get("responses");
	}

}
