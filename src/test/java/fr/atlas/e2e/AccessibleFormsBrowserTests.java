package fr.atlas.e2e;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field and button of the pages has a name a screen reader can say: a label, an
 * {@code aria-label}, a title or its text. A placeholder alone is not one (it goes once
 * the field is typed in); the case page's forms had only that.
 */
@WebIntegrationTest
class AccessibleFormsBrowserTests {

	/** The fields and buttons of the page that have no accessible name, described. */
	private static final String UNNAMED = """
			Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button, summary'))
			  .filter((e) => !((e.labels && Array.from(e.labels).some((l) => l.textContent.trim()))
			    || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.getAttribute('title')
			    || ((e.tagName === 'BUTTON' || e.tagName === 'SUMMARY') && e.textContent.trim())
			    || (e.type === 'submit' && e.value)))
			  .map((e) => e.tagName.toLowerCase() + '[name=' + (e.name || '') + ']')""";

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void everyFieldHasAName() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Accessible");
		new ProspectsApi(api).importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Lac;04 50 00 00 01;74000;Annecy
				Agence du Lac Bleu;;74000;Annecy
				""");
		String caseId = (String) api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Annecy"))
			.getBody()
			.get("id");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			for (String path : List.of("/", "/prospects", "/prospects/new", "/prospects/duplicates",
					"/prospects/imports", "/cases", "/cases/" + caseId, "/cases/board", "/cases/reports",
					"/cases/teams", "/cases/working-hours", "/cases/types/LEAD_ACHAT/workflow",
					"/cases/types/LEAD_ACHAT/assignment-rules", "/members", "/audit", "/account", "/account/tokens",
					"/settings/modules", "/notifications")) {
				page.navigate(base + path);
				assertThat((List<?>) page.evaluate(UNNAMED)).as("fields without a name on %s", path).isEmpty();
			}
			page.navigate(base + "/prospects?q=Lac%20Bleu");
			page.getByText("Agence du Lac Bleu").first().click();
			page.waitForURL("**/prospects/*");
			assertThat((List<?>) page.evaluate(UNNAMED)).as("fields without a name on the agency's page").isEmpty();
		}
	}

}
