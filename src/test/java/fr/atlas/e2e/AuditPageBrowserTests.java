package fr.atlas.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The audit page in Debian's Chromium: htmx refreshes the results when a filter is
 * applied, and the integrity check shows its verdict without a page load.
 */
@WebIntegrationTest
@EnabledIfSystemProperty(named = "atlas.browser-tests", matches = "true")
class AuditPageBrowserTests {

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void filtersAndVerifiesTheLogInPlace() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Navigateur");
		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + this.port + "/login");
			page.fill("#email", tenant.email());
			page.fill("#password", ApiClient.PASSWORD);
			page.click("button[type=submit]");
			page.waitForURL("**/");
			page.click("nav#main-nav a[href='/audit']");
			page.waitForURL("**/audit");
			assertThat(page.locator("h1")).hasText("Journal d'audit");
			assertThat(page.locator("tr.audit-entry")).hasCount(3);

			page.fill("#audit-action", "member.joined");
			page.click("#audit-filters button[type=submit]");
			assertThat(page.locator("tr.audit-entry")).hasCount(1);
			assertThat(page.locator("tr.audit-entry")).containsText("member.joined");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/audit\\?.*action=member\\.joined.*"));

			page.click("#audit-verify");
			assertThat(page.locator("#audit-verification-result")).containsText("Chaîne intacte");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "audit-page.png")).setFullPage(true));
		}
	}

}
