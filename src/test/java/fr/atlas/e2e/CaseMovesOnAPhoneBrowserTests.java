package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving cases with a finger: on a touch phone the board's drag and drop did nothing, and
 * a card dropped on "Perdu" was lost without a question, where the case page asks; the
 * list's "Perdre…" read at the top of its 44 px box.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class CaseMovesOnAPhoneBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	private String create(ApiClient api, Tenant tenant, String title, Map<String, Object> fields) {
		return (String) api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", title, "fields", fields))
			.getBody()
			.get("id");
	}

	private static String card(String id) {
		return ".case-card[data-case-id='" + id + "']";
	}

	@Test
	void aCardMovesByItsMenuOnATouchPhoneAndAClosingMoveAsksFirst() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Tableau au doigt");
		String ready = create(api, tenant, "Prêt à qualifier", Map.of("budget", 280000, "financing", "LOAN_AGREED"));
		String doubtful = create(api, tenant, "Acheteur hésitant", Map.of());
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("fr-FR")
				.setViewportSize(390, 844)
				.setHasTouch(true)
				.setIsMobile(true))) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/board?type=LEAD_ACHAT");
			page.locator("#board[data-ready=true]").waitFor();
			Locator message = page.locator("#board-message");
			// the filters start closed, as the list's: they took the first screen, and
			// the cards were below it
			assertThat(page.locator("#board-filters input[name=from]").isVisible()).isFalse();
			assertThat(page.locator("#board-filters input[name=q]").isVisible()).isTrue();
			double closed = page.locator(card(ready)).boundingBox().y;
			page.locator("#board-filter-panel > summary").tap();
			assertThat(page.locator("#board-filters input[name=from]").isVisible()).isTrue();
			assertThat(page.locator(card(ready)).boundingBox().y - closed).as("the cards brought up by")
				.isGreaterThan(150);
			page.locator("#board-filter-panel > summary").tap();

			// the card's menu lists the moves its state allows, by their words and the
			// column they lead to
			Locator toggle = page.locator(card(ready) + " button.card-move");
			assertThat(toggle.textContent()).isEqualTo("Déplacer…");
			assertThat(toggle.boundingBox().height).isGreaterThanOrEqualTo(44);
			toggle.tap();
			Locator moves = page.locator(card(ready) + " .card-moves button");
			assertThat(moves.allTextContents()).contains("Qualifier → Qualifié", "Perdre → Perdu");
			Chromium.screenshot(page, "c2-board-move-menu-phone");
			page.locator(card(ready) + " .card-moves button[data-transition=qualify]").tap();
			page.waitForCondition(() -> message.isVisible() && message.getAttribute("class").contains("ok"));
			assertThat(page.locator(".column[data-state=QUALIFIED] " + card(ready)).count()).isEqualTo(1);
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + ready).getBody()).containsEntry("state", "QUALIFIED");

			// losing closes the case for good: the board asks, as the case page does; a
			// "no" leaves it where it is
			List<String> dialogs = new ArrayList<>();
			page.onceDialog((dialog) -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});
			page.locator(card(doubtful) + " button.card-move").tap();
			page.locator(card(doubtful) + " .card-moves button[data-transition=lose]").tap();
			page.waitForCondition(() -> !dialogs.isEmpty());
			assertThat(dialogs.getFirst().replace('\u00a0', ' ').replace('\u202f', ' '))
				.startsWith("Clore le dossier LEAD-")
				.contains("en « Perdu » ?");
			assertThat(page.locator(".column[data-state=NEW] " + card(doubtful)).count()).isEqualTo(1);
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + doubtful).getBody()).containsEntry("state", "NEW");

			// a "yes" asks the reason, and closes it
			page.onDialog((dialog) -> {
				dialogs.add(dialog.message());
				if ("prompt".equals(dialog.type())) {
					dialog.accept("Budget trop court");
				}
				else {
					dialog.accept();
				}
			});
			page.locator(card(doubtful) + " button.card-move").tap();
			page.locator(card(doubtful) + " .card-moves button[data-transition=lose]").tap();
			page.waitForCondition(() -> page.locator(".column[data-state=LOST] " + card(doubtful)).count() == 1);
			page.waitForCondition(
					() -> "LOST".equals(api.get(tenant.token(), "/api/v1/cases/" + doubtful).getBody().get("state")));
			// a closed case has no move left: no "Déplacer…" opening onto nothing
			page.waitForCondition(() -> !page.locator(card(doubtful) + " button.card-move").isVisible());
			assertThat(page.locator(card(ready) + " button.card-move").isVisible()).isTrue();
			Chromium.screenshot(page, "c2-board-after-phone");
		}
	}

	@Test
	void aCardDroppedOnAClosingColumnAsksFirst() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Tableau glissé");
		String doubtful = create(api, tenant, "Acheteur hésitant", Map.of());
		String base = "http://localhost:" + this.port;
		// wide enough for "Perdu", the last column, to be in sight beside "Nouveau"
		try (BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1920, 900))) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/board?type=LEAD_ACHAT");
			page.locator("#board[data-ready=true]").waitFor();
			List<String> dialogs = new ArrayList<>();
			page.onDialog((dialog) -> {
				dialogs.add(dialog.type() + " " + dialog.message());
				dialog.dismiss();
			});
			// Chromium under load sometimes delivers no drop: tried until asked
			for (int attempt = 0; attempt < 3 && dialogs.isEmpty(); attempt++) {
				page.dragAndDrop(card(doubtful), ".column[data-state=LOST]");
				page.waitForTimeout(1000);
			}
			assertThat(dialogs).isNotEmpty();
			assertThat(dialogs.getFirst().replace('\u00a0', ' ').replace('\u202f', ' '))
				.startsWith("confirm Clore le dossier LEAD-");
			assertThat(page.locator(".column[data-state=NEW] " + card(doubtful)).count()).isEqualTo(1);
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + doubtful).getBody()).containsEntry("state", "NEW");
			Chromium.screenshot(page, "c2-board-desktop");
		}
	}

	@Test
	void theListsLoseLabelIsCentredInItsBoxOnAPhone() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Liste au doigt");
		String id = create(api, tenant, "Acheteur hésitant", Map.of());
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases?type=LEAD_ACHAT");
			Locator lose = page.locator("#case-row-" + id + " summary[data-transition=lose]");
			Locator qualify = page.locator("#case-row-" + id + " button[data-transition=qualify]");
			assertThat(lose.boundingBox().height).isGreaterThanOrEqualTo(44);
			assertThat(offCentre(lose)).as("Perdre… off its box's middle by").isLessThanOrEqualTo(2.0);
			assertThat(offCentre(qualify)).as("Qualifier off its box's middle by").isLessThanOrEqualTo(2.0);
			Chromium.screenshot(page, "c2-list-phone");
		}
	}

	/** How far the middle of an element's words is from the middle of its box, in px. */
	private static double offCentre(Locator element) {
		return ((Number) element.evaluate("""
				(el) => {
				  const range = document.createRange();
				  range.selectNodeContents(el);
				  const words = range.getBoundingClientRect();
				  const box = el.getBoundingClientRect();
				  return Math.abs((words.top + words.bottom) / 2 - (box.top + box.bottom) / 2);
				}""")).doubleValue();
	}

}
