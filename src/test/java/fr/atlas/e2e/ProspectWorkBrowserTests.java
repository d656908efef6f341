package fr.atlas.e2e;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import fr.atlas.prospects.ProspectsApi;
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
 * A salesperson's day on the prospect pages in Debian's Chromium: ticks agencies of the
 * list and hands them out with a tag (the boxes belong to the form above the table
 * through their {@code form} attribute, which only a browser honours), then adds a
 * contact on an agency's page.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectWorkBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	/**
	 * The filters used less often wait under "Plus de filtres": opened, one of them
	 * narrows the list at once (htmx), and the address keeps it.
	 */
	@Test
	void narrowsTheListByAFilterUnderMoreFilters() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Filtres");
		new ProspectsApi(api).importAndWait(tenant.token(), "f.csv", """
				Raison sociale;Téléphone;Effectif;Chiffre d'affaires
				Agence Alpha;04 50 00 00 01;2 salariés;150 k€
				Agence Bravo;04 50 00 00 02;20 à 49 salariés;2,5 M€
				Agence Charlie;04 50 00 00 03;12;900 000
				""");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects?sort=name");
			assertThat(page.locator("select[name=headcount]").isVisible()).isFalse();
			page.click("#more-filters summary");
			page.selectOption("select[name=headcount]", "10-19");
			page.waitForURL("**headcount=10-19**");
			page.waitForCondition(() -> !page.locator("#results tbody").textContent().contains("Agence Alpha"));
			assertThat(page.locator("#results tbody").textContent()).contains("Agence Charlie")
				.doesNotContain("Agence Bravo");
			page.fill("#prospect-search input[name=minRevenue]", "1 M€");
			page.locator("#prospect-search input[name=minRevenue]").dispatchEvent("change");
			page.waitForCondition(() -> page.locator("#results").textContent().contains("Aucune agence"));
			Chromium.screenshot(page, "prospects-more-filters");
			// the address keeps the filters: opened again, "more filters" is open with
			// them
			page.navigate(base + "/prospects?headcount=20-49");
			assertThat(page.locator("select[name=headcount]").isVisible()).isTrue();
			assertThat(page.locator("#results tbody").textContent()).contains("Agence Bravo")
				.doesNotContain("Agence Charlie");
		}
	}

	/**
	 * A search typed in the form (htmx swaps the list) pages from its first page to its
	 * last and back with its order and page size.
	 */
	@Test
	void pagesASearchTypedInTheFormToItsLastPageAndBack() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Pages");
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail\n");
		for (int i = 1; i <= 30; i++) {
			csv.append("Agence %02d;contact@agence-%d.fr\n".formatted(i, i));
		}
		csv.append("Cabinet Seul;contact@cabinet-seul.fr\n");
		new ProspectsApi(api).importAndWait(tenant.token(), "pages.csv", csv.toString());
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects?sort=-name&size=10");
			assertThat(page.locator("nav.pager .current").textContent()).isEqualTo("Page 1 sur 4");
			page.fill("#prospect-search input[name=q]", "Agence");
			page.waitForURL("**q=Agence**");
			page.waitForCondition(() -> page.locator("nav.pager .current").textContent().equals("Page 1 sur 3"));
			assertThat(page.locator("#results tbody tr").first().textContent()).contains("Agence 30");
			page.click("nav.pager a.last");
			page.waitForURL("**page=2**");
			assertThat(page.url()).contains("q=Agence", "sort=-name", "size=10");
			assertThat(page.locator("nav.pager .current").textContent()).isEqualTo("Page 3 sur 3");
			assertThat(page.locator("#results tbody tr").last().textContent()).contains("Agence 01");
			assertThat(page.locator("nav.pager a.next").count()).isZero();
			Chromium.screenshot(page, "prospects-last-page");
			page.click("nav.pager a.first");
			page.waitForCondition(() -> page.locator("nav.pager .current").textContent().equals("Page 1 sur 3"));
			assertThat(page.url()).contains("q=Agence", "sort=-name", "size=10").doesNotContain("page=");
			assertThat(page.locator("#results tbody tr").first().textContent()).contains("Agence 30");
		}
	}

	@Test
	void handsOutTickedAgenciesAndAddsAContact() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Prospection");
		new ProspectsApi(api).importAndWait(tenant.token(), "l.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence Alpha;04 50 00 00 01;74000;Annecy
				Agence Bravo;04 50 00 00 02;74000;Annecy
				Agence Charlie;04 50 00 00 03;74000;Annecy
				""");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects?sort=name");
			// the bulk changes wait behind their summary, on a wide screen too, until an
			// agency is ticked; the summary counts those ticked
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNull();
			assertThat(page.locator("#bulk-form input[name=addTag]").isVisible()).isFalse();
			assertThat(page.locator("#bulk-form").boundingBox().height).isLessThan(60);
			Chromium.screenshot(page, "prospects-bulk-closed");
			page.locator("input[name=ids]").nth(0).check();
			assertThat(page.locator("#bulk-edit").getAttribute("open")).isNotNull();
			page.locator("input[name=ids]").nth(2).check();
			assertThat(page.locator("#bulk-edit > summary").textContent())
				.isEqualTo("Modifier plusieurs agences2 agences cochées");
			page.fill("#bulk-form input[name=addTag]", "Relance");
			page.selectOption("#bulk-form select[name=newOwner]", tenant.userId().toString());
			page.click("#bulk-form button[type=submit]");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent()).contains("2 agences modifiées (2 choisies).");
			Chromium.screenshot(page, "prospects-bulk");
			List<Map<String, Object>> tagged = (List<Map<String, Object>>) api
				.get(tenant.token(), "/api/v1/prospects?tag=relance&owner=me&sort=name")
				.getBody()
				.get("items");
			assertThat(tagged).extracting((a) -> a.get("name")).containsExactly("Agence Alpha", "Agence Charlie");

			page.click("text=Agence Bravo");
			page.click("text=Ajouter un contact");
			page.fill("input[name=firstName]", "Léa");
			page.fill("input[name=lastName]", "Garnier");
			page.fill("textarea[name=emails]", "LEA@BRAVO.FR");
			page.click("#contact-form button[type=submit]");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("#contacts").textContent()).contains("Léa Garnier", "lea@bravo.fr");
			Chromium.screenshot(page, "prospect-contact-added");
		}
	}

	/**
	 * The "add it all the same" button sits above the form it sends (its {@code form}
	 * attribute, which only a browser honours), with its name and value.
	 */
	@Test
	void addsAnAgencyTheBaseSeemsToHaveThenOpensItsProspectionCase() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Saisie");
		new ProspectsApi(api).importAndWait(tenant.token(), "s.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence Alpha;04 50 00 00 01;74000;Annecy
				""");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects");
			page.click("#new-agency");
			page.fill("input[name=name]", "AGENCE ALPHA");
			page.fill("textarea[name=phones]", "+33 4 50 00 00 01");
			page.fill("input[name=postcode]", "74000");
			page.click("#agency-edit button[type=submit]");
			page.locator("#existing-agency").waitFor();
			assertThat(page.locator("#existing-agency").textContent())
				.contains("«\u00A0Agence Alpha\u00A0» est déjà dans votre base", "même téléphone");
			Chromium.screenshot(page, "prospects-new-agency-known");

			page.click("button[name=allowDuplicate]");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent()).contains("Agence ajoutée. Elle ressemble");
			assertThat(page.locator("h1").textContent()).isEqualTo("Agence Alpha");
			assertThat(page.locator("#duplicates").textContent()).contains("Agence Alpha", "même téléphone");

			page.click("text=Ouvrir un dossier de prospection");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent())
				.contains("Dossier de prospection ouvert pour «\u00A0Agence Alpha\u00A0»");
			assertThat(page.locator("#parties a").textContent()).isEqualTo("Agence Alpha");
			Chromium.screenshot(page, "cases-opened-from-agency");
		}
	}

	@Test
	void reviewsThePairsOfAnImportFromItsReportAndMergesOne() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Revue");
		String job = (String) new ProspectsApi(api).importAndWait(tenant.token(), "girard.csv", """
				Raison sociale;Téléphone;Adresse;Code postal;Ville
				Cabinet Girard;04 77 22 45 47;9 rue Garibaldi;69007;Lyon
				Cabinet Girardin;04 78 42 15 60;9, RUE GARIBALDI;69007;Lyon
				""").get("id");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			page.onDialog((dialog) -> dialog.accept());
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects/imports/" + job);
			page.click("#import-duplicates");
			page.locator("#import-filter").waitFor();
			assertThat(page.locator("#import-filter").textContent()).contains("girard.csv");
			// the address agrees on both sides, the phones do not (nor the names, which
			// offer to keep either)
			assertThat(page.locator("dl.side dd.agreement-SAME").allTextContents())
				.containsExactly("9 rue Garibaldi, 69007 Lyon", "9, RUE GARIBALDI, 69007 Lyon");
			assertThat(page.locator("dl.side dd.agreement-DIFFERENT:not(:has(input))").allTextContents())
				.containsExactlyInAnyOrder("04 77 22 45 47", "04 78 42 15 60");
			Chromium.screenshot(page, "prospects-review-import");

			page.click("text=Même agence\u00A0: fusionner");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent()).contains("ne font plus qu’une");
			assertThat(page.content()).contains("Aucun doublon possible");
			assertThat(page.url()).endsWith("/prospects/duplicates?importId=" + job);
			assertThat((List<?>) api.get(tenant.token(), "/api/v1/prospects").getBody().get("items")).hasSize(1);
		}
	}

}
