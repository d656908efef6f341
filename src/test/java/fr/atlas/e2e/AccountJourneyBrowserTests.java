package fr.atlas.e2e;

import java.util.UUID;

import com.microsoft.playwright.Page;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@WebIntegrationTest
class AccountJourneyBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void signsUpLogsOutSwitchesLanguageAndLogsBackIn() {
		Page page = chromium.newPage("fr-FR", 1280, 900);
		String email = "e2e-" + UUID.randomUUID() + "@example.test";
		page.navigate(url("/signup"));
		page.getByLabel("Nom de l’organisation").fill("Agence Playwright");
		page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Paula Wright");
		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Mot de passe").fill("Playwright-2026!");
		Chromium.screenshot(page, "signup");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Créer mon organisation"))
			.click();
		assertThat(page.locator("h1")).hasText("Bonjour Paula Wright");
		Chromium.screenshot(page, "home-fr");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Équipe").setExact(true))
			.click();
		page.getByLabel("E-mail").fill("invitee-" + UUID.randomUUID() + "@example.test");
		page.locator("#invite-role").selectOption("AGENT");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Envoyer l’invitation"))
			.click();
		assertThat(page.locator("#members-panel .notice")).containsText("Invitation envoyée à invitee-");
		Chromium.screenshot(page, "members-invited");

		page.locator("#lang-en").click();
		assertThat(page.locator("h1")).hasText("Team");
		Chromium.screenshot(page, "members-en");

		page.locator("#logout").click();
		assertThat(page.getByText("You are logged out.")).isVisible();

		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Password").fill("Playwright-2026!");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
			.click();
		assertThat(page.locator("h1")).hasText("Hello Paula Wright");
	}

	@Test
	void showsAClearErrorForAWrongPassword() {
		Page page = chromium.newPage("fr-FR", 390, 844);
		page.navigate(url("/login"));
		page.getByLabel("E-mail").fill("nobody@example.test");
		page.getByLabel("Mot de passe").fill("wrong-password-1");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Se connecter"))
			.click();
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
			.hasText("E-mail ou mot de passe incorrect.");
		// the e-mail as typed, the password to type again, where the cursor is
		assertThat(page.getByLabel("E-mail")).hasValue("nobody@example.test");
		assertThat(page.getByLabel("Mot de passe")).hasValue("");
		assertThat(page.getByLabel("Mot de passe")).isFocused();
		Chromium.screenshot(page, "login-error-mobile");
		// once: the next visit of the page is an empty form
		page.navigate(url("/login"));
		assertThat(page.getByLabel("E-mail")).hasValue("");
		assertThat(page.getByLabel("E-mail")).isFocused();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
