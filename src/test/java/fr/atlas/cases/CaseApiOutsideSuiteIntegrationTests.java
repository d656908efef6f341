package fr.atlas.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.AtOnce;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a second outside QA pass of the cases API found (ADR 0118): HTTP's own guard
 * against lost updates ignored (a stale {@code If-Match} deleted the case), two requests
 * at once recording two outcomes of one appointment, two types taking one reference
 * prefix, an edit of a draft being published answered with a 500, wrong types in a
 * workflow document read as absent, and the report's schema in the OpenAPI document
 * replaced by another module's.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseApiOutsideSuiteIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void theCaseVersionIsItsEtagAndAStaleIfMatchChangesNothing() {
		Tenant tenant = this.api.newOrganisation("Agence Préconditions");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T3 Guillotière");

		ResponseEntity<Map> read = this.api.get(tenant.token(), path);
		assertThat(read.getHeaders().getETag()).isEqualTo("\"0\"");

		// If-Match instead of a version in the body
		ResponseEntity<Map> edited = withIfMatch(tenant, "PATCH", path, "\"0\"", Map.of("title", "T3 Jean Macé"));
		assertThat(edited.getStatusCode().value()).as(String.valueOf(edited.getBody())).isEqualTo(200);
		assertThat(edited.getHeaders().getETag()).isEqualTo("\"1\"");

		// the same tag again is stale: a 409 with the current version, nothing changed
		ResponseEntity<Map> stale = withIfMatch(tenant, "PATCH", path, "\"0\"", Map.of("title", "Écrasé"));
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody()).containsEntry("code", "case.stale").containsEntry("currentVersion", 1);
		// a body's version and a header that disagree: one of them is stale
		ResponseEntity<Map> disagree = withIfMatch(tenant, "PATCH", path, "\"0\"",
				Map.of("title", "Écrasé", "version", 1));
		assertThat(disagree.getStatusCode().value()).isEqualTo(409);
		// a weak tag never matches for If-Match, nor one this API never gave
		assertThat(withIfMatch(tenant, "PATCH", path, "W/\"1\"", Map.of("title", "Écrasé")).getStatusCode().value())
			.isEqualTo(409);
		assertThat(withIfMatch(tenant, "PATCH", path, "\"abc\"", Map.of("title", "Écrasé")).getStatusCode().value())
			.isEqualTo(409);
		// a transition too
		ResponseEntity<Map> move = withIfMatch(tenant, "POST", path + "/transitions", "\"0\"",
				Map.of("transition", "lose", "lossReason", "Achat ailleurs"));
		assertThat(move.getStatusCode().value()).isEqualTo(409);
		assertThat(move.getBody()).containsEntry("code", "case.stale");
		assertThat(this.api.get(tenant.token(), path).getBody()).containsEntry("title", "T3 Jean Macé")
			.containsEntry("state", "NEW");

		// a delete with a stale If-Match deleted the case
		ResponseEntity<Map> deleted = withIfMatch(tenant, "DELETE", path, "\"0\"", null);
		assertThat(deleted.getStatusCode().value()).isEqualTo(409);
		assertThat(this.api.get(tenant.token(), path).getStatusCode().value()).isEqualTo(200);

		// the current tag, and If-None-Match to read only what changed
		ResponseEntity<Map> moved = withIfMatch(tenant, "POST", path + "/transitions", "\"1\"",
				Map.of("transition", "lose", "lossReason", "Achat ailleurs"));
		assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
		assertThat(moved.getHeaders().getETag()).isEqualTo("\"2\"");
		ResponseEntity<String> unchanged = this.api.raw()
			.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.header("If-None-Match", "\"2\"")
			.retrieve()
			.toEntity(String.class);
		assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
		assertThat(withIfMatch(tenant, "DELETE", path, "\"2\"", null).getStatusCode().value()).isEqualTo(204);
		assertThat(this.api.get(tenant.token(), path).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aPatchThatChangesWhatACaseKeepsFromItsCreationIsRefusedNotIgnored() {
		Tenant tenant = this.api.newOrganisation("Agence Propriétés fixes");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T1 Vaise");

		ResponseEntity<Map> refused = this.api.patch(tenant.token(), path, Map.of("version", 0, "title",
				"T1 Gorge de Loup", "caseType", "PROSPECTION", "source", "FORM", "reference", "LEAD-2026-99999"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactlyInAnyOrder("caseType case.patch.read-only", "source case.patch.read-only",
					"reference case.patch.read-only");
		assertThat(this.api.get(tenant.token(), path).getBody()).containsEntry("title", "T1 Vaise")
			.containsEntry("caseType", "LEAD_ACHAT")
			.containsEntry("source", "API")
			.containsEntry("version", 0);

		// the case as read, sent back with a new title, is still taken
		Map<String, Object> asRead = new HashMap<>(this.api.get(tenant.token(), path).getBody());
		asRead.put("title", "T1 Gorge de Loup");
		ResponseEntity<Map> edited = this.api.patch(tenant.token(), path, asRead);
		assertThat(edited.getStatusCode().value()).as(String.valueOf(edited.getBody())).isEqualTo(200);
		assertThat(edited.getBody()).containsEntry("title", "T1 Gorge de Loup");
	}

	@Test
	void anAppointmentEndsWithinTheYearsTheApiReads() {
		Tenant tenant = this.api.newOrganisation("Agence An 9999");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T5 Ainay");

		// an end left out is an hour after the start, which would be the year 10000
		ResponseEntity<Map> refused = this.api.post(tenant.token(), path + "/appointments",
				Map.of("title", "Visite", "startsAt", "9999-12-31T23:30:00Z"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactly("startsAt appointment.ends-after-year-9999");
		assertThat(this.api.getList(tenant.token(), path + "/appointments").getBody()).isEmpty();

		// an end within the year 9999 is one
		ResponseEntity<Map> kept = this.api.post(tenant.token(), path + "/appointments",
				Map.of("title", "Visite", "startsAt", "9999-12-31T23:30:00Z", "endsAt", "9999-12-31T23:59:00Z"));
		assertThat(kept.getStatusCode().value()).as(String.valueOf(kept.getBody())).isEqualTo(201);
		String feed = (String) this.api.post(tenant.token(), "/api/v1/cases/calendar-feed", Map.of())
			.getBody()
			.get("url");
		assertThat(this.api.getText(null, feed.substring(feed.indexOf("/cases/calendar/"))).getBody())
			.contains("DTEND:99991231T235900Z")
			.doesNotContain("+10000");
	}

	@Test
	void aHugeNameIsToldTooLongNotQuotedBack() {
		Tenant tenant = this.api.newOrganisation("Agence Noms démesurés");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T2 Perrache");

		ResponseEntity<Map> move = this.api.post(tenant.token(), path + "/transitions",
				Map.of("transition", "x".repeat(1_000_000)));
		assertThat(move.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) move.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactly("transition field.too-long");
		assertThat(move.getBody().toString()).hasSizeLessThan(5_000);

		String key = "K".repeat(100_000);
		ResponseEntity<Map> draft = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows",
				Map.of("states",
						List.of(Map.of("key", key, "initial", true, "labels", Map.of("fr", "Nouveau")),
								Map.of("key", "DONE", "final", true, "labels", Map.of("fr", "Fait"))),
						"transitions", List.of(Map.of("name", "finish", "from", List.of(key), "to", "DONE"))));
		assertThat(draft.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) draft.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.contains("states[0].key workflow.invalid-key");
		assertThat(draft.getBody().toString()).hasSizeLessThan(5_000).contains("K".repeat(60) + "…");
	}

	@Test
	void aMigrationFromAStateNoVersionHasIsRefused() {
		Tenant tenant = this.api.newOrganisation("Agence Migration mal tapée");
		Leads.open(this.api, tenant, "T3 Montchat");
		Map<String, Object> workflow = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT")
			.getBody()
			.get("workflow");
		ResponseEntity<Map> draft = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows", workflow);
		String version = "/api/v1/case-types/LEAD_ACHAT/workflows/" + draft.getBody().get("version");
		assertThat(this.api.post(tenant.token(), version + "/publish", Map.of()).getStatusCode().value())
			.isEqualTo(200);

		// "VISITE" for "VISIT": no version has it, so nothing could ever be moved by it
		ResponseEntity<Map> refused = this.api.post(tenant.token(), version + "/migrate",
				Map.of("mapping", Map.of("VISITE", "OFFER")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactly("mapping.VISITE workflow.mapping-unknown-source");
		assertThat((List<Map>) this.api.get(tenant.token(), "/api/v1/cases").getBody().get("items"))
			.extracting((item) -> item.get("workflowVersion"))
			.containsExactly(1);

		// a state of a version, even with no case in it, is a mapping as before
		ResponseEntity<Map> migrated = this.api.post(tenant.token(), version + "/migrate",
				Map.of("mapping", Map.of("VISIT", "OFFER")));
		assertThat(migrated.getStatusCode().value()).as(String.valueOf(migrated.getBody())).isEqualTo(200);
		assertThat(migrated.getBody()).containsEntry("migrated", 1);
	}

	@Test
	void twoOutcomesOfOneAppointmentAtOnceRecordOne() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Issues simultanées");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T2 Brotteaux");
		ResponseEntity<Map> scheduled = this.api.post(tenant.token(), path + "/appointments",
				Map.of("title", "Visite", "startsAt", Instant.now().minus(2, ChronoUnit.HOURS).toString()));
		assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
		String outcome = path + "/appointments/" + scheduled.getBody().get("id") + "/outcome";

		List<String> outcomes = List.of("HELD", "NO_SHOW", "CANCELLED", "HELD", "NO_SHOW", "RESCHEDULED");
		int[] next = { 0 };
		List<Integer> statuses = AtOnce.run(outcomes.size(), () -> {
			String chosen;
			synchronized (next) {
				chosen = outcomes.get(next[0]++);
			}
			return this.api.post(tenant.token(), outcome, Map.of("outcome", chosen)).getStatusCode().value();
		});
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		List<Map> recorded = ((List<Map>) this.api.getList(tenant.token(), path + "/timeline").getBody()).stream()
			.filter((event) -> "outcome".equals(((Map) event.get("payload")).get("change")))
			.toList();
		assertThat(recorded).hasSize(1);
		assertThat(this.api.get(tenant.token(), path + "/appointments/" + scheduled.getBody().get("id")).getBody())
			.containsEntry("outcome", ((Map) recorded.get(0).get("payload")).get("outcome"));
	}

	@Test
	void aTaskCompletedTwiceAtOnceIsCompletedOnceOnTheTimeline() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Tâches simultanées");
		String path = "/api/v1/cases/" + Leads.open(this.api, tenant, "T4 Monplaisir");
		ResponseEntity<Map> task = this.api.post(tenant.token(), path + "/tasks", Map.of("title", "Rappeler"));
		String complete = path + "/tasks/" + task.getBody().get("id") + "/complete";

		List<Integer> statuses = AtOnce.run(5,
				() -> this.api.post(tenant.token(), complete, Map.of()).getStatusCode().value());
		assertThat(statuses).containsOnly(200);
		assertThat(((List<Map>) this.api.getList(tenant.token(), path + "/timeline").getBody()).stream()
			.filter((event) -> "completed".equals(((Map) event.get("payload")).get("change")))
			.count()).isEqualTo(1);
	}

	@Test
	void typesImportedAtOnceWithOnePrefixAreOneType() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Préfixes simultanés");
		int[] next = { 0 };
		List<Integer> statuses = AtOnce.run(4, () -> {
			int index;
			synchronized (next) {
				index = next[0]++;
			}
			return this.api.post(tenant.token(), "/api/v1/case-types", type("ESTIMATION_" + (char) ('A' + index)))
				.getStatusCode()
				.value();
		});
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		List<Map> types = this.api.getList(tenant.token(), "/api/v1/case-types").getBody();
		assertThat(types).filteredOn((type) -> "ESTIM".equals(type.get("referencePrefix"))).hasSize(1);
	}

	@Test
	void aDraftEditedWhileItIsPublishedIsNeverAServerError() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Publication disputée");
		Map<String, Object> workflow = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT")
			.getBody()
			.get("workflow");
		for (int round = 0; round < 3; round++) {
			ResponseEntity<Map> draft = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows",
					workflow);
			assertThat(draft.getStatusCode().value()).isEqualTo(201);
			String version = "/api/v1/case-types/LEAD_ACHAT/workflows/" + draft.getBody().get("version");
			int[] next = { 0 };
			List<Map.Entry<String, ResponseEntity<Map>>> answers = AtOnce.run(6, () -> {
				int index;
				synchronized (next) {
					index = next[0]++;
				}
				return (index % 2 == 0)
						? Map.entry("publish", this.api.post(tenant.token(), version + "/publish", Map.of()))
						: Map.entry("edit", this.api.put(tenant.token(), version, workflow));
			});
			// never a 500: an edit is made before the publication or refused after it
			assertThat(answers).allSatisfy((answer) -> assertThat(answer.getValue().getStatusCode().value())
				.as(answer.getKey() + " " + answer.getValue().getBody())
				.isIn(200, 409));
			// each refusal is one of these two; which of them come depends on the order
			// the
			// requests met (every edit may come before the publication)
			assertThat(answers).filteredOn((answer) -> answer.getValue().getStatusCode().value() == 409)
				.extracting((answer) -> answer.getKey() + " " + answer.getValue().getBody().get("code"))
				.isSubsetOf("publish workflow.already-published", "edit workflow.published-immutable");
			// published once: the other publications are told it already is
			assertThat(answers).filteredOn(
					(answer) -> answer.getKey().equals("publish") && answer.getValue().getStatusCode().value() == 200)
				.hasSize(1);
		}
	}

	@Test
	void aWorkflowDocumentsValueOfTheWrongTypeIsNamed() {
		Tenant tenant = this.api.newOrganisation("Agence Types du workflow");
		Map<String, Object> document = Map.of("states",
				List.of(Map.of("key", "NEW", "initial", "yes", "labels", "Nouveau"),
						Map.of("key", "DONE", "final", true, "labels", Map.of("fr", 5))),
				"transitions", List.of(Map.of("name", "finish", "from", List.of("NEW"), "to", List.of("DONE"))));

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows",
				document);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactlyInAnyOrder("states[0].initial json.expected.boolean",
					"states[0].labels json.expected.object", "states[1].labels.fr json.expected.text",
					"transitions[0].to json.expected.text");
		// the validation says the same
		ResponseEntity<Map> checked = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/validate",
				document);
		assertThat((List<Map<String, Object>>) checked.getBody().get("problems"))
			.extracting((problem) -> problem.get("path"))
			.contains("states[0].initial", "states[0].labels", "transitions[0].to");
		// and nothing was saved
		assertThat(this.api.getList(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows").getBody()).hasSize(1);
	}

	@Test
	void theOpenApiDocumentGivesTheReportItsOwnSchema() {
		Map<String, Object> document = this.api.raw().get().uri("/v3/api-docs").retrieve().body(Map.class);
		Map<String, Object> ok = (Map<String, Object>) ((Map) ((Map) ((Map) ((Map) document.get("paths"))
			.get("/api/v1/cases/reports/summary")).get("get")).get("responses")).get("200");
		String reference = (String) ((Map) ((Map) ((Map) ok.get("content")).get("application/json")).get("schema"))
			.get("$ref");
		String name = reference.substring(reference.lastIndexOf('/') + 1);
		Map<String, Object> schema = (Map<String, Object>) ((Map) ((Map) document.get("components")).get("schemas"))
			.get(name);
		assertThat((Map<String, Object>) schema.get("properties")).containsKeys("casesOpened", "appointmentsPlanned",
				"noShowRate", "conversion", "byAgent", "bySource");
		// and the agencies' list keeps its own
		Map<String, Object> agency = (Map<String, Object>) ((Map) ((Map) document.get("components")).get("schemas"))
			.get("Summary");
		assertThat((Map<String, Object>) agency.get("properties")).containsKeys("siren", "name");
	}

	private static Map<String, Object> type(String key) {
		return Map.of("key", key, "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "workflow",
				Map.of("states",
						List.of(Map.of("key", "NEW", "initial", true, "labels", Map.of("fr", "Nouvelle")),
								Map.of("key", "DONE", "final", true, "labels", Map.of("fr", "Faite"))),
						"transitions", List.of(Map.of("name", "finish", "from", List.of("NEW"), "to", "DONE"))));
	}

	private ResponseEntity<Map> withIfMatch(Tenant tenant, String method, String path, String ifMatch,
			Map<String, Object> body) {
		var request = this.api.raw()
			.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.header("If-Match", ifMatch);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(new HashMap<>(body));
		}
		return request.retrieve().toEntity(Map.class);
	}

}
