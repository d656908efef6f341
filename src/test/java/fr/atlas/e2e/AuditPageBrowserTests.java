package fr.atlas.e2e;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The audit page in Debian's Chromium: htmx refreshes the results when a filter is
 * applied, and the integrity check shows its verdict without a page load.
 */
@WebIntegrationTest
class AuditPageBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void filtersAndVerifiesTheLogInPlace() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Navigateur");
		try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
			Page page = context.newPage();
			SignIn.as(page, "http://localhost:" + this.port, tenant.email());
			page.click("nav#main-nav a[href='/audit']");
			page.waitForURL("**/audit");
			assertThat(page.locator("h1")).hasText("Journal d’audit");
			int entries = (int) api.get(tenant.token(), "/api/v1/audit?size=200").getBody().get("total");
			assertThat(page.locator("tr.audit-entry")).hasCount(entries);

			// Choosing an action in words filters at once, without the button.
			page.selectOption("#audit-action", new SelectOption().setLabel("Nouveau membre"));
			assertThat(page.locator("tr.audit-entry")).hasCount(1);
			assertThat(page.locator("tr.audit-entry .badge")).hasText("Nouveau membre");
			assertThat(page.locator("tr.audit-entry .badge")).hasAttribute("title", "member.joined");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/audit\\?.*action=member\\.joined.*"));

			page.click("#audit-verify");
			assertThat(page.locator("#audit-verification-result")).containsText("Chaîne intacte");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "audit-page.png")).setFullPage(true));
		}
	}

}
