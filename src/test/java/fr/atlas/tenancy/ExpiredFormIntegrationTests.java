package fr.atlas.tenancy;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form sent once its session ended: back to its page (through the login page when the
 * page needs a member) with {@code unsent}, never "access denied".
 */
@WebIntegrationTest
class ExpiredFormIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	@Test
	void aFormOfAnEndedSessionLeadsThroughTheLoginPageBackToItsPage() throws Exception {
		Tenant org = this.api.newOrganisation("Agence Session Finie");
		PageSession ended = new PageSession(this.port);
		var refused = ended.send(form("/members/invitations", "email=dora%40example.test&role=AGENT&_csrf=stale")
			.header("Referer", url("/members?tab=team")));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(PageSession.location(refused))
			.isEqualTo("/login?expired&target=" + URLEncoder.encode("/members?tab=team", StandardCharsets.UTF_8));

		var login = ended.get(PageSession.location(refused));
		assertThat(login.body())
			.contains("Votre session a expiré\u00A0: ce que vous veniez d’envoyer n’a pas été enregistré")
			.contains("name=\"target\" value=\"/members?tab=team\"");
		var signedIn = ended.post("/login", Map.of("email", org.email(), "password", ApiClient.PASSWORD, "target",
				"/members?tab=team", "_csrf", PageSession.csrf(login.body())), false);
		assertThat(PageSession.location(signedIn)).isEqualTo("/members?tab=team&unsent");
		assertThat(ended.get("/members?tab=team&unsent").body())
			.contains("La page avait expiré\u00A0: ce que vous veniez d’envoyer n’a pas été enregistré");
	}

	@Test
	void aSignedInMemberWithAStaleFormGoesBackToItsPageAndHtmxIsToldWhereToGo() throws Exception {
		Tenant org = this.api.newOrganisation("Agence Onglet Ancien");
		PageSession member = new PageSession(this.port).login(org.email());
		var page = member
			.send(form("/account/password", "currentPassword=x&_csrf=stale").header("Referer", url("/account?unsent")));
		assertThat(PageSession.location(page)).isEqualTo("/account?unsent");

		var htmx = member
			.send(form("/members/invitations", "email=x%40example.test&_csrf=stale").header("HX-Request", "true")
				.header("HX-Current-URL", url("/members")));
		assertThat(htmx.statusCode()).isEqualTo(200);
		assertThat(htmx.headers().firstValue("HX-Redirect")).contains("/members?unsent");
	}

	@Test
	void aPagesScriptIsToldInWordsThatItsSessionEnded() throws Exception {
		PageSession ended = new PageSession(this.port);
		var move = ended.send(HttpRequest.newBuilder(ended.uri("/cases/" + java.util.UUID.randomUUID() + "/move"))
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", "stale")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("transition=qualify")));
		assertThat(move.statusCode()).isEqualTo(403);
		assertThat(move.body()).contains("\"ok\":false", "Votre session a expiré", "/login?expired");
	}

	@Test
	void aPublicPageIsShownAgainAndNoOtherSiteIsEverATarget() throws Exception {
		PageSession visitor = new PageSession(this.port);
		var signup = visitor.send(form("/signup", "organisation=Agence&_csrf=stale").header("Referer", url("/signup")));
		assertThat(PageSession.location(signup)).isEqualTo("/signup?unsent");
		assertThat(visitor.get("/signup?unsent").body()).contains("La page avait expiré");

		var elsewhere = visitor
			.send(form("/members/invitations", "_csrf=stale").header("Referer", "https://elsewhere.example/members"));
		assertThat(PageSession.location(elsewhere)).isEqualTo("/login?expired");

		Tenant org = this.api.newOrganisation("Agence Sans Détour");
		PageSession member = new PageSession(this.port);
		var login = member.get("/login?expired&target=//elsewhere.example/x");
		var signedIn = member.post("/login", Map.of("email", org.email(), "password", ApiClient.PASSWORD, "target",
				"//elsewhere.example/x", "_csrf", PageSession.csrf(login.body())), false);
		assertThat(PageSession.location(signedIn)).isEqualTo("/");
	}

	@Test
	void aRefusalOfRoleIsStillOne() throws Exception {
		Tenant org = this.api.newOrganisation("Agence des Rôles");
		var agent = new TeamFixtures(this.api, this.outbox, this.invitations).join(org, "AGENT");
		PageSession member = new PageSession(this.port).login(agent.email());
		var page = member.get("/members");
		var refused = member.post("/members/invitations",
				Map.of("email", "x@example.test", "role", "AGENT", "_csrf", PageSession.csrf(page.body())), false);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
	}

	private HttpRequest.Builder form(String path, String body) {
		return HttpRequest.newBuilder(new PageSession(this.port).uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
