package fr.atlas.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import fr.atlas.prospects.ProspectsApi;
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
 * The pages a team opens on the road, at a phone's width: none scrolls sideways, and the
 * review queue's buttons are within reach (its table used to push the second agency, the
 * reasons and the buttons off the screen).
 */
@WebIntegrationTest
class PhoneLayoutBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Test
	void listsReadAsCardsWithoutScrollingSideways() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Mobile");
		new ProspectsApi(api).importAndWait(tenant.token(), "mobile.csv", """
				Raison sociale;Téléphone;E-mail;Code postal;Ville
				Agence du Lac;04 50 00 00 01;contact.direction.commerciale@agencedulacannecy.fr;74000;Annecy
				Agence du Lac Bleu;;;74000;Annecy
				""");
		api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Appartement de trois pièces avec balcon, Annecy-le-Vieux"));
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			for (String path : List.of("/", "/prospects", "/prospects/duplicates", "/prospects/imports", "/cases",
					"/cases/board", "/cases/reports", "/cases/working-hours", "/cases/types/LEAD_ACHAT/workflow",
					"/cases/teams", "/members", "/audit", "/account")) {
				page.navigate(base + path);
				assertThat(overflow(page)).as("%s scrolls sideways by", path).isLessThanOrEqualTo(0);
			}
			// the list's bulk changes wait behind their summary, a line before the first
			// agency; opened, they change the agencies ticked
			page.navigate(base + "/prospects");
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNull();
			assertThat(page.locator("#bulk-form input[name=addTag]").isVisible()).isFalse();
			assertThat(page.locator("#bulk-form").boundingBox().height).isLessThan(80);
			Chromium.screenshot(page, "prospects-phone");
			// ticking an agency opens them, and the agency stays where it was
			Locator first = page.locator("input[name=ids]").first();
			double before = first.boundingBox().y;
			first.check();
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNotNull();
			assertThat(first.boundingBox().y).isCloseTo(before, org.assertj.core.data.Offset.offset(2.0));
			assertThat(page.locator("#bulk-edit > summary").textContent()).contains("1 agence cochée");
			Chromium.screenshot(page, "prospects-phone-ticked");
			page.fill("#bulk-form input[name=addTag]", "Sur la route");
			page.click("#bulk-form button[type=submit]");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent()).contains("1 agence modifiée");
			// closed by atlas.js on htmx:load, a moment after the notice is in the page
			page.waitForFunction("!document.querySelector('#bulk-edit').hasAttribute('open')");
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNull();
			// a change it refuses leaves it open, what to correct in sight
			page.click("#bulk-edit > summary");
			page.fill("#bulk-form input[name=addTag]", "Sur la route");
			page.click("#bulk-form button[type=submit]");
			page.locator("#results .error").waitFor();
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNotNull();
			page.navigate(base + "/prospects/duplicates");
			Locator merge = page.getByText("Même agence : fusionner");
			assertThat(merge.count()).isEqualTo(1);
			merge.scrollIntoViewIfNeeded();
			BoundingBox box = merge.boundingBox();
			assertThat(box.x + box.width).isLessThanOrEqualTo(390);
			assertThat(page.locator("table.pairs td[data-label='Doublon possible']").textContent())
				.contains("Agence du Lac");
			// a long e-mail wraps, before its "@" or a dot, never inside a word
			Locator email = page.locator("table.pairs dl.side dd")
				.filter(new Locator.FilterOptions().setHasText("@agencedulacannecy"));
			assertThat(email.count()).isEqualTo(1);
			assertThat(lines(email, "")).as("lines of the e-mail").isGreaterThan(1);
			assertThat(lines(email, "direction")).as("lines of a piece").isEqualTo(1);
			assertThat(lines(email, "agencedulacannecy")).as("lines of a piece").isEqualTo(1);
			Chromium.screenshot(page, "duplicates-phone");
			// the agency's page: its possible duplicate and the provenance of its values
			page.getByText("Agence du Lac Bleu").first().click();
			page.waitForURL("**/prospects/*");
			assertThat(overflow(page)).as("the agency's page scrolls sideways by").isLessThanOrEqualTo(0);
			assertThat(page.locator("#duplicates td[data-label='Agence']").textContent()).contains("Agence du Lac");
			Chromium.screenshot(page, "agency-phone");
			page.navigate(base + "/cases");
			assertThat(page.locator("#case-list td[data-label='Titre']").first().isVisible()).isTrue();
			// the form to create a case is in the first screen, not below fifty cards;
			// the order is chosen in the filters, cards having no column headers
			BoundingBox newCase = page.locator("#new-case-title").boundingBox();
			assertThat(newCase.y + newCase.height).isLessThan(844);
			assertThat(newCase.x + newCase.width).isLessThanOrEqualTo(390);
			// (in the filters' panel, closed on a phone, opened by a tap)
			assertThat(page.locator("#case-filters select[name=sort]").isVisible()).isFalse();
			page.locator("#case-filter-panel > summary").click();
			assertThat(page.locator("#case-filters select[name=sort]").isVisible()).isTrue();
			assertThat(page.locator("#case-list .row-actions button.small").first().boundingBox().height)
				.isGreaterThanOrEqualTo(44);
			// the case page's task actions are targets a finger can hit
			page.locator("#case-list td a").first().click();
			page.waitForURL("**/cases/*");
			BoundingBox complete = page.locator("button.link[aria-label^='Terminer']").first().boundingBox();
			assertThat(complete.height).isGreaterThanOrEqualTo(44);
			assertThat(complete.width).isGreaterThanOrEqualTo(44);
			assertThat(overflow(page)).as("the case page scrolls sideways by").isLessThanOrEqualTo(0);
			Chromium.screenshot(page, "cases-phone");
			// the audit log's entries read as cards: what happened, to what, in sight
			// without scrolling the table sideways
			page.navigate(base + "/audit");
			for (String column : List.of("Action", "Objet", "Résumé", "Origine")) {
				Locator cell = page.locator("table.audit-table td[data-label='" + column + "']").first();
				BoundingBox cellBox = cell.boundingBox();
				assertThat(cellBox.x + cellBox.width).as("right edge of %s", column).isLessThanOrEqualTo(390);
			}
			Chromium.screenshot(page, "audit-phone");
		}
	}

	/**
	 * A member's role choice shows the longest role whole on a phone, in French and in
	 * English: beside its button, it was cropped to "Administrate…".
	 */
	@Test
	void roleChoiceShowsTheLongestRoleWhole() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence des Rôles");
		UUID admin = UUID.randomUUID();
		this.members.add(tenant, admin, "admin-" + admin + "@example.test", "Adèle Admin", "ADMIN");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			for (String language : List.of("fr", "en")) {
				page.navigate(base + "/members?lang=" + language);
				Locator select = page.locator("#role-" + admin);
				assertThat(select.locator("option:checked").textContent())
					.isEqualTo(language.equals("fr") ? "Administrateur" : "Administrator");
				// a select's scrollWidth never exceeds its clientWidth, cropped or not:
				// compare it with the width of a copy laid out alone, as wide as its
				// longest role
				int cropped = ((Number) select.evaluate("s => { const copy = s.cloneNode(true);"
						+ " copy.style.cssText = 'position: absolute; width: auto; min-width: max-content; flex: none';"
						+ " s.parentNode.appendChild(copy); const needed = copy.getBoundingClientRect().width;"
						+ " copy.remove(); return Math.ceil(needed - s.getBoundingClientRect().width); }"))
					.intValue();
				assertThat(cropped).as("pixels of the longest role cropped in %s", language).isLessThanOrEqualTo(0);
				BoundingBox button = page.locator("#member-" + admin + " .role-form button").boundingBox();
				assertThat(button.x + button.width).as("right edge of the button").isLessThanOrEqualTo(390);
				assertThat(overflow(page)).isLessThanOrEqualTo(0);
			}
			Chromium.screenshot(page, "members-phone");
		}
	}

	/**
	 * On how many lines an element's text is laid out, counting only its text nodes that
	 * contain a given text (all of them for "").
	 */
	@Test
	void anAgencysPhonesAreNeverCutInTwoLines() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence aux Trois Lignes");
		new ProspectsApi(api).importAndWait(tenant.token(), "lignes.csv", """
				Raison sociale;Téléphone;Portable;Code postal;Ville
				SARL Immobilière du Rhône;04 78 42 00 11 / 04 50 12 34 56;06 11 22 33 44;69002;Lyon
				""");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects");
			page.getByText("SARL Immobilière du Rhône").first().click();
			page.waitForURL("**/prospects/*");
			// each number's span, titled with its E.164 form
			Locator phones = page.locator("dd span[title^='+33']");
			assertThat(phones.count()).isEqualTo(3);
			for (int i = 0; i < 3; i++) {
				assertThat(lines(phones.nth(i), "")).as(phones.nth(i).textContent()).isEqualTo(1);
			}
			assertThat(overflow(page)).as("the agency's page scrolls sideways by").isLessThanOrEqualTo(0);
			Chromium.screenshot(page, "agency-phones-phone");
		}
	}

	/**
	 * A notification's text takes the phone's width: beside its kind and its "mark as
	 * read" button it was a column a third as wide, a word a line.
	 */
	@Test
	void aNotificationReadsAcrossThePhone() {
		BusyOrganisation org = BusyOrganisation.create(new ApiClient(this.port), this.members, "Agence des Alertes");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, org.tenant().email());
			page.navigate(base + "/notifications");
			Locator notification = page.locator("li.notification.unread").first();
			BoundingBox card = notification.boundingBox();
			BoundingBox text = notification.locator(".what").boundingBox();
			assertThat(text.width).as("width of the text in a card %s wide", card.width)
				.isGreaterThan(card.width * 0.8);
			BoundingBox button = notification.locator("button.mark-read").boundingBox();
			assertThat(button.x + button.width).isLessThanOrEqualTo(390);
			assertThat(overflow(page)).as("the notifications scroll sideways by").isLessThanOrEqualTo(0);
			Chromium.screenshot(page, "notifications-phone");
		}
	}

	private static int lines(Locator element, String containing) {
		return ((Number) element.evaluate("(e, text) => new Set([...e.childNodes].filter(n => n.nodeType === 3"
				+ " && n.textContent.includes(text)).flatMap(n => { const r = document.createRange();"
				+ " r.selectNodeContents(n); return [...r.getClientRects()].map(c => Math.round(c.top)); })).size",
				containing))
			.intValue();
	}

	/** How many CSS pixels the page is wider than the screen. */
	private static int overflow(Page page) {
		return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

}
