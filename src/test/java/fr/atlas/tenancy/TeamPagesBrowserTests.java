package fr.atlas.tenancy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.TeamFixtures.Joined;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team and account pages in Debian's Chromium: htmx with CSRF, no script or style
 * refused by the CSP, and screenshots (desktop and phone) in {@code target/screenshots/}.
 * Skipped with {@code -Datlas.browser-tests=false} or without {@code /usr/bin/chromium}.
 */
@WebIntegrationTest
class TeamPagesBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	private static final Path SHOTS = Paths.get("target/screenshots");

	@LocalServerPort
	int port;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	@BeforeAll
	static void prepare() throws Exception {
		Files.createDirectories(SHOTS);
	}

	@Test
	void managesTheTeamInABrowser() {
		ApiClient api = new ApiClient(this.port);
		TeamFixtures team = new TeamFixtures(api, this.outbox, this.invitations);
		Tenant org = api.newOrganisation("Agence du Navigateur");
		Joined manager = team.join(org, "MANAGER");
		team.join(org, "AGENT");
		team.invite(org, TeamFixtures.uniqueEmail("claire"), "VIEWER");

		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			signIn(page, org.email());

			page.navigate(url("/members"));
			assertThat(page.title()).startsWith("Équipe");
			page.fill("#invite-email", TeamFixtures.uniqueEmail("dora"));
			page.selectOption("#invite-role", "AGENT");
			page.click("#members-panel form[action='/members/invitations'] button[type=submit]");
			page.waitForSelector("#members-panel .notice");
			assertThat(page.textContent("#members-panel .notice")).startsWith("Invitation envoyée à dora-");

			page.selectOption("#role-" + manager.userId(), "ADMIN");
			page.click("#member-" + manager.userId() + " .role-form button");
			page.waitForSelector("#members-panel .notice >> text=modifié");
			assertThat(page.locator("#member-" + manager.userId() + " .badge.role").textContent())
				.isEqualTo("Administrateur");
			assertThat(page.locator("label[for='role-" + manager.userId() + "']").textContent())
				.isEqualTo("Rôle de Member MANAGER");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("members.png")).setFullPage(true));

			page.navigate(url("/account"));
			assertThat(page.title()).startsWith("Mon compte");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("account.png")).setFullPage(true));
			page.navigate(url("/account/tokens"));
			page.fill("#token-name", "Import CRM");
			page.click("form[action='/account/tokens'] button[type=submit]");
			assertThat(page.textContent("#issued-token")).startsWith("atl_");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tokens.png")).setFullPage(true));
			page.navigate(url("/settings/modules"));
			assertThat(page.textContent("#module-listings .badge")).isEqualTo("Bientôt disponible");
			assertThat(page.locator("#module-listings button").count()).isZero();
			assertThat(page.locator("#main-nav a[href='/cases']").count()).isOne();
			page.click("#module-cases button");
			page.waitForSelector("#modules-panel .notice");
			assertThat(page.textContent("#module-cases .badge")).isEqualTo("Désactivé");
			// the menu follows at once, without reloading the page
			assertThat(page.locator("#main-nav a[href='/cases']").count()).isZero();
			assertThat(page.locator("#main-nav a[href='/prospects']").count()).isOne();
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("modules.png")).setFullPage(true));
			assertThat(problems).isEmpty();
		}

		try (BrowserContext phone = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setDeviceScaleFactor(2)
				.setIsMobile(true)
				.setHasTouch(true)
				.setLocale("fr-FR"))) {
			Page page = phone.newPage();
			List<String> problems = watch(page);
			signIn(page, org.email());
			page.navigate(url("/members"));
			// no sideways scrolling on a phone
			Object overflow = page
				.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("members-phone.png")).setFullPage(true));
			page.navigate(url("/account"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("account-phone.png")).setFullPage(true));
			assertThat(problems).isEmpty();
		}
	}

	@Test
	void aFormSentAfterTheSessionEndedIsFilledInAgainOnceSignedIn() {
		ApiClient api = new ApiClient(this.port);
		Tenant org = api.newOrganisation("Agence de la Session Perdue");
		String invitee = TeamFixtures.uniqueEmail("patient");
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			signIn(page, org.email());
			page.navigate(url("/members"));
			page.fill("#invite-email", invitee);
			page.selectOption("#invite-role", "MANAGER");
			// the session ends while the member types (a timeout, a sign-out in another
			// tab)
			context.clearCookies();
			page.click("#members-panel form[action='/members/invitations'] button[type=submit]");
			page.waitForURL(Pattern.compile(".*/login\\?expired&target=%2Fmembers$"));
			assertThat(page.textContent("main .error")).startsWith("Votre session a expiré");
			page.fill("input[name=email]", org.email());
			page.fill("input[name=password]", ApiClient.PASSWORD);
			page.click("button[type=submit]");
			page.waitForURL(url("/members?unsent"));
			assertThat(page.textContent(".unsent")).startsWith("La page avait expiré");
			assertThat(page.inputValue("#invite-email")).isEqualTo(invitee);
			assertThat(page.inputValue("#invite-role")).isEqualTo("MANAGER");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("members-unsent.png")));
			page.click("#members-panel form[action='/members/invitations'] button[type=submit]");
			page.waitForSelector("#members-panel .notice");
			assertThat(page.textContent("#members-panel .notice")).isEqualTo("Invitation envoyée à " + invitee + ".");
			// received: a later visit of the page fills nothing in
			page.navigate(url("/members?unsent"));
			assertThat(page.inputValue("#invite-email")).isEmpty();
			assertThat(problems).isEmpty();
		}
	}

	private void signIn(Page page, String email) {
		SignIn.as(page, url(""), email);
	}

	private static List<String> watch(Page page) {
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage((message) -> {
			// failed loads are reported by onResponse with their address
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				problems.add(message.text());
			}
		});
		page.onResponse((response) -> {
			// the layout has no icon yet; that is not this module's page
			if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
				problems.add(response.status() + " " + response.url());
			}
		});
		page.onPageError(problems::add);
		page.onDialog((dialog) -> dialog.accept());
		return problems;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
