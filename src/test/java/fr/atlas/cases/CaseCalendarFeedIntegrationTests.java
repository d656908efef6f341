package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.TestMembers;
import fr.atlas.support.TestMembers.SignedIn;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's secret calendar feed lists the appointments of the cases they are assigned
 * to or take part in, and nobody else's.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseCalendarFeedIntegrationTests {

	@Autowired
	TestMembers members;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	long feedsOf(Tenant tenant, UUID member) {
		return CurrentTenant.callAs(OrgId.of(tenant.orgId()),
				() -> this.transactions
					.execute((tx) -> this.jdbc.sql("select count(*) from case_calendar_feed where user_id = ?")
						.param(member)
						.query(Long.class)
						.single()));
	}

	@Test
	void feedListsTheMembersAppointmentsOnly() {
		Tenant owner = this.api.newOrganisation("Agence Agenda");
		SignedIn agent = agent(owner);
		Tenant other = this.api.newOrganisation("Agence Voisine");

		String ownCase = createCase(owner, "Maison Croix-Rousse", owner.userId());
		appointment(owner, ownCase, "Visite propriétaire", List.of());
		String cancelled = appointment(owner, ownCase, "Visite annulée", List.of());
		assertThat(this.api
			.post(owner.token(), "/api/v1/cases/" + ownCase + "/appointments/" + cancelled + "/outcome",
					Map.of("outcome", "CANCELLED"))
			.getStatusCode()
			.value()).isEqualTo(200);
		String agentCase = createCase(owner, "Studio Part-Dieu", agent.id());
		appointment(owner, agentCase, "Visite de l'agent", List.of());
		appointment(owner, agentCase, "Contre-visite", List.of(owner.email().toUpperCase()));
		String otherCase = createCase(other, "Loft voisin", other.userId());
		appointment(other, otherCase, "Visite ailleurs", List.of(owner.email()));

		String feed = feed(owner.token()).getBody();
		assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("SUMMARY:Visite propriétaire", "SUMMARY:Visite annulée", "STATUS:CANCELLED",
					"SUMMARY:Contre-visite", "DTSTART:20261201T100000Z", "DTEND:20261201T110000Z",
					"LOCATION:12 rue Tête d'Or\\, Lyon", "UID:" + cancelled + "@atlas")
			.doesNotContain("Visite de l'agent", "Visite ailleurs");
		assertThat(unfolded(feed).split("BEGIN:VEVENT", -1)).hasSize(4);

		String agentFeed = feed(agent.token()).getBody();
		assertThat(agentFeed).contains("Visite de l'agent", "Contre-visite").doesNotContain("Visite propriétaire");
	}

	@Test
	void aMissedOrCancelledAppointmentIsARevisionNotHeldInTheInvitationAndTheFeed() {
		Tenant owner = this.api.newOrganisation("Agence Rendez-vous Manqués");
		String caseId = createCase(owner, "Appartement Brotteaux", owner.userId());
		String yesterday = java.time.Instant.now().minus(java.time.Duration.ofDays(1)).toString();
		String missed = scheduled(owner, caseId, "Visite manquée", yesterday);
		String cancelled = scheduled(owner, caseId, "Visite annulée", yesterday);
		String invitation = "/api/v1/cases/" + caseId + "/appointments/";
		assertThat(this.api.getText(owner.token(), invitation + missed + "/invitation.ics").getBody())
			.contains("SEQUENCE:0", "STATUS:CONFIRMED");

		outcome(owner, caseId, missed, "NO_SHOW");
		outcome(owner, caseId, cancelled, "CANCELLED");
		String noShow = unfolded(this.api.getText(owner.token(), invitation + missed + "/invitation.ics").getBody());
		assertThat(noShow)
			.contains("METHOD:PUBLISH", "SEQUENCE:1", "STATUS:CANCELLED", "SUMMARY:Absent (no-show) · Visite manquée")
			.doesNotContain("CONFIRMED");
		String cancellation = this.api.getText(owner.token(), invitation + cancelled + "/invitation.ics").getBody();
		assertThat(cancellation).contains("METHOD:CANCEL", "SEQUENCE:1", "STATUS:CANCELLED");

		String[] events = unfolded(feed(owner.token()).getBody()).split("BEGIN:VEVENT");
		assertThat(events).hasSize(3);
		assertThat(events).filteredOn((e) -> e.contains("UID:" + missed))
			.singleElement()
			.satisfies((e) -> assertThat(e).contains("SEQUENCE:1", "STATUS:CANCELLED", "SUMMARY:Absent (no-show) · "));
		assertThat(events).filteredOn((e) -> e.contains("UID:" + cancelled))
			.singleElement()
			.satisfies((e) -> assertThat(e).contains("SEQUENCE:1", "STATUS:CANCELLED", "SUMMARY:Visite annulée"));
		// another organisation gets neither
		Tenant other = this.api.newOrganisation("Agence Rendez-vous Voisine");
		assertThat(this.api.getText(other.token(), invitation + missed + "/invitation.ics").getStatusCode().value())
			.isEqualTo(404);
		assertThat(feed(other.token()).getBody()).doesNotContain(missed);
	}

	String scheduled(Tenant tenant, String caseId, String title, String startsAt) {
		var response = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments",
				Map.of("title", title, "startsAt", startsAt));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	void outcome(Tenant tenant, String caseId, String appointment, String outcome) {
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments/" + appointment + "/outcome",
					Map.of("outcome", outcome))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void aNewLinkInvalidatesTheOldOne() {
		Tenant owner = this.api.newOrganisation("Agence Lien");
		String first = feedPath(owner.token());
		assertThat(this.api.getText(null, first).getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.getText(null, first).getHeaders().getContentType().toString()).startsWith("text/calendar");
		String second = feedPath(owner.token());
		assertThat(second).isNotEqualTo(first);
		assertThat(this.api.getText(null, first).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.getText(null, second).getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.getText(null, "/cases/calendar/cal_unknown.ics").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aDeactivatedMembersLinkDiesAsTheirTokensDo() throws InterruptedException {
		Tenant owner = this.api.newOrganisation("Agence Départ");
		SignedIn agent = agent(owner);
		// a case of the owner's the agent takes part in: deactivating does not take it
		// from them, as it moves their open cases on
		String ownersCase = createCase(owner, "Maison Fourvière", owner.userId());
		appointment(owner, ownersCase, "Visite avec l'agent", List.of(agent.email()));
		String link = feedPath(agent.token());
		assertThat(this.api.getText(null, link).getBody()).contains("Visite avec l");

		assertThat(this.api.post(owner.token(), "/api/v1/members/" + agent.id() + "/deactivate", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api.getText(null, link).getStatusCode().value()).isEqualTo(404);
		// revoked, not only paused: a reactivation brought the old link back, the member
		// now asks for a new one
		for (int i = 0; i < 50 && feedsOf(owner, agent.id()) > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(feedsOf(owner, agent.id())).isZero();
		assertThat(this.api.post(owner.token(), "/api/v1/members/" + agent.id() + "/reactivate", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api.getText(null, link).getStatusCode().value()).isEqualTo(404);
	}

	/**
	 * Only the feed's address is public: {@code /cases/calendar} itself reached the case
	 * page without a member, which failed with a 500.
	 */
	@Test
	void onlyTheFeedIsPublic() {
		for (String path : List.of("/cases/calendar", "/cases/calendar/", "/cases/calendar/x")) {
			ResponseEntity<String> page = this.api.getText(null, path);
			assertThat(page.getStatusCode().value()).as(path).isEqualTo(302);
			assertThat(page.getHeaders().getLocation()).as(path).hasPath("/login");
		}
	}

	@Test
	void theApiRequiresAuthentication() {
		assertThat(this.api.post(null, "/api/v1/cases/calendar-feed", Map.of()).getStatusCode().value()).isEqualTo(401);
	}

	ResponseEntity<String> feed(String token) {
		ResponseEntity<String> response = this.api.getText(null, feedPath(token));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response;
	}

	String feedPath(String token) {
		var response = this.api.post(token, "/api/v1/cases/calendar-feed", Map.of());
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		String url = (String) response.getBody().get("url");
		assertThat(url).matches("https?://.+/cases/calendar/cal_[\\w-]{43}\\.ics");
		return url.substring(url.indexOf("/cases/calendar/"));
	}

	String createCase(Tenant tenant, String title, UUID assignee) {
		var response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", title, "assigneeId", assignee.toString()));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	String appointment(Tenant tenant, String caseId, String title, List<String> participants) {
		var response = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments", Map.of("title", title,
				"startsAt", "2026-12-01T10:00:00Z", "place", "12 rue Tête d'Or, Lyon", "participants", participants));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	SignedIn agent(Tenant tenant) {
		return this.members.addSignedIn(this.api, tenant, "Agent Agenda", "AGENT");
	}

	static String unfolded(String ics) {
		return ics.replace("\r\n ", "");
	}

}
