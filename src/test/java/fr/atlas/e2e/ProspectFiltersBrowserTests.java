package fr.atlas.e2e;

import java.util.List;

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
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prospect list's filters in Debian's Chromium: on a phone they wait behind a line
 * that counts them, the search in sight, and the list's targets are within a thumb's
 * reach; a filter the list cannot read is marked on its field until corrected, though
 * htmx redraws only the results.
 */
@WebIntegrationTest
class ProspectFiltersBrowserTests {

	/** The colour of errors (atlas.css, --danger) as the browser computes it. */
	private static final String DANGER = "rgb(180, 35, 24)";

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void foldsTheFiltersOnAPhoneBehindALineThatCountsThem() {
		Tenant tenant = tenantWithAgencies("Agence Pouce", 30);
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects?department=74&minListings=5");
			Locator panel = page.locator("#filter-panel");
			// closed: the search and a line, then the first agency on the first screen
			assertThat(panel.getAttribute("open")).isNull();
			assertThat(page.locator("#prospect-search input[name=q]").isVisible()).isTrue();
			assertThat(page.locator("#prospect-search select[name=status]").isVisible()).isFalse();
			assertThat(page.locator("#filter-panel > summary").textContent()).contains("Filtres et tri",
					"2 filtres actifs");
			assertThat(page.locator("table.agencies tbody tr").first().boundingBox().y).isLessThan(844);
			assertThat(page.locator("#filter-panel > summary").boundingBox().height).isGreaterThanOrEqualTo(44);
			Chromium.screenshot(page, "prospects-filters-phone-closed");
			// one tap opens it; a filter changed there keeps it open and counts again
			page.click("#filter-panel > summary");
			assertThat(panel.getAttribute("open")).isNotNull();
			assertThat(page.locator("#prospect-search select[name=status]").isVisible()).isTrue();
			page.fill("#prospect-search input[name=city]", "Annecy");
			page.locator("#prospect-search input[name=city]").dispatchEvent("change");
			page.waitForURL("**city=Annecy**");
			page.waitForCondition(() -> page.locator("#active-filters").textContent().contains("3 filtres actifs"));
			assertThat(panel.getAttribute("open")).isNotNull();
			Chromium.screenshot(page, "prospects-filters-phone-open");

			// the paging links and the boxes to tick: 44 × 44 CSS px at least, the four
			// links on one line
			page.navigate(base + "/prospects?page=1&size=10");
			List<BoundingBox> links = page.locator(".pager a").all().stream().map(Locator::boundingBox).toList();
			assertThat(links).hasSize(4).allSatisfy((box) -> {
				assertThat(box.width).isGreaterThanOrEqualTo(44);
				assertThat(box.height).isGreaterThanOrEqualTo(44);
				assertThat(box.y).isEqualTo(links.get(0).y);
				assertThat(box.x + box.width).isLessThanOrEqualTo(390);
			});
			BoundingBox tick = page.locator("table.agencies label.tick").first().boundingBox();
			assertThat(tick.width).isGreaterThanOrEqualTo(44);
			assertThat(tick.height).isGreaterThanOrEqualTo(44);
			assertThat(page.locator("table.agencies td.name a").first().boundingBox().height)
				.isGreaterThanOrEqualTo(44);
			// a tap beside the box, within its target, ticks it
			page.mouse().click(tick.x + 4, tick.y + 4);
			assertThat(page.locator("table.agencies input[name=ids]").first().isChecked()).isTrue();
			Chromium.screenshot(page, "prospects-pager-phone");
		}
		// a wide screen is as before: the filters in line with the search, no summary
		try (BrowserContext context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects?department=74");
			assertThat(page.locator("#filter-panel > summary").isVisible()).isFalse();
			assertThat(page.locator("#prospect-search select[name=status]").isVisible()).isTrue();
			assertThat(page.locator("#prospect-search input[name=department]").boundingBox().y)
				.isEqualTo(page.locator("#prospect-search input[name=q]").boundingBox().y);
		}
	}

	@Test
	void marksEachFilterInErrorUntilItIsCorrected() {
		Tenant tenant = tenantWithAgencies("Agence Erreurs", 3);
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects");
			page.click("#filter-panel > summary");
			page.click("#more-filters summary");
			Locator revenue = page.locator("#prospect-search input[name=minRevenue]");
			Locator listings = page.locator("#prospect-search input[name=minListings]");
			revenue.fill("beaucoup");
			revenue.dispatchEvent("change");
			page.locator("#filter-error-minRevenue").waitFor();
			// the marks follow the swap (htmx:load), a moment after the message
			page.waitForCondition(() -> "true".equals(revenue.getAttribute("aria-invalid")));
			assertThat(revenue.getAttribute("aria-describedby")).isEqualTo("filter-error-minRevenue");
			assertThat(revenue.evaluate("e => getComputedStyle(e).borderTopColor")).isEqualTo(DANGER);
			assertThat(listings.getAttribute("aria-invalid")).isNull();
			listings.fill("x");
			listings.dispatchEvent("change");
			page.locator("#filter-error-minListings").waitFor();
			page.waitForCondition(() -> "true".equals(listings.getAttribute("aria-invalid")));
			assertThat(revenue.getAttribute("aria-invalid")).isEqualTo("true");
			Chromium.screenshot(page, "prospects-filter-errors-phone");
			// corrected, one field loses its mark, the other keeps it, then none is left
			revenue.fill("500 k€");
			revenue.dispatchEvent("change");
			page.locator("#filter-error-minRevenue")
				.waitFor(new Locator.WaitForOptions()
					.setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
			page.waitForCondition(() -> revenue.getAttribute("aria-invalid") == null);
			assertThat(revenue.getAttribute("aria-describedby")).isNull();
			assertThat(revenue.evaluate("e => getComputedStyle(e).borderTopColor")).isNotEqualTo(DANGER);
			assertThat(listings.getAttribute("aria-invalid")).isEqualTo("true");
			listings.fill("");
			listings.dispatchEvent("change");
			page.locator("#filter-errors")
				.waitFor(new Locator.WaitForOptions()
					.setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
			page.waitForCondition(() -> listings.getAttribute("aria-invalid") == null);
			// a page opened with a filter in error, on a phone: the panel open, the field
			// marked
			page.navigate(base + "/prospects?minListings=beaucoup");
			assertThat(page.locator("#filter-panel").getAttribute("open")).isNotNull();
			assertThat(listings.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(listings.isVisible()).isTrue();
		}
	}

	@Test
	void foldsTheReviewQueueDecisionsOnAPhone() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Paires");
		new ProspectsApi(api).importAndWait(tenant.token(), "paires.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Lac;04 50 00 00 01;74000;Annecy
				Agence du Lac Bleu;;74000;Annecy
				""");
		String base = "http://localhost:" + this.port;
		try (BrowserContext context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/duplicates");
			Locator card = page.locator("#pair-decisions-card");
			assertThat(card.getAttribute("open")).isNull();
			assertThat(page.locator("#pair-decisions button[value=MERGE]").isVisible()).isFalse();
			assertThat(page.locator("#pair-decisions").boundingBox().height).isLessThan(80);
			BoundingBox tick = page.locator("table.pairs label.tick").first().boundingBox();
			assertThat(tick.width).isGreaterThanOrEqualTo(44);
			assertThat(tick.height).isGreaterThanOrEqualTo(44);
			page.click("#pair-decisions-card > summary");
			assertThat(card.getAttribute("open")).isNotNull();
			assertThat(page.locator("#pair-decisions button[value=MERGE]").isVisible()).isTrue();
			// a decision it refuses (no pair ticked) leaves it open, what to correct in
			// sight
			page.onDialog((dialog) -> dialog.accept());
			page.click("#pair-decisions button[value=DISMISS]");
			page.waitForURL("**/prospects/duplicates");
			page.locator("p.error").waitFor();
			assertThat(page.locator("#pair-decisions-card").getAttribute("open")).isNotNull();
			Chromium.screenshot(page, "duplicates-decisions-phone");
		}
	}

	private Tenant tenantWithAgencies(String name, int agencies) {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation(name);
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail;Code postal;Ville;Nb annonces\n");
		for (int i = 1; i <= agencies; i++) {
			csv.append("Agence ")
				.append(i)
				.append(";contact@agence-")
				.append(i)
				.append(".fr;74000;Annecy;")
				.append(i * 3)
				.append('\n');
		}
		new ProspectsApi(api).importAndWait(tenant.token(), "agences.csv", csv.toString());
		return tenant;
	}

}
