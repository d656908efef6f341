package fr.atlas.tenancy.web;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed or bookmarked {@code /logout} asks, with the form that signs out: it was a 404.
 * Signing out itself is still a {@code POST} with the CSRF token.
 */
@WebIntegrationTest
class LogoutPageIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void aSignedInMemberIsAskedAndSignsOutWithTheForm() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Déconnexion");
		PageSession pages = new PageSession(this.port).login(tenant.email());

		HttpResponse<String> asked = pages.get("/logout?lang=fr");
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Voulez-vous vous déconnecter d’Atlas\u202F?")
			.contains("id=\"logout-form\"")
			.contains("action=\"/logout\"");
		// still signed in: asking signs nobody out
		assertThat(pages.get("/members").statusCode()).isEqualTo(200);

		HttpResponse<String> out = pages.post("/logout", Map.of("_csrf", PageSession.csrf(asked.body())), false);
		assertThat(PageSession.location(out)).endsWith("/login?logout");
		assertThat(PageSession.location(pages.get("/members"))).contains("/login");
		// signed out already: the sign-in page
		assertThat(PageSession.location(pages.get("/logout"))).endsWith("/login");
	}

	@Test
	void asksInEnglish() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agency Logout");
		PageSession pages = new PageSession(this.port).login(tenant.email());
		assertThat(pages.get("/logout?lang=en").body()).contains("Do you want to log out of Atlas?")
			.contains("Stay logged in");
		pages.get("/?lang=fr");
	}

}
