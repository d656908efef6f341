package fr.atlas.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
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
import static org.assertj.core.api.Assertions.within;

/**
 * What a desktop (1280 px) and a phone (390 px) show whole and in balance: the prospect
 * list's e-mails on one line (they broke at their "@"), the cases dashboard's five
 * figures on one row (the fifth was alone under four) and a chart alone on its row across
 * it.
 */
@WebIntegrationTest
class BalancedLayoutBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void theListsEmailsReadOnOneLineTheLongestEndingInAnEllipsis() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Courriels");
		new ProspectsApi(api).importAndWait(tenant.token(), "courriels.csv",
				"""
						Raison sociale;SIRET;Téléphone;E-mail;Code postal;Ville;Nb annonces
						Agence Bellecour;732 829 320 00074;04 72 00 00 01;contact@agencebellecour70.fr;38000;Grenoble;135
						Agence du Lac;369 348 784 13374;04 50 00 00 01;contact.direction.commerciale.et.gestion@agencedulacannecy-immobilier.fr;74000;Annecy;17
						""");
		String base = "http://localhost:" + this.port;
		for (boolean phone : new boolean[] { false, true }) {
			try (BrowserContext context = phone ? chromium.phone("fr-FR") : chromium.desktop("fr-FR")) {
				Page page = context.newPage();
				SignIn.as(page, base, tenant.email());
				page.navigate(base + "/prospects");
				Locator usual = email(page, "contact@agencebellecour70.fr");
				assertThat(usual.textContent()).isEqualTo("contact@agencebellecour70.fr");
				assertThat(lines(usual)).as("lines of the e-mail, phone %s", phone).isEqualTo(1);
				assertThat(truncated(usual)).as("cut, phone %s", phone).isFalse();
				Locator longest = email(page,
						"contact.direction.commerciale.et.gestion@agencedulacannecy-immobilier.fr");
				assertThat(lines(longest)).as("lines of the long e-mail, phone %s", phone).isEqualTo(1);
				// cut with an ellipsis, whole in its title
				assertThat(truncated(longest)).as("long e-mail cut, phone %s", phone).isTrue();
				assertThat(overflow(page)).as("the list scrolls sideways by, phone %s", phone).isLessThanOrEqualTo(0);
				// the name first: an agency's usual name on one line
				Locator name = page.locator("table.agencies td.name a")
					.filter(new Locator.FilterOptions()
						.setHasText(java.util.regex.Pattern.compile("^Agence Bellecour$")));
				assertThat(lines(name)).as("lines of the name, phone %s", phone).isEqualTo(1);
			}
		}
	}

	@Test
	void theDashboardsFiguresShareTheirRowsAndALoneChartTakesItsRow() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Tableau de bord");
		// two types with cases opened in the period: two funnels and the agents' chart
		api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "T3 Croix-Rousse"));
		api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "PROSPECTION", "title", "Agence Dupont"));
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/reports");
			page.waitForLoadState(LoadState.NETWORKIDLE);
			List<BoundingBox> figures = boxes(page.locator(".cards.stats > .card"));
			assertThat(figures).hasSize(5);
			assertThat(tops(figures)).as("rows of the five figures").hasSize(1);
			assertThat(page.locator("#report-charts > .chart").count()).isEqualTo(3);
			BoundingBox charts = page.locator("#report-charts").boundingBox();
			BoundingBox agents = page.locator("#report-charts > .chart").last().boundingBox();
			assertThat(agents.width).as("the agents' chart, alone on its row").isCloseTo(charts.width, within(1.0));
			BoundingBox funnel = page.locator("#report-charts > .chart").first().boundingBox();
			assertThat(funnel.width).isLessThan(charts.width / 2);
		}
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/reports");
			page.waitForLoadState(LoadState.NETWORKIDLE);
			List<BoundingBox> figures = boxes(page.locator(".cards.stats > .card"));
			// the north star across the top, the four others two by two under it
			BoundingBox row = page.locator(".cards.stats").boundingBox();
			assertThat(figures.get(0).width).isCloseTo(row.width, within(1.0));
			assertThat(tops(figures)).as("rows of the five figures").hasSize(3);
			assertThat(figures.get(1).y).isCloseTo(figures.get(2).y, within(1.0));
			assertThat(figures.get(3).y).isCloseTo(figures.get(4).y, within(1.0));
			assertThat(overflow(page)).isLessThanOrEqualTo(0);
		}
	}

	/**
	 * The prospect screens a team opens on the road: the wizard's steps each on one line,
	 * the preview's phones on one line, the report's buttons apart, an agency's e-mail
	 * cut after its "@" at most and its provenance closed behind its heading on a phone
	 * (open on a desktop).
	 */
	@Test
	void theProspectScreensReadWholeOnAPhone() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Sur la Route");
		String csv = """
				Raison sociale;Téléphone;E-mail;Code postal;Ville
				Agence Bellecour;04 72 00 00 01;contact@agencebellecour70.fr;69002;Lyon
				""";
		ProspectsApi prospects = new ProspectsApi(api);
		String job = (String) prospects.importAndWait(tenant.token(), "route.csv", csv).get("id");
		String id = prospects.idOf(tenant.token(), "Bellecour");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/" + id);
			assertThat(page.locator("details#sources").getAttribute("open")).isNotNull();
			page.navigate(base + "/prospects/imports");
			page.setInputFiles("input[type=file]", new FilePayload("route.csv", "text/csv",
					csv.replace("Bellecour", "Confluence").getBytes(StandardCharsets.UTF_8)));
			page.click("form[enctype='multipart/form-data'] button[type=submit]");
			page.waitForURL("**/mapping");
			Locator phone = page.locator("table.preview td.number").first();
			assertThat(phone.textContent()).contains("04 72 00 00 01");
			assertThat(lines(phone)).as("lines of the preview's phone").isEqualTo(1);
		}
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/" + id);
			assertThat(page.locator("details#sources").getAttribute("open")).isNull();
			assertThat(page.locator("details#sources > summary").textContent()).contains("Provenance des valeurs");
			page.locator("details#sources > summary").click();
			assertThat(page.locator("table.sources").isVisible()).isTrue();
			// an e-mail too long for its line breaks after its "@", not inside the domain
			Locator emails = page.locator("dl.facts dd")
				.filter(new Locator.FilterOptions().setHasText("@agencebellecour70"));
			assertThat(emails.textContent()).isEqualTo("contact@agencebellecour70.fr");
			assertThat(linesOf(emails, "agencebellecour70.fr")).isEqualTo(1);
			page.navigate(base + "/prospects/imports/" + job);
			for (Locator step : page.locator("ol.steps li").all()) {
				assertThat(lines(step)).as("lines of the step %s", step.textContent()).isEqualTo(1);
			}
			List<BoundingBox> buttons = boxes(page.locator("p.report-actions a.button"));
			assertThat(buttons).hasSizeGreaterThan(1);
			for (int i = 1; i < buttons.size(); i++) {
				BoundingBox above = buttons.get(i - 1);
				BoundingBox below = buttons.get(i);
				boolean apart = below.y >= above.y + above.height + 4 || below.x >= above.x + above.width + 4;
				assertThat(apart).as("button %s apart from the one before", i).isTrue();
			}
			assertThat(overflow(page)).isLessThanOrEqualTo(0);
		}
	}

	private static Locator email(Page page, String address) {
		Locator email = page.locator("table.agencies td.contact span.email[title='" + address + "']");
		assertThat(email.count()).as(address).isEqualTo(1);
		return email;
	}

	/** How many lines the element's text takes. */
	private static int lines(Locator element) {
		return ((Number) element.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e);"
				+ " return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }"))
			.intValue();
	}

	/** How many lines the text nodes of the element holding {@code text} take. */
	private static int linesOf(Locator element, String text) {
		return ((Number) element.evaluate("(e, text) => new Set([...e.childNodes].filter(n => n.nodeType === 3"
				+ " && n.textContent.includes(text)).flatMap(n => { const r = document.createRange();"
				+ " r.selectNodeContents(n); return [...r.getClientRects()].map(c => Math.round(c.top)); })).size",
				text))
			.intValue();
	}

	private static boolean truncated(Locator element) {
		return (Boolean) element.evaluate("e => e.scrollWidth > e.clientWidth");
	}

	/**
	 * The boxes of the elements as one snapshot: measured one by one, a page whose
	 * scripts still moved it between two measures put the five figures of one row on two.
	 */
	private static List<BoundingBox> boxes(Locator cards) {
		@SuppressWarnings("unchecked")
		List<Map<String, Number>> rects = (List<Map<String, Number>>) cards
			.evaluateAll("elements => elements.map(e => { const r = e.getBoundingClientRect();"
					+ " return { x: r.x, y: r.y, width: r.width, height: r.height }; })");
		return rects.stream().map((rect) -> {
			BoundingBox box = new BoundingBox();
			box.x = rect.get("x").doubleValue();
			box.y = rect.get("y").doubleValue();
			box.width = rect.get("width").doubleValue();
			box.height = rect.get("height").doubleValue();
			return box;
		}).toList();
	}

	private static TreeSet<Long> tops(List<BoundingBox> boxes) {
		TreeSet<Long> tops = new TreeSet<>();
		boxes.forEach((box) -> tops.add(Math.round(box.y)));
		return tops;
	}

	/** How many CSS pixels the page is wider than the screen. */
	private static int overflow(Page page) {
		return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
	}

}
