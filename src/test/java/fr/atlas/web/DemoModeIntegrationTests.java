package fr.atlas.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.internal.SlaWatch;
import fr.atlas.cases.internal.TaskReminders;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.Eventually;
import fr.atlas.support.PageSession;
import fr.atlas.tenancy.DemoOrganisation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first run of {@code ./mvnw spring-boot:run} shows: the demo organisation with
 * its three members, its cases and its imported agencies.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "atlas.demo.enabled=true")
class DemoModeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SlaWatch slaWatch;

	@Autowired
	TaskReminders taskReminders;

	@Autowired
	ApplicationContext context;

	@Autowired
	DemoOrganisation demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void seedsTheDemoOrganisationWithMembersCasesAndAgencies() throws Exception {
		var api = new ApiClient(this.port);
		String token = api.token(DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD);
		var me = api.get(token, "/api/v1/me");
		assertThat((Map<String, Object>) me.getBody().get("org")).containsEntry("name", DemoOrganisation.NAME);
		assertThat(api.token(DemoOrganisation.MANAGER_EMAIL, DemoOrganisation.PASSWORD)).startsWith("atl_");
		assertThat(api.token(DemoOrganisation.AGENT_EMAIL, DemoOrganisation.PASSWORD)).startsWith("atl_");
		// a viewer reads the cases and changes none, and works none
		String viewer = api.token(DemoOrganisation.VIEWER_EMAIL, DemoOrganisation.PASSWORD);
		assertThat(api.get(viewer, "/api/v1/cases?size=1").getStatusCode().value()).isEqualTo(200);
		assertThat(api.post(viewer, "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Essai"))
			.getStatusCode()
			.value()).isEqualTo(403);
		String viewerId = (String) ((Map<String, Object>) api.get(viewer, "/api/v1/me").getBody().get("user"))
			.get("id");
		assertThat(((Number) api.get(token, "/api/v1/cases?size=1&assignee=" + viewerId).getBody().get("total"))
			.longValue()).isZero();
		assertThat(((Number) api.get(token, "/api/v1/cases?size=1").getBody().get("total")).longValue())
			.isGreaterThan(100);
		assertThat((java.util.List<?>) api.get(token, "/api/v1/case-types/LEAD_ACHAT/assignment-rules")
			.getBody()
			.get("rules")).hasSize(2);
		assertThat(api.getText(token, "/api/v1/teams").getBody()).contains("Transaction Lyon",
				"Développement commercial");
		// months of backdated cases must not all alert (and escalate) on the first SLA
		// check
		assertThat(this.slaWatch.check(Instant.now())).as("cases newly late on the first check").isLessThan(25);
		// nor mail reminders of tasks whose moment came before the seed: in the demo's
		// story they were sent then ("à faire pour le 04/12" two days late was the first
		// mail of the outbox); the first reminders are of tasks coming due after the
		// start
		Instant started = Instant.ofEpochMilli(this.context.getStartupDate());
		this.taskReminders.remind(Instant.now());
		OrgId demo = this.demo.orgId().orElseThrow();
		long stale = CurrentTenant.callAs(demo,
				() -> this.transactions.execute((tx) -> this.jdbc.sql("""
						select count(*) from case_task
						where reminded_at >= :started and coalesce(remind_at, due_at) < :before""")
					.param("started", Timestamp.from(started))
					.param("before", Timestamp.from(started.minus(Duration.ofHours(1))))
					.query(Long.class)
					.single()));
		assertThat(stale).as("reminders mailed at the start for tasks due before it").isZero();
		// the history happened while the agency was open, not at 3 in the morning: cases
		// made and moved, visits held, Monday to Saturday from 8:00 to 20:00 in Paris
		// (the prospection cases made at the start excepted)
		long closedHours = CurrentTenant.callAs(demo,
				() -> this.transactions.execute((tx) -> this.jdbc
					.sql("""
							select (select count(*) from case_file
							        where created_at < :started and (extract(hour from created_at at time zone 'Europe/Paris') not between 8 and 19
							            or extract(isodow from created_at at time zone 'Europe/Paris') = 7))
							     + (select count(*) from case_file
							        where created_at < :started and (extract(hour from state_entered_at at time zone 'Europe/Paris') not between 8 and 19
							            or extract(isodow from state_entered_at at time zone 'Europe/Paris') = 7))
							     + (select count(*) from case_appointment
							        where extract(hour from starts_at at time zone 'Europe/Paris') not between 8 and 19
							            or extract(isodow from starts_at at time zone 'Europe/Paris') = 7)""")
					.param("started", Timestamp.from(started))
					.query(Long.class)
					.single()));
		assertThat(closedHours).as("demo cases made or moved, and visits held, while the agency was closed").isZero();
		// and a manager's bell holds a handful of escalations of recent breaches
		String manager = api.token(DemoOrganisation.MANAGER_EMAIL, DemoOrganisation.PASSWORD);
		assertThat(((Number) api.get(manager, "/api/v1/notifications?size=1").getBody().get("unread")).longValue())
			.as("the manager's unread notifications on a first run")
			.isLessThan(10);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		long agencies = 0;
		while (Instant.now().isBefore(deadline) && agencies == 0) {
			agencies = ((Number) api.get(token, "/api/v1/prospects?size=1").getBody().get("total")).longValue();
			Thread.sleep(500);
		}
		assertThat(agencies).as("demo agencies imported").isBetween(60L, 110L);
		// the review queue has something to show: pairs a person must decide
		assertThat(api.getText(token, "/api/v1/prospects/duplicates").getBody()).as("demo possible duplicates")
			.contains("Agence Lumière", "Cabinet Girardin");
		// the team works the Rhône: its agencies dealt out, the busiest with a
		// prospection case linked to them
		Map<String, Object> busiest = Eventually.await(
				() -> api.get(token, "/api/v1/prospects?department=69&owner=none&size=1").getBody(),
				(page) -> ((Number) page.get("total")).longValue() == 0, "the demo agencies dealt out");
		assertThat(busiest).containsEntry("total", 0);
		assertThat(((Number) api.get(token, "/api/v1/prospects?owner=me&size=1").getBody().get("total")).longValue())
			.isPositive();
		String top = (String) ((List<Map<String, Object>>) api
			.get(token, "/api/v1/prospects?department=69&sort=-listingCount&size=1")
			.getBody()
			.get("items")).get(0).get("id");
		String page = Eventually.await(() -> {
			try {
				return new PageSession(this.port).login(DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD)
					.get("/prospects/" + top)
					.body();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, (body) -> body.contains("PROS-"), "the busiest demo agency's prospection case");
		assertThat(page).contains("href=\"/cases/");
		// and reads as a pipeline a team works: a few tasks late and cases overdue, not
		// months of them
		String home = new PageSession(this.port).login(DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD)
			.get("/?lang=fr")
			.body();
		// none at some hours: the open tasks are those due within the last three days,
		// and
		// around a weekend's night that window may hold none of the owner's (CI, Monday
		// 02:34 in Paris); the bound that matters is the upper one
		assertThat(figure(home, "dossiers? avec une tâche en retard vous concernant")).isBetween(0, 20);
		// 39 at some hours of a Sunday night: the bound is there against hundreds
		assertThat(figure(home, "dossiers? hors délai")).isBetween(1, 60);
		assertThat(figure(home, "dossiers? ouverts? qui vous (est|sont) confiés?")).isPositive();
		// the backdated demo history is not news: the owner's bell is not flooded on a
		// first run
		assertThat(((Number) api.get(token, "/api/v1/notifications?size=1").getBody().get("unread")).longValue())
			.isLessThan(30);
	}

	/** A figure of the home page, by the words beside it. */
	private static int figure(String home, String label) {
		Matcher figure = Pattern
			.compile("<span class=\"figure\">([\\d\\s\u202f\u00a0]+)</span>\\s*<span class=\"label\">" + label)
			.matcher(home);
		assertThat(figure.find()).as(label).isTrue();
		return Integer.parseInt(figure.group(1).replaceAll("\\D", ""));
	}

}
