package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.ImportWizard;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages pass axe-core's WCAG 2 A and AA rules (2.0, 2.1 and 2.2) and its best
 * practices, in French and the lists and signed-out pages in English, at a desktop's
 * width and a phone's, the phone's menu open and two forms sent back with errors too: no
 * violation of impact serious or critical, and no ARIA attribute naming an element the
 * page does not have (ADR 0069). Every violation found is printed. One browser and one
 * signed-in context for them all.
 */
@WebIntegrationTest
class AxeAccessibilityBrowserTests {

	/**
	 * The rules axe runs: those of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's
	 * best practices (landmarks, headings, empty table headers…).
	 */
	static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

	/**
	 * The ids that ARIA attributes name and the page does not have (axe only asks a
	 * person to review them): a field described by an error message that is not there.
	 */
	static final String DANGLING = """
			[...document.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]')]
			  .flatMap((e) => ['aria-describedby', 'aria-labelledby', 'aria-controls']
			    .flatMap((a) => (e.getAttribute(a) || '').split(/\\s+/)
			      .filter((id) => id && !document.getElementById(id))
			      .map((id) => e.tagName.toLowerCase() + '#' + e.id + ' ' + a + '=' + id)))""";

	/** Those rules, reporting only their violations (faster). */
	static final AxeRunOptions OPTIONS = new AxeRunOptions();

	static {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(RULES);
		OPTIONS.setRunOnly(only);
		OPTIONS.setResultTypes(List.of("violations"));
	}

	/** The impacts a page must not have. */
	static final List<String> BLOCKING = List.of("serious", "critical");

	static final String CSV = """
			Raison sociale;Téléphone;E-mail;Code postal;Ville
			Agence du Lac;04 50 00 00 01;contact@agencedulac.fr;74000;Annecy
			Agence du Lac Bleu;;pas-un-email;74000;Annecy
			Cabinet Martin;04 91 00 00 02;;13002;Marseille
			""";

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void signedInPagesHaveNoSeriousViolation() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Axe");
		ProspectsApi prospects = new ProspectsApi(api);
		String importId = (String) prospects.importAndWait(tenant.token(), "agences.csv", CSV).get("id");
		String agencyId = prospects.idOf(tenant.token(), "Bleu");
		String caseId = (String) api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Annecy"))
			.getBody()
			.get("id");
		String base = "http://localhost:" + this.port;
		List<String> found = new ArrayList<>();
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			// a file waiting at the wizard's mapping step
			ImportWizard.uploadToMapping(page, base, "suite.csv", CSV);
			String mapping = page.url().substring(base.length());
			// the review queue has its pair (the two agencies of the lake) to decide on
			page.navigate(base + "/prospects/duplicates");
			assertThat(page.locator("table.pairs tbody tr").count()).isPositive();
			List<String> pages = List.of("/", "/prospects", "/prospects/" + agencyId, "/prospects/imports",
					"/prospects/imports/" + importId, mapping, "/prospects/duplicates", "/cases", "/cases/board",
					"/cases/" + caseId, "/cases/reports", "/members", "/account", "/account/tokens", "/audit",
					"/settings/modules", "/prospects/new", "/cases/teams", "/cases/working-hours",
					"/cases/types/LEAD_ACHAT/workflow", "/notifications");
			List<String> lists = List.of("/prospects", "/prospects/imports", "/prospects/duplicates", "/cases",
					"/members", "/account/tokens", "/audit");
			for (int width : List.of(1280, 390)) {
				page.setViewportSize(width, width > 600 ? 900 : 844);
				for (String path : pages) {
					found.addAll(audit(page, base + path, "fr", width));
				}
				if (width < 600) {
					// the menu, opened by its button on a phone
					page.navigate(base + "/");
					page.click(".nav-toggle");
					found.addAll(audit(page, "fr 390 / with the menu open"));
				}
				page.navigate(base + "/?lang=en");
				for (String path : lists) {
					found.addAll(audit(page, base + path, "en", width));
				}
				page.navigate(base + "/?lang=fr");
			}
			// forms sent back with their errors: each field names its message, which is
			// there
			page.setViewportSize(1280, 900);
			page.navigate(base + "/account");
			page.fill("#newPassword", "court");
			page.click("form[action$='/account/password'] button[type=submit]");
			page.locator("#confirmPassword-error").waitFor();
			assertThat(page.getAttribute("#confirmPassword", "aria-describedby")).isEqualTo("confirmPassword-error");
			found.addAll(audit(page, "fr 1280 /account with a password refused"));
			page.navigate(base + "/members");
			page.fill("#invite-email", "pas-un-email");
			page.click("form[action$='/members/invitations'] button[type=submit]");
			page.locator("#invite-email-error").waitFor();
			assertThat(page.getAttribute("#invite-email", "aria-describedby")).isEqualTo("invite-email-error");
			found.addAll(audit(page, "fr 1280 /members with an invitation refused"));
		}
		assertThat(found).as("axe violations of impact serious or critical, ARIA naming no element").isEmpty();
	}

	@Test
	void signedOutPagesHaveNoSeriousViolation() {
		String base = "http://localhost:" + this.port;
		List<String> found = new ArrayList<>();
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			for (int width : List.of(1280, 390)) {
				page.setViewportSize(width, width > 600 ? 900 : 844);
				for (String language : List.of("fr", "en")) {
					for (String path : List.of("/login", "/login?error", "/signup", "/password/forgot")) {
						String choice = (path.contains("?") ? "&" : "?") + "lang=" + language;
						found.addAll(audit(page, base + path + choice, language, width));
					}
				}
			}
		}
		assertThat(found).as("axe violations of impact serious or critical, ARIA naming no element").isEmpty();
	}

	/**
	 * Opens {@code url} and runs axe on it: its serious and critical violations,
	 * described with the page, rule and elements (all of them are printed, to read in the
	 * test's output).
	 */
	private static List<String> audit(Page page, String url, String language, int width) {
		assertThat(page.navigate(url).status()).as("status of %s", url).isEqualTo(200);
		assertThat(page.locator("html").getAttribute("lang")).as("language of %s", url).isEqualTo(language);
		return audit(page, language + " " + width + " " + url.replaceFirst("^http://[^/]+", ""));
	}

	/** Runs axe on the page as it is: its serious and critical violations. */
	private static List<String> audit(Page page, String where) {
		// legacy mode: axe runs in the page itself (no frames to visit), without the
		// blank
		// page the newer mode opens for each run, three times slower
		AxeResults results = new AxeBuilder(page).options(OPTIONS).setLegacyMode(true).analyze();
		assertThat(results.isErrored()).as("axe failed on %s: %s", where, results.getErrorMessage()).isFalse();
		List<String> blocking = new ArrayList<>();
		for (Object reference : (List<?>) page.evaluate(DANGLING)) {
			blocking.add(where + ": " + reference + " names no element of the page");
		}
		for (Rule rule : results.getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				String line = "%s: %s (%s) on %s %s".formatted(where, rule.getId(), rule.getImpact(), node.getTarget(),
						abbreviated(node.getHtml()));
				System.out.println("axe " + line);
				if (BLOCKING.contains(rule.getImpact())) {
					blocking.add(line);
				}
			}
		}
		return blocking;
	}

	private static String abbreviated(String html) {
		return (html.length() > 160) ? html.substring(0, 160) + "…" : html;
	}

}
