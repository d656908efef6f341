package fr.atlas.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates a team with member checkboxes on the teams page in Debian's Chromium, and takes
 * a screenshot of the page.
 */
@WebIntegrationTest
class TeamsBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Test
	void createsATeamWithItsMembers() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Équipes Chromium");
		for (String name : List.of("Camille Martin", "Hugo Bernard", "Léa Petit")) {
			this.members.add(tenant, UUID.randomUUID(), "agent-" + UUID.randomUUID() + "@example.test", name, "AGENT");
		}
		api.post(tenant.token(), "/api/v1/teams", Map.of("name", "Paris Ouest", "members", List.of(tenant.userId())));
		String base = "http://localhost:" + this.port;
		Page page = chromium.newPage("fr-FR", 1280, 900);
		try {
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases");
			page.click("a[href='/cases/teams']");
			page.waitForURL(base + "/cases/teams");

			page.fill("#team-create input[name=name]", "Lyon Centre");
			page.locator("#team-create label.check", new Page.LocatorOptions().setHasText("Camille Martin")).click();
			page.locator("#team-create label.check", new Page.LocatorOptions().setHasText("Léa Petit")).click();
			page.click("#team-create button[type=submit]");
			page.waitForURL(base + "/cases/teams");
			assertThat(page.locator("p.notice").textContent()).contains("Équipe créée");
			assertThat(page.locator("article.team h2").allTextContents()).containsExactly("Lyon Centre", "Paris Ouest");
			Chromium.screenshot(page, "cases-teams");
		}
		finally {
			page.close();
		}
		List<Map<String, Object>> teams = api.raw()
			.get()
			.uri("/api/v1/teams")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(teams.get(0)).containsEntry("name", "Lyon Centre");
		assertThat((List<?>) teams.get(0).get("members")).hasSize(2);
	}

}
