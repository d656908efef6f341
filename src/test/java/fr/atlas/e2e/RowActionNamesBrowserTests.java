package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.atlas.support.ApiClient;
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
 * A screen reader tabbing through a list hears which row each action acts on: "Révoquer
 * le jeton « CRM »", not "Révoquer, Révoquer" (ADR 0069). On every page that lists rows
 * with actions, filled with several of each, no button, checkbox or link of one table,
 * list or set of cards has the name of another row's, in French and English; the visible
 * words stay.
 */
@WebIntegrationTest
class RowActionNamesBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	@Test
	void eachRowsActionSaysWhichRow() {
		BusyOrganisation org = BusyOrganisation.create(this.api, this.members, "Agence des Rangées");
		String base = "http://localhost:" + this.port;
		List<String> pages = List.of("/prospects", "/prospects/duplicates", "/prospects/" + org.lake(),
				"/prospects/imports", "/members", "/account/tokens", "/settings/modules", "/cases",
				"/cases/" + org.caseId(), "/cases/teams", "/cases/types/LEAD_ACHAT/workflow", "/notifications");
		List<String> found = new ArrayList<>();
		int openedDetails = 0;
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, org.tenant().email());
			for (String language : List.of("fr", "en")) {
				page.navigate(base + "/?lang=" + language);
				for (String path : pages) {
					assertThat(page.navigate(base + path).status()).as("status of %s", path).isEqualTo(200);
					// a closed <details> hides its controls from the snapshot, not from a
					// screen reader user who opens it
					openedDetails += RowActions.openEveryDetails(page);
					for (String ambiguous : RowActions.ambiguous(page.locator("main").ariaSnapshot())) {
						found.add(language + " " + path + ": " + ambiguous);
					}
				}
			}
			assertThat(found).as("actions whose name is another row's").isEmpty();
			assertThat(openedDetails).as("closed <details> opened before reading").isPositive();
			// the rows were there, named, and their visible words did not change
			page.navigate(base + "/account/tokens?lang=fr");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le jeton CRM"))
				.textContent()).isEqualTo("Révoquer");
			page.navigate(base + "/cases/" + org.caseId());
			assertThat(page
				.getByRole(AriaRole.BUTTON,
						new Page.GetByRoleOptions().setName("Terminer la tâche « Rappeler le client »"))
				.textContent()).isEqualTo("Terminer");
			// a control a closed <details> holds is read too
			RowActions.openEveryDetails(page);
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la partie"))
				.textContent()).isEqualTo("Ajouter");
			page.navigate(base + "/prospects/duplicates");
			assertThat(page.locator("table.pairs tbody tr").count()).isGreaterThanOrEqualTo(2);
		}
	}

}
