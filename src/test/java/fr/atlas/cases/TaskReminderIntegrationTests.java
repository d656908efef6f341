package fr.atlas.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.atlas.cases.internal.TaskReminders;
import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.TestMembers;
import fr.atlas.support.TestMembers.SignedIn;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task reminders driven by chosen instants: the job is run before and after a task's
 * reminder, which fires once, to the task's assignee (else the case's), never for a done
 * task, and only for the organisation the task belongs to. Dates are centuries ahead so
 * that the real scheduled job never reaches these tasks.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class TaskReminderIntegrationTests {

	static final Instant REMIND = Instant.parse("2301-03-05T08:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TaskReminders reminders;

	@Autowired
	TestMembers members;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	ApiClient api;

	@Test
	void remindsTheAssigneeOnceWhenTheReminderPassesAndNeverForDoneTasks() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Rappels");
		SignedIn agent = member(tenant, "AGENT");
		SignedIn caseOwner = member(tenant, "AGENT");
		String caseId = openCase(tenant, caseOwner.id());
		String call = addTask(tenant, caseId, Map.of("title", "Rappeler l'acheteur", "dueAt",
				REMIND.plusSeconds(7200).toString(), "remindAt", REMIND.toString(), "assigneeId", agent.id()));
		// No reminder given: the due date is the reminder; no task assignee: the case's.
		String visit = addTask(tenant, caseId, Map.of("title", "Préparer la visite", "dueAt", REMIND.toString()));
		String done = addTask(tenant, caseId,
				Map.of("title", "Tâche déjà faite", "remindAt", REMIND.toString(), "assigneeId", agent.id()));
		assertThat(this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/tasks/" + done + "/complete", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(task(tenant, caseId, visit).get("remindAt")).isEqualTo(REMIND.toString());
		assertThat(task(tenant, caseId, visit).get("remindedAt")).isNull();

		this.reminders.remind(REMIND.minusSeconds(60));
		assertThat(task(tenant, caseId, call).get("remindedAt")).isNull();
		assertThat(task(tenant, caseId, visit).get("remindedAt")).isNull();

		// Two nodes at once: skip locked and reminded_at let only one of them send.
		CompletableFuture<Void> node1 = CompletableFuture.runAsync(() -> this.reminders.remind(REMIND.plusSeconds(60)));
		CompletableFuture<Void> node2 = CompletableFuture.runAsync(() -> this.reminders.remind(REMIND.plusSeconds(60)));
		CompletableFuture.allOf(node1, node2).get(30, TimeUnit.SECONDS);
		assertThat(task(tenant, caseId, call).get("remindedAt")).isEqualTo(REMIND.plusSeconds(60).toString());
		assertThat(task(tenant, caseId, visit).get("remindedAt")).isNotNull();
		assertThat(task(tenant, caseId, done).get("remindedAt")).isNull();
		assertThat(await(agent.token(), caseId, "Rappeler l'acheteur")).singleElement()
			.satisfies((n) -> assertThat((String) n.get("body")).contains("Rappeler l'acheteur", "05/03/2301"));
		// in English, the day as English pages write it, not 05/03 (the 3rd of May to
		// them)
		List<Map<String, Object>> english = (List<Map<String, Object>>) this.api.raw()
			.get()
			.uri("/api/v1/notifications?size=200")
			.headers((h) -> h.setBearerAuth(agent.token()))
			.header("Accept-Language", "en")
			.retrieve()
			.body(Map.class)
			.get("items");
		assertThat(english).filteredOn((n) -> "TASK_REMINDER".equals(n.get("kind")))
			.singleElement()
			.satisfies((n) -> assertThat((String) n.get("body")).contains("is due on 5 Mar 2301, 11:00")
				.doesNotContain("05/03/2301"));
		assertThat(await(caseOwner.token(), caseId, "Préparer la visite")).hasSize(1);
		assertThat(this.outbox.to(agent.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Rappel\u00a0: Rappeler l'acheteur"));

		// A later run, here or on another node, sends nothing again.
		this.reminders.remind(REMIND.plusSeconds(3600));
		sleep(500);
		assertThat(reminders(agent.token(), caseId, "Rappeler l'acheteur")).hasSize(1);
		assertThat(reminders(agent.token(), caseId, "Tâche déjà faite")).isEmpty();
		assertThat(reminders(caseOwner.token(), caseId, "Rappeler l'acheteur")).isEmpty();
		assertThat(this.outbox.to(agent.email()))
			.filteredOn((mail) -> mail.subject().startsWith("Rappel\u00a0: Rappeler l'acheteur"))
			.hasSize(1);
	}

	@Test
	void remindersStayWithinTheirOrganisation() {
		Tenant a = this.api.newOrganisation("Agence Rappels A");
		Tenant b = this.api.newOrganisation("Agence Rappels B");
		SignedIn agentOfA = member(a, "AGENT");
		String caseOfA = openCase(a, agentOfA.id());
		String taskOfA = addTask(a, caseOfA,
				Map.of("title", "Relance A", "remindAt", REMIND.plusSeconds(86_400).toString()));
		String caseOfB = openCase(b, b.userId());
		String taskOfB = addTask(b, caseOfB,
				Map.of("title", "Relance B", "remindAt", REMIND.plusSeconds(2 * 86_400).toString()));
		// B cannot put a task, nor a reminder, on A's case.
		assertThat(this.api
			.post(b.token(), "/api/v1/cases/" + caseOfA + "/tasks",
					Map.of("title", "Intrus", "remindAt", REMIND.toString()))
			.getStatusCode()
			.value()).isEqualTo(404);

		this.reminders.remind(REMIND.plusSeconds(86_400 + 60));
		assertThat(task(a, caseOfA, taskOfA).get("remindedAt")).isNotNull();
		assertThat(task(b, caseOfB, taskOfB).get("remindedAt")).isNull();
		assertThat(await(agentOfA.token(), caseOfA, "Relance A")).hasSize(1);
		assertThat(reminders(b.token(), caseOfA, "Relance A")).isEmpty();
		assertThat(reminders(b.token(), caseOfB, "Relance B")).isEmpty();

		this.reminders.remind(REMIND.plusSeconds(2 * 86_400 + 60));
		assertThat(task(b, caseOfB, taskOfB).get("remindedAt")).isNotNull();
		assertThat(await(b.token(), caseOfB, "Relance B")).hasSize(1);
		assertThat(reminders(agentOfA.token(), caseOfB, "Relance B")).isEmpty();
		assertThat(reminders(agentOfA.token(), caseOfA, "Relance A")).hasSize(1);
	}

	@Test
	void theCasePageSetsAReminderOnANewTask() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Rappels Écran");
		String caseId = openCase(tenant, tenant.userId());
		CasePagesIntegrationTests.Session browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String page = browser.get("/cases/" + caseId).body();
		assertThat(page).contains("name=\"remindAt\"");
		String token = CasePagesIntegrationTests.attribute(page, "name=\"_csrf\" value");
		assertThat(
				browser
					.post("/cases/" + caseId + "/tasks", Map.of("title", "Relancer le notaire", "dueAt",
							"2301-03-06T18:00", "remindAt", "2301-03-06T09:30"), token)
					.statusCode())
			.isEqualTo(302);
		Map<String, Object> task = ((List<Map<String, Object>>) (List) this.api.raw()
			.get()
			.uri("/api/v1/cases/" + caseId + "/tasks")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)).stream()
			.filter((t) -> "Relancer le notaire".equals(t.get("title")))
			.findFirst()
			.orElseThrow();
		// Times on the page are Paris times (UTC+1 in March 2301).
		assertThat(task).containsEntry("dueAt", "2301-03-06T17:00:00Z")
			.containsEntry("remindAt", "2301-03-06T08:30:00Z");
		assertThat(browser.get("/cases/" + caseId).body()).contains("rappel le 06/03/2301 09:30");
	}

	private String openCase(Tenant tenant, UUID assignee) {
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT",
				"title", "Lead à rappeler", "assigneeId", assignee, "fields", Map.of("contactName", "Inès Morel")));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

	private String addTask(Tenant tenant, String caseId, Map<String, Object> task) {
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/tasks", task);
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

	private Map<String, Object> task(Tenant tenant, String caseId, String taskId) {
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) (List) this.api.raw()
			.get()
			.uri("/api/v1/cases/" + caseId + "/tasks")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		return tasks.stream().filter((t) -> taskId.equals(t.get("id"))).findFirst().orElseThrow();
	}

	/** The recipient's task reminders about a case and task, read through the API. */
	private List<Map<String, Object>> reminders(String token, String caseId, String taskTitle) {
		return ((List<Map<String, Object>>) this.api.get(token, "/api/v1/notifications?size=200")
			.getBody()
			.get("items"))
			.stream()
			.filter((n) -> "TASK_REMINDER".equals(n.get("kind")) && caseId.equals(n.get("caseId"))
					&& ((String) n.get("title")).contains(taskTitle))
			.toList();
	}

	/** Notifications are written after commit, asynchronously: waits for them. */
	private List<Map<String, Object>> await(String token, String caseId, String taskTitle) {
		List<Map<String, Object>> found = List.of();
		for (int i = 0; i < 100 && found.isEmpty(); i++) {
			sleep(100);
			found = reminders(token, caseId, taskTitle);
		}
		return found;
	}

	private SignedIn member(Tenant tenant, String role) {
		return this.members.addSignedIn(this.api, tenant, role + " Test", role);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
