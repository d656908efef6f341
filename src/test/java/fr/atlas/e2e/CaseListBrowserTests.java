package fr.atlas.e2e;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves cases from the rows of the filtered list in Debian's Chromium (htmx swaps the
 * row), and takes screenshots of the list, the workflow editor with its assignment rules
 * and YAML buttons, and the board.
 */
@WebIntegrationTest
class CaseListBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void movesACaseFromItsRowAndExplainsARefusal() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Liste Chromium");
		String incomplete = (String) api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Budget inconnu"))
			.getBody()
			.get("id");
		String ready = (String) api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Prêt à qualifier", "fields",
							Map.of("budget", 410000, "financing", "LOAN_AGREED", "postcode", "92100")))
			.getBody()
			.get("id");
		api.put(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/assignment-rules",
				Map.of("rules", java.util.List.of(Map.of("name", "Hauts-de-Seine", "postcodes", java.util.List.of("92"),
						"specialties", java.util.List.of("luxe"), "assignees", java.util.List.of(tenant.userId())))));
		String base = "http://localhost:" + this.port;
		Page page = chromium.newPage("fr-FR", 1280, 900);
		try {
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases?type=LEAD_ACHAT");

			// by keyboard: the row swapped keeps the focus, on the move refused, else
			// in the row (it fell to the page's top with the old row)
			Locator refusedRow = page.locator("#case-row-" + incomplete);
			refusedRow.locator("button[data-transition=qualify]").focus();
			page.keyboard().press("Enter");
			page.locator("#case-row-" + incomplete + " .row-message").waitFor();
			assertThat(page.locator("#case-row-" + incomplete + " .row-message").textContent())
				.contains("Budget (€), Financement");
			page.waitForTimeout(200);
			assertThat(page
				.evaluate("() => document.activeElement.closest('tr') && document.activeElement.closest('tr').id"
						+ " + ' ' + document.activeElement.dataset.transition"))
				.isEqualTo("case-row-" + incomplete + " qualify");

			page.locator("#case-row-" + ready + " button[data-transition=qualify]").focus();
			page.keyboard().press("Enter");
			page.locator("#case-row-" + ready + " .row-message.ok").waitFor();
			assertThat(page.locator("#case-row-" + ready + " .badge.state").textContent()).isEqualTo("Qualifié");
			page.waitForTimeout(200);
			assertThat(page
				.evaluate("() => document.activeElement.closest('tr') && document.activeElement.closest('tr').id"))
				.isEqualTo("case-row-" + ready);

			// A transition with a required input asks for it in the row.
			page.locator("#case-row-" + incomplete + " summary[data-transition=lose]").click();
			page.fill("#case-row-" + incomplete + " input[name=lossReason]", "Injoignable");
			Chromium.screenshot(page, "cases-list-transitions");
			// losing closes the case for good: the row asks first
			page.onceDialog((dialog) -> dialog.accept());
			page.locator("#case-row-" + incomplete + " details button[type=submit]").click();
			page.locator("#case-row-" + incomplete + " .row-message.ok").waitFor();
			assertThat(page.locator("#case-row-" + incomplete + " .badge.state").textContent()).isEqualTo("Perdu");
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + incomplete).getBody()).containsEntry("state", "LOST");
			Chromium.screenshot(page, "cases-list-after");

			page.navigate(base + "/cases/types/LEAD_ACHAT/workflow");
			assertThat(page.locator("#assignment-rule-list").textContent()).contains("Hauts-de-Seine", "92");
			assertThat(page.locator("#export-yaml").textContent()).isEqualTo("Exporter en YAML");
			page.locator("#assignment-rules")
				.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cases-assignment-rules.png")));
			page.locator("#workflow-import")
				.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cases-workflow-import.png")));

			// Over 500 cases: the board draws 500, counts all, and "voir plus" loads
			// more.
			CurrentTenant
				.runAs(OrgId.of(tenant.orgId()), () -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
						insert into case_file (org_id, id, case_type, workflow_version, state, reference, title,
						    state_entered_at, created_at, updated_at)
						select ?, gen_random_uuid(), 'LEAD_ACHAT', 1, case when g % 3 = 0 then 'VISIT' else 'NEW' end,
						       'BULK-' || g, 'Lead importé ' || g, now(), now() - g * interval '1 minute', now()
						from generate_series(1, 700) g""").param(tenant.orgId()).update()));
			page.navigate(base + "/cases/board?type=LEAD_ACHAT");
			assertThat(page.locator(".case-card").count()).isEqualTo(500);
			assertThat(page.locator("#board-cap").textContent()).contains("500 dossiers sur 702");
			Locator newColumn = page.locator(".column[data-state=NEW]");
			int before = newColumn.locator(".case-card").count();
			// The board is long: the viewport shows the notice and the top of the
			// columns.
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cases-board-capped.png")));
			newColumn.locator(".more button").click();
			page.waitForCondition(() -> newColumn.locator(".case-card").count() == before + 50);
			newColumn.locator(".more button").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cases-board-more.png")));
			assertThat(newColumn.locator(".count").textContent()).isEqualTo("467");
		}
		finally {
			page.context().close();
		}
	}

}
