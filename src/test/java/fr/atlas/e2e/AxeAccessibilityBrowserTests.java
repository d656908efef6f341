package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.ImportWizard;
import fr.atlas.support.SignIn;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages pass axe-core's WCAG 2 A and AA rules (2.0, 2.1 and 2.2) and its best
 * practices, in French and the lists and signed-out pages in English, at a desktop's
 * width and a phone's, the phone's menu open and five forms sent back with errors too: no
 * violation of impact serious or critical, and no ARIA attribute naming an element the
 * page does not have (ADR 0069). The signed-in pages show an organisation with several
 * rows of each list, so their rows' actions are audited (ADR 0071); the signed-out ones
 * include those an invitation and a new password's mail link to. Every violation found is
 * printed. One browser and one signed-in context for them all.
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

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	@Autowired
	ProspectsApi prospects;

	@Test
	void signedInPagesHaveNoSeriousViolation() {
		// several rows of each list, so that a page shows its rows' actions
		BusyOrganisation org = BusyOrganisation.create(this.api, this.members, "Agence Axe");
		Tenant tenant = org.tenant();
		String importId = org.importId();
		String lake = org.lake();
		String caseId = org.caseId();
		// an agency with a problem of its import
		String agencyId = this.prospects.idOf(tenant.token(), "Bleu");
		String base = "http://localhost:" + this.port;
		List<String> found = new ArrayList<>();
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			// a file waiting at the wizard's mapping step
			ImportWizard.uploadToMapping(page, base, "suite.csv", CSV);
			String mapping = page.url().substring(base.length());
			// the review queue has its pairs (the agencies of the lake) to decide on,
			// with values to choose between
			page.navigate(base + "/prospects/duplicates");
			assertThat(page.locator("table.pairs tbody tr").count()).isGreaterThan(1);
			assertThat(page.locator("table.pairs input[type=radio]").count()).isPositive();
			page.navigate(base + "/prospects/" + lake);
			String contact = page.locator("#contacts a[href$='/edit']").first().getAttribute("href");
			String other = this.prospects.idOf(tenant.token(), "Vert");
			List<String> pages = List.of("/", "/prospects", "/prospects/" + agencyId, "/prospects/" + lake,
					"/prospects/" + lake + "/edit", "/prospects/" + lake + "/contacts/new",
					"/prospects/" + lake + "/contacts", "/prospects/" + lake + "/sources", contact,
					"/prospects/" + lake + "/merge?otherId=" + other, "/prospects/imports",
					"/prospects/imports/" + importId, mapping, "/prospects/duplicates", "/cases", "/cases/board",
					"/cases/" + caseId, "/cases/reports", "/members", "/account", "/account/tokens", "/audit",
					"/settings/modules", "/prospects/new", "/cases/teams", "/cases/working-hours",
					"/cases/types/LEAD_ACHAT/workflow", "/notifications", "/outbox");
			List<String> lists = List.of("/prospects", "/prospects/" + lake, "/prospects/imports",
					"/prospects/duplicates", "/cases", "/cases/" + caseId, "/cases/teams", "/members",
					"/account/tokens", "/audit", "/notifications");
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
			page.navigate(base + "/prospects/" + lake + "/edit");
			page.fill("#agency-edit textarea[name=emails]", "pas-un-email");
			page.click("#agency-edit button[type=submit].primary");
			page.locator("#agency-edit .error:not(:empty)").first().waitFor();
			found.addAll(audit(page, "fr 1280 the agency's form with an e-mail refused"));
			page.navigate(base + "/prospects/" + lake + "/contacts/new");
			page.fill("#contact-form input[name=lastName]", "Morel");
			page.fill("#contact-form textarea[name=phones]", "06 12");
			page.click("#contact-form button[type=submit]");
			page.locator("#not-saved").waitFor();
			found.addAll(audit(page, "fr 1280 a contact's form with a phone refused"));
			page.navigate(base + "/cases/teams");
			page.fill("#team-create input[name=name]", "Transaction Annecy");
			page.click("#team-create button[type=submit]");
			page.locator("#teams-error").waitFor();
			found.addAll(audit(page, "fr 1280 /cases/teams with a team's name taken"));
		}
		assertThat(found).as("axe violations of impact serious or critical, ARIA naming no element").isEmpty();
	}

	@Test
	void signedOutPagesHaveNoSeriousViolation() {
		Tenant tenant = this.api.newOrganisation("Agence Invitante");
		String invited = "invitee-" + UUID.randomUUID() + "@example.test";
		this.api.post(tenant.token(), "/api/v1/members/invitations", Map.of("email", invited, "role", "AGENT"));
		String base = "http://localhost:" + this.port;
		List<String> found = new ArrayList<>();
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			// the pages the mails link to: an invitation, a new password
			String invitation = mailedLink(page, base, invited, "/invitations/accept");
			page.navigate(base + "/password/forgot");
			page.fill("#email", tenant.email());
			page.click("form button[type=submit]");
			String reset = mailedLink(page, base, tenant.email(), "/password/reset");
			for (int width : List.of(1280, 390)) {
				page.setViewportSize(width, width > 600 ? 900 : 844);
				for (String language : List.of("fr", "en")) {
					for (String path : List.of("/login", "/login?error", "/signup", "/password/forgot", invitation,
							reset)) {
						String choice = (path.contains("?") ? "&" : "?") + "lang=" + language;
						found.addAll(audit(page, base + path + choice, language, width));
					}
				}
			}
		}
		assertThat(found).as("axe violations of impact serious or critical, ARIA naming no element").isEmpty();
	}

	/**
	 * The address (path and query) of the link to {@code path} in the last mail the
	 * outbox shows to {@code recipient}, once it is there.
	 */
	private static String mailedLink(Page page, String base, String recipient, String path) {
		Locator link = page.locator("li.mail", new Page.LocatorOptions().setHasText(recipient))
			.locator("a[href*='" + path + "']")
			.first();
		for (int attempt = 0; attempt < 50 && link.count() == 0; attempt++) {
			page.navigate(base + "/outbox");
			if (link.count() == 0) {
				page.waitForTimeout(200);
			}
		}
		String href = link.getAttribute("href");
		return href.substring(href.indexOf(path));
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
		// blank page the newer mode opens for each run, three times slower
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
