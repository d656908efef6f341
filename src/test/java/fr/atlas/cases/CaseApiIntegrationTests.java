package fr.atlas.cases;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.atlas.cases.internal.SlaWatch;
import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.TestMembers;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseApiIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	SlaWatch slaWatch;

	@Autowired
	TestMembers members;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	ApiClient api;

	static Map<String, Object> lead(String title) {
		return Map.of("caseType", "LEAD_ACHAT", "title", title, "fields", Map.of("contactName", "Camille Martin"));
	}

	Map<String, Object> create(Tenant tenant, Map<String, Object> body) {
		ResponseEntity<Map> response = this.api.post(tenant.token(), "/api/v1/cases", body);
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return response.getBody();
	}

	@Test
	void seedsTheFrenchCaseTypesForANewOrganisation() {
		Tenant tenant = this.api.newOrganisation("Agence Seeds");
		ResponseEntity<List> types = this.api.raw()
			.get()
			.uri("/api/v1/case-types")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.toEntity(List.class);
		assertThat(types.getBody()).extracting((t) -> ((Map) t).get("key"))
			.containsExactly("LEAD_ACHAT", "PROSPECTION", "LOCATION");
		Map<String, Object> export = this.api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT").getBody();
		assertThat(export).containsEntry("referencePrefix", "LEAD");
		assertThat((List<Map<String, Object>>) ((Map) export.get("workflow")).get("states"))
			.extracting((s) -> s.get("key"))
			.containsExactly("NEW", "QUALIFIED", "VISIT", "OFFER", "WON", "LOST");
	}

	@Test
	void createsACaseWithAReferenceATaskAndATimeline() {
		Tenant tenant = this.api.newOrganisation("Agence Références");
		Map<String, Object> first = create(tenant, lead("Appartement T3 Lyon 6e"));
		Map<String, Object> second = create(tenant, lead("Maison Villeurbanne"));
		int year = Year.now(ZoneId.of("Europe/Paris")).getValue();
		assertThat(first).containsEntry("reference", "LEAD-" + year + "-00001")
			.containsEntry("state", "NEW")
			.containsEntry("workflowVersion", 1)
			.containsEntry("version", 0);
		assertThat(first.get("slaDueAt")).isNotNull();
		assertThat(second).containsEntry("reference", "LEAD-" + year + "-00002");
		String id = (String) first.get("id");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("title",
				"Appartement T3 Lyon 6e");
		List<Map<String, Object>> tasks = list(tenant, "/api/v1/cases/" + id + "/tasks");
		assertThat(tasks).extracting((t) -> t.get("title")).containsExactly("Premier contact avec l’acheteur");
		List<Map<String, Object>> timeline = list(tenant, "/api/v1/cases/" + id + "/timeline");
		assertThat(timeline).extracting((e) -> e.get("kind")).containsExactly("CREATED", "TASK");
	}

	@Test
	void refusesUnknownFieldsAndWrongTypes() {
		Tenant tenant = this.api.newOrganisation("Agence Champs");
		var response = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "X",
				"fields", Map.of("budget", "beaucoup", "couleur", "bleu", "financing", "TONTINE")));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field"))
			.containsExactlyInAnyOrder("fields.budget", "fields.couleur", "fields.financing");
	}

	@Test
	void transitionsOrExplainsWhyNotWithTheAllowedTransitions() {
		Tenant tenant = this.api.newOrganisation("Agence Transitions");
		String id = (String) create(tenant, lead("T2 Croix-Rousse")).get("id");
		var refused = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("reason", "GUARD_FAILED")
			.containsEntry("missing", List.of("budget", "financing"))
			.containsEntry("allowedTransitions", List.of("qualify", "lose"));
		assertThat((String) refused.getBody().get("detail")).contains("Budget (€), Financement");

		var wrongState = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "win"));
		assertThat(wrongState.getStatusCode().value()).isEqualTo(409);
		assertThat(wrongState.getBody()).containsEntry("reason", "NOT_FROM_CURRENT_STATE");

		var qualified = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "budget", 320000, "financing", "LOAN_AGREED"));
		assertThat(qualified.getStatusCode().value()).isEqualTo(200);
		assertThat(qualified.getBody()).containsEntry("state", "QUALIFIED").containsEntry("version", 1);
		assertThat((Map<String, Object>) qualified.getBody().get("fields")).containsEntry("budget", 320000)
			.containsEntry("financing", "LOAN_AGREED");

		var noReason = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "lose"));
		assertThat(noReason.getBody()).containsEntry("reason", "INPUT_MISSING")
			.containsEntry("missing", List.of("lossReason"));
		var lost = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "lose", "lossReason", "A acheté via un autre réseau"));
		assertThat(lost.getBody()).containsEntry("state", "LOST");
		assertThat(lost.getBody().get("closedAt")).isNotNull();

		List<Map<String, Object>> timeline = list(tenant, "/api/v1/cases/" + id + "/timeline");
		assertThat(timeline).filteredOn((e) -> "TRANSITION".equals(e.get("kind")))
			.extracting((e) -> ((Map) e.get("payload")).get("to"))
			.containsExactly("QUALIFIED", "LOST");
		assertThat(auditActions(tenant)).contains("case.created", "case.state-changed", "case.task-created");
	}

	@Test
	void refusesAMoveTheMembersRoleDoesNotAllowAndViewersCannotWrite() {
		Tenant tenant = this.api.newOrganisation("Agence Rôles");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		String agent = member(tenant, "AGENT", agentEmail);
		String viewer = member(tenant, "VIEWER");
		String id = (String) create(tenant, Map.of("caseType", "LEAD_ACHAT", "title", "Offre en cours", "fields",
				Map.of("budget", 400000, "financing", "CASH")))
			.get("id");
		for (String transition : List.of("qualify", "plan_visit", "make_offer")) {
			assertThat(this.api.post(agent, "/api/v1/cases/" + id + "/transitions", Map.of("transition", transition))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		// Entering OFFER notifies the assignee (a NOTIFY action of the seeded workflow).
		String assignee = (String) this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("assigneeId");
		String assigneeEmail = tenant.userId().toString().equals(assignee) ? tenant.email() : agentEmail;
		assertThat(awaitMails(assigneeEmail)).extracting(OutboxMailTransport.StoredMail::subject)
			.anySatisfy((subject) -> assertThat(subject).contains("Offre reçue"));
		var refused = this.api.post(agent, "/api/v1/cases/" + id + "/transitions", Map.of("transition", "win"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("reason", "ROLE_NOT_ALLOWED")
			.containsEntry("missing", List.of("MANAGER"))
			.containsEntry("allowedTransitions", List.of("lose"));
		assertThat(this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", Map.of("transition", "win"))
			.getBody()).containsEntry("state", "WON");
		assertThat(this.api.get(viewer, "/api/v1/cases/" + id).getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.post(viewer, "/api/v1/cases", lead("Lecture seule")).getStatusCode().value())
			.isEqualTo(403);
		assertThat(this.api.post(viewer, "/api/v1/case-types/LEAD_ACHAT/workflows", Map.of()).getStatusCode().value())
			.isEqualTo(403);
	}

	@Test
	void givesNewCasesToTheLeastLoadedAgentAndMailsMentionedMembers() throws InterruptedException {
		Tenant tenant = this.api.newOrganisation("Agence Équipe");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		member(tenant, "AGENT", agentEmail);
		Object first = create(tenant, lead("Premier lead")).get("assigneeId");
		Object second = create(tenant, lead("Deuxième lead")).get("assigneeId");
		assertThat(List.of(first, second)).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(List.of(first, second)).contains(tenant.userId().toString());

		String id = (String) create(tenant, lead("Lead à rappeler")).get("id");
		String handle = agentEmail.substring(0, agentEmail.indexOf('@'));
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes",
				Map.of("text", "Peux-tu rappeler ce client demain, @" + handle + " ?"));
		assertThat(awaitMails(agentEmail)).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).startsWith("Vous êtes mentionné dans le dossier LEAD-");
			assertThat(mail.body()).contains("Peux-tu rappeler ce client demain", "/cases/" + id);
		});
	}

	List<OutboxMailTransport.StoredMail> awaitMails(String email) {
		List<OutboxMailTransport.StoredMail> mails = List.of();
		for (int i = 0; i < 100 && mails.isEmpty(); i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			mails = this.outbox.to(email);
		}
		return mails;
	}

	String member(Tenant tenant, String role) {
		return member(tenant, role, role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test");
	}

	/**
	 * Adds a member with one role to the organisation and returns an API token for them.
	 */
	String member(Tenant tenant, String role, String email) {
		this.members.add(tenant, UUID.randomUUID(), email, role + " Test", role);
		return this.api.token(email, ApiClient.PASSWORD);
	}

	@Test
	void refusesAStaleUpdateWith409() {
		Tenant tenant = this.api.newOrganisation("Agence Verrou");
		String id = (String) create(tenant, lead("Studio Part-Dieu")).get("id");
		var updated = this.api.patch(tenant.token(), "/api/v1/cases/" + id,
				Map.of("version", 0, "title", "Studio Part-Dieu (meublé)", "fields", Map.of("budget", "180000")));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(updated.getBody()).containsEntry("version", 1);
		assertThat((Map<String, Object>) updated.getBody().get("fields")).containsEntry("budget", 180000);
		var stale = this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "title", "Autre"));
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody()).containsEntry("code", "case.stale").containsEntry("currentVersion", 1);
		var staleMove = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "lose", "lossReason", "x", "version", 0));
		assertThat(staleMove.getStatusCode().value()).isEqualTo(409);
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline")).extracting((e) -> e.get("kind"))
			.contains("FIELD_CHANGE");
	}

	@Test
	void anUpdateOfTheWrongShapeIsSaidWrongNotIgnored() {
		Tenant tenant = this.api.newOrganisation("Agence Formes");
		String id = (String) create(tenant, lead("Maison Caluire")).get("id");
		for (Map<String, Object> wrong : List.of(Map.<String, Object>of("version", 0, "fields", "nope"),
				Map.<String, Object>of("version", 0, "title", List.of("a")),
				Map.<String, Object>of("version", 0, "tags", "vip"))) {
			var refused = this.api.patch(tenant.token(), "/api/v1/cases/" + id, wrong);
			assertThat(refused.getStatusCode().value()).as(wrong.toString()).isEqualTo(400);
			String field = wrong.keySet().stream().filter((key) -> !key.equals("version")).findFirst().orElseThrow();
			assertThat(refused.getBody().toString()).as(wrong.toString()).contains("field=" + field, "attendu");
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("version", 0)
			.containsEntry("title", "Maison Caluire");
	}

	@Test
	void sameIdempotencyKeyGivesTheSameCaseOnce() {
		Tenant tenant = this.api.newOrganisation("Agence Idempotence");
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = lead("Loft Confluence");
		ResponseEntity<Map> first = postWithKey(tenant, key, body);
		ResponseEntity<Map> again = postWithKey(tenant, key, body);
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?type=LEAD_ACHAT").getBody()).containsEntry("total", 1);
		ResponseEntity<Map> reused = postWithKey(tenant, key, lead("Autre chose"));
		assertThat(reused.getStatusCode().value()).isEqualTo(409);
		assertThat(reused.getBody()).containsEntry("code", "idempotency.key-reused");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?type=LEAD_ACHAT").getBody()).containsEntry("total", 1);
	}

	@Test
	void twoConcurrentMovesOfOneCaseLetExactlyOneWin() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Concurrence");
		String id = (String) create(tenant, lead("Maison Écully")).get("id");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.api
					.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
							Map.of("transition", "qualify", "budget", 500000, "financing", "CASH"))
					.getStatusCode()
					.value();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		Map<String, Object> after = this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody();
		assertThat(after).containsEntry("state", "QUALIFIED").containsEntry("version", 1);
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline"))
			.filteredOn((e) -> "TRANSITION".equals(e.get("kind")))
			.hasSize(1);
	}

	@Test
	void tasksNotesAndAppointmentsGoOnTheTimeline() {
		Tenant tenant = this.api.newOrganisation("Agence Agenda");
		String id = (String) create(tenant, lead("T4 Brotteaux")).get("id");
		var task = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/tasks",
				Map.of("title", "Envoyer les annonces", "dueAt", "2026-12-01T09:00:00Z"));
		assertThat(task.getStatusCode().value()).isEqualTo(201);
		var done = this.api.post(tenant.token(),
				"/api/v1/cases/" + id + "/tasks/" + task.getBody().get("id") + "/complete", Map.of());
		assertThat(done.getBody().get("doneAt")).isNotNull();
		assertThat(this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes", Map.of("text", "Rappeler lundi"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + id + "/notes",
					Map.of("text", "Messagerie, rappel demain", "channel", "CALL"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + id + "/notes", Map.of("text", "x", "channel", "PIGEON"))
			.getStatusCode()
			.value()).isEqualTo(400);
		var appointment = this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments",
				Map.of("title", "Visite T4", "startsAt", "2026-12-02T14:00:00Z", "endsAt", "2026-12-02T15:00:00Z",
						"place", "12 rue Tête d'Or, Lyon", "participants", List.of("Camille Martin")));
		assertThat(appointment.getStatusCode().value()).isEqualTo(201);
		String path = "/api/v1/cases/" + id + "/appointments/" + appointment.getBody().get("id") + "/outcome";
		assertThat(this.api.post(tenant.token(), path, Map.of("outcome", "NO_SHOW")).getBody()).containsEntry("outcome",
				"NO_SHOW");
		assertThat(this.api.post(tenant.token(), path, Map.of("outcome", "HELD")).getStatusCode().value())
			.isEqualTo(409);
		assertThat(this.api.post(tenant.token(), path, Map.of("outcome", "PERHAPS")).getStatusCode().value())
			.isEqualTo(400);
		// left out: required, not invalid
		assertThat(this.api.post(tenant.token(), path, Map.of()).getBody().get("errors").toString())
			.contains("field=outcome")
			.contains("code=field.required");
		// one still to come can be cancelled, not said held or missed
		String later = "/api/v1/cases/" + id + "/appointments/" + this.api
			.post(tenant.token(), "/api/v1/cases/" + id + "/appointments",
					Map.of("title", "Visite T5", "startsAt", java.time.Instant.now().plusSeconds(86_400).toString()))
			.getBody()
			.get("id") + "/outcome";
		var early = this.api.post(tenant.token(), later, Map.of("outcome", "NO_SHOW"));
		assertThat(early.getStatusCode().value()).isEqualTo(400);
		assertThat(early.getBody().toString()).contains("appointment.outcome.not-yet");
		assertThat(this.api.post(tenant.token(), later, Map.of("outcome", "CANCELLED")).getStatusCode().value())
			.isEqualTo(200);
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline")).extracting((e) -> e.get("kind"))
			.containsSubsequence("CREATED", "TASK", "TASK", "TASK", "NOTE", "NOTE", "APPOINTMENT", "APPOINTMENT");
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline")).filteredOn((e) -> "NOTE".equals(e.get("kind")))
			.extracting((e) -> ((Map) e.get("payload")).get("channel"))
			.containsExactly("NOTE", "CALL");
		String ics = this.api
			.getText(tenant.token(),
					"/api/v1/cases/" + id + "/appointments/" + appointment.getBody().get("id") + "/invitation.ics")
			.getBody();
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("DTSTART:20261202T140000Z\r\n", "DTEND:20261202T150000Z\r\n",
					"LOCATION:12 rue Tête d'Or\\, Lyon\r\n",
					// missed: kept, marked as not held, a new revision for calendars
					"SUMMARY:Absent (no-show) · Visite T4 · LEAD-", "STATUS:CANCELLED\r\n", "SEQUENCE:1\r\n")
			.endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void marksSlaBreachesAndPutsAnAlertOnTheTimeline() {
		Tenant tenant = this.api.newOrganisation("Agence Délais");
		Map<String, Object> created = create(tenant, lead("Urgent : T2 Gerland"));
		String id = (String) created.get("id");
		Instant due = Instant.parse((String) created.get("slaDueAt"));
		this.slaWatch.check(due.minusSeconds(60));
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNull();
		assertThat(this.slaWatch.check(due.plusSeconds(60))).isGreaterThanOrEqualTo(1);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNotNull();
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline")).extracting((e) -> e.get("kind"))
			.containsOnlyOnce("SLA_BREACH");
		this.slaWatch.check(due.plusSeconds(120));
		assertThat(list(tenant, "/api/v1/cases/" + id + "/timeline")).extracting((e) -> e.get("kind"))
			.containsOnlyOnce("SLA_BREACH");
		assertThat(auditActions(tenant)).contains("case.sla-breached");
	}

	@Test
	void mailsEveryAssigneeOfABurstOfLateCases() {
		Tenant tenant = this.api.newOrganisation("Agence Rafale");
		int late = 30; // more than the connection pool holds
		for (int i = 0; i < late; i++) {
			create(tenant, lead("En retard " + i));
		}
		// a week on: past the SLA whatever the working hours (the escalations that follow
		// are mailed to the owner too, and left out here)
		this.slaWatch.check(Instant.now().plus(java.time.Duration.ofDays(7)));
		List<OutboxMailTransport.StoredMail> mails = List.of();
		for (int i = 0; i < 200 && mails.size() < late; i++) {
			mails = awaitMails(tenant.email()).stream()
				.filter((mail) -> mail.subject().startsWith("Délai dépassé"))
				.toList();
		}
		assertThat(mails).hasSize(late);
	}

	@Test
	void documentsTheCaseApiInOpenApi() {
		String document = this.api.getText(null, "/v3/api-docs").getBody();
		assertThat(document).contains("/api/v1/cases/{id}/transitions", "/api/v1/case-types/{key}/workflows",
				"/api/v1/cases/reports/summary", "/api/v1/case-types/{key}/workflows/{version}/migrate");
	}

	List<Map<String, Object>> list(Tenant tenant, String path) {
		return this.api.raw()
			.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(List.class);
	}

	ResponseEntity<Map> postWithKey(Tenant tenant, String key, Object body) {
		return this.api.raw().post().uri("/api/v1/cases").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Idempotency-Key", key);
		}).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
	}

	List<String> auditActions(Tenant tenant) {
		return this.sql.strings(tenant, "select action from audit_entry order by seq", Map.of());
	}

}
