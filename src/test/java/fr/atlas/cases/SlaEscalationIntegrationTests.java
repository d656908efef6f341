package fr.atlas.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import fr.atlas.cases.internal.Actor;
import fr.atlas.cases.internal.Cases;
import fr.atlas.cases.internal.Cases.NewCase;
import fr.atlas.cases.internal.SlaWatch;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.TestMembers;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLAs counted in the organisation's working hours, breach alerts and escalation to the
 * managers, driven by a controllable clock: cases are opened at a fixed instant and the
 * watch is run at chosen instants. Dates are far in the future so that the real scheduled
 * watch never touches these cases.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class SlaEscalationIntegrationTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@LocalServerPort
	int port;

	@Autowired
	SlaWatch slaWatch;

	@Autowired
	Cases cases;

	@Autowired
	Members members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestMembers testMembers;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApiClient api;

	static Instant paris(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
	}

	record Someone(UUID id, String email, String token) {
	}

	Someone member(Tenant tenant, String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
		UUID id = UUID.randomUUID();
		this.testMembers.add(tenant, id, email, role + " Test", role);
		return new Someone(id, email, this.api.token(email, ApiClient.PASSWORD));
	}

	<T> T as(Tenant tenant, Supplier<T> work) {
		return CurrentTenant.callAs(OrgId.of(tenant.orgId()), work);
	}

	/** Opens a buyer lead at {@code at}, as the owner, for {@code assignee}. */
	String openLead(Tenant tenant, UUID assignee, Instant at) {
		return as(tenant, () -> {
			Actor owner = Actor.of(this.members.find(UserId.of(tenant.userId())).orElseThrow());
			return this.cases
				.create(new NewCase("LEAD_ACHAT", "Lead du vendredi soir", assignee, null, null,
						Map.of("contactName", "Inès Morel"), null, "FORM"), owner, Clock.fixed(at, ZoneOffset.UTC))
				.id()
				.toString();
		});
	}

	List<String> timelineKinds(Tenant tenant, String caseId) {
		return ((List<Map<String, Object>>) (List) this.api.raw()
			.get()
			.uri("/api/v1/cases/" + caseId + "/timeline")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)).stream().map((e) -> (String) e.get("kind")).toList();
	}

	List<Map<String, Object>> notificationsAbout(String token, String kind, String caseId) {
		return ((List<Map<String, Object>>) this.api.get(token, "/api/v1/notifications?size=200")
			.getBody()
			.get("items")).stream()
			.filter((n) -> kind.equals(n.get("kind")) && caseId.equals(n.get("caseId")))
			.toList();
	}

	List<Map<String, Object>> awaitNotifications(String token, String kind, String caseId) {
		List<Map<String, Object>> found = List.of();
		for (int i = 0; i < 100 && found.isEmpty(); i++) {
			sleep(100);
			found = notificationsAbout(token, kind, caseId);
		}
		return found;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void countsTheSlaInWorkingHoursAlertsTheAssigneeThenEscalatesOnceToTheManagers() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Escalade");
		Someone agent = member(tenant, "AGENT");
		Someone manager = member(tenant, "MANAGER");
		Someone otherAgent = member(tenant, "AGENT");
		// Friday 17 January 2031, 17:30 in Paris; NEW: "sla": "PT2H", "escalateAfter":
		// "PT2H"
		String id = openLead(tenant, agent.id(), paris("2031-01-17T17:30"));
		Map<String, Object> lead = this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody();
		assertThat(Instant.parse((String) lead.get("slaDueAt"))).isEqualTo(paris("2031-01-20T10:30"));

		this.slaWatch.check(paris("2031-01-20T10:29"));
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNull();

		this.slaWatch.check(paris("2031-01-20T10:31"));
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNotNull();
		assertThat(awaitNotifications(agent.token(), "SLA_BREACH", id)).singleElement()
			.satisfies(
					(n) -> assertThat((String) n.get("title")).startsWith("Délai dépassé\u00a0: dossier LEAD-2031-"));
		assertThat(this.outbox.to(agent.email())).anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Délai"));

		// the escalation comes 2 working hours after the deadline: 12:30
		this.slaWatch.check(paris("2031-01-20T12:29"));
		assertThat(timelineKinds(tenant, id)).containsOnlyOnce("SLA_BREACH").doesNotContain("SLA_ESCALATION");

		assertThat(this.slaWatch.escalate(paris("2031-01-20T12:31"))).isGreaterThanOrEqualTo(1);
		assertThat(timelineKinds(tenant, id)).containsOnlyOnce("SLA_ESCALATION");
		for (String token : List.of(manager.token(), tenant.token())) {
			assertThat(awaitNotifications(token, "SLA_ESCALATION", id)).singleElement()
				.satisfies((n) -> assertThat((String) n.get("body")).contains("«\u00a0Nouveau\u00a0»",
						"20/01/2031 10:30", "AGENT Test"));
		}
		assertThat(this.outbox.to(manager.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Escalade\u00a0: dossier LEAD-2031-"));
		assertThat(this.outbox.to(tenant.email()))
			.anySatisfy((mail) -> assertThat(mail.subject()).startsWith("Escalade"));

		// never twice, however often the watch runs
		this.slaWatch.check(paris("2031-01-20T15:00"));
		this.slaWatch.check(paris("2031-01-21T15:00"));
		assertThat(timelineKinds(tenant, id)).containsOnlyOnce("SLA_ESCALATION").containsOnlyOnce("SLA_BREACH");
		sleep(500);
		assertThat(notificationsAbout(manager.token(), "SLA_ESCALATION", id)).hasSize(1);
		// the event handed over again (as the publication registry may) repeats neither
		// the notification nor the e-mail
		int mails = this.outbox.to(manager.email()).size();
		CaseSlaEscalated again = new CaseSlaEscalated(OrgId.of(tenant.orgId()), CaseId.of(UUID.fromString(id)),
				(String) lead.get("reference"), "NEW", paris("2031-01-20T10:30"), paris("2031-01-20T12:31"));
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(again)));
		sleep(1000);
		assertThat(notificationsAbout(manager.token(), "SLA_ESCALATION", id)).hasSize(1);
		assertThat(this.outbox.to(manager.email())).hasSize(mails);
		// agents are not managers
		assertThat(notificationsAbout(agent.token(), "SLA_ESCALATION", id)).isEmpty();
		assertThat(notificationsAbout(otherAgent.token(), "SLA_ESCALATION", id)).isEmpty();
		String audit = this.api.get(tenant.token(), "/api/v1/audit?size=200").getBody().toString();
		assertThat(audit).contains("case.sla-escalated");
		// the state by its label, in the reader's language, not its key (the event
		// published again by hand above carries no labels)
		assertThat(audit).containsPattern("Délai dépassé[^,]*état\u00a0: Nouveau")
			.containsPattern("Escalade aux responsables[^,]*état\u00a0: Nouveau");

		// the pages: the timeline shows the escalation, the bell and the list the
		// notification
		CasePagesIntegrationTests.Session browser = new CasePagesIntegrationTests.Session(this.port, manager.email());
		assertThat(browser.get("/cases/" + id).body()).contains("Escalade aux responsables", "Délai dépassé");
		assertThat(browser.get("/notifications/bell").body()).contains("id=\"notification-bell\"", "class=\"count\"");
		assertThat(browser.get("/notifications?unread=true").body()).contains("Escalade\u00a0: dossier LEAD-2031-",
				"toujours en retard", "/read\" method=\"post\"");
	}

	@Test
	void anEntryActionsTaskIsDueInWorkingHoursAsTheSlaIs() {
		Tenant tenant = this.api.newOrganisation("Agence Tâches ouvrées");
		Someone agent = member(tenant, "AGENT");
		// Friday 17 January 2031, 17:30 in Paris: NEW asks for a first contact within 2
		// hours ("sla": "PT2H", and a task "due": "PT2H")
		String id = openLead(tenant, agent.id(), paris("2031-01-17T17:30"));
		List<Map<String, Object>> tasks = this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/tasks").getBody();
		assertThat(tasks).singleElement().satisfies((task) -> {
			assertThat(task).containsEntry("title", "Premier contact avec l’acheteur");
			// Monday 10:30, with the SLA, not Friday 19:30 after closing time
			assertThat(Instant.parse((String) task.get("dueAt"))).isEqualTo(paris("2031-01-20T10:30"));
		});
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("slaDueAt",
				paris("2031-01-20T10:30").toString());
	}

	@Test
	void aCaseMovedOnBeforeTheEscalationIsNotEscalated() {
		Tenant tenant = this.api.newOrganisation("Agence Réactive");
		Someone agent = member(tenant, "AGENT");
		String id = openLead(tenant, agent.id(), paris("2031-01-21T09:00"));
		this.slaWatch.check(paris("2031-01-21T11:01"));
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNotNull();
		ResponseEntity<Map> moved = this.api.post(agent.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "lose", "lossReason", "Injoignable"));
		assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
		this.slaWatch.check(paris("2031-01-22T18:00"));
		assertThat(timelineKinds(tenant, id)).containsOnlyOnce("SLA_BREACH").doesNotContain("SLA_ESCALATION");
	}

	@Test
	void aCaseIsMarkedLateWhileATransactionWritesSomethingAboutIt() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Occupée");
		Someone agent = member(tenant, "AGENT");
		String id = openLead(tenant, agent.id(), paris("2031-02-04T09:00"));
		// the lock a transaction takes on the case while it writes a row referring to
		// it (the notification of its assignment)
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread writer = Thread.ofPlatform().start(() -> as(tenant, () -> this.transactions.execute((tx) -> {
			this.jdbc.sql("select id from case_file where id = :id for key share")
				.param("id", UUID.fromString(id))
				.query(UUID.class)
				.single();
			held.countDown();
			try {
				return release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		})));
		assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
		try {
			this.slaWatch.check(paris("2031-02-04T11:01"));
		}
		finally {
			release.countDown();
			writer.join();
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaBreachedAt")).isNotNull();
	}

	@Test
	void organisationsSetTheirOwnWorkingHours() {
		Tenant tenant = this.api.newOrganisation("Agence Matinale");
		Someone agent = member(tenant, "AGENT");
		Tenant other = this.api.newOrganisation("Agence Classique");
		Map<String, Object> mornings = Map.of("timeZone", "Europe/Paris", "frenchPublicHolidays", false, "days",
				Map.of("MONDAY", Map.of("opens", "08:00", "closes", "12:00"), "FRIDAY",
						Map.of("opens", "08:00", "closes", "12:00")));
		assertThat(this.api.put(agent.token(), "/api/v1/cases/working-hours", mornings).getStatusCode().value())
			.isEqualTo(403);
		ResponseEntity<Map> invalid = this.api.put(tenant.token(), "/api/v1/cases/working-hours", Map.of("timeZone",
				"Mars/Olympus", "days", Map.of("MONDAY", Map.of("opens", "18:00", "closes", "09:00"))));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getBody().toString()).contains("timeZone", "days.MONDAY");
		ResponseEntity<Map> saved = this.api.put(tenant.token(), "/api/v1/cases/working-hours", mornings);
		assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
		assertThat(this.api.get(agent.token(), "/api/v1/cases/working-hours").getBody())
			.containsEntry("frenchPublicHolidays", false)
			.containsEntry("days", Map.of("MONDAY", Map.of("opens", "08:00", "closes", "12:00"), "FRIDAY",
					Map.of("opens", "08:00", "closes", "12:00")));
		// another organisation keeps the default
		assertThat(this.api.get(other.token(), "/api/v1/cases/working-hours").getBody())
			.containsEntry("timeZone", "Europe/Paris")
			.containsEntry("frenchPublicHolidays", true)
			.extractingByKey("days")
			.satisfies((days) -> assertThat((Map<String, Object>) days).hasSize(5)
				.containsEntry("MONDAY", Map.of("opens", "09:00", "closes", "18:00")));

		// Friday 11:30 + 2 working hours: 30 min on Friday, 1 h 30 on Monday from 08:00
		String id = openLead(tenant, agent.id(), paris("2031-01-17T11:30"));
		assertThat(
				Instant.parse((String) this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("slaDueAt")))
			.isEqualTo(paris("2031-01-20T09:30"));
		String classic = openLead(other, other.userId(), paris("2031-01-17T11:30"));
		assertThat(Instant
			.parse((String) this.api.get(other.token(), "/api/v1/cases/" + classic).getBody().get("slaDueAt")))
			.isEqualTo(paris("2031-01-17T13:30"));
	}

}
