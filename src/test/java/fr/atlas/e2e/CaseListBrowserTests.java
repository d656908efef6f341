package fr.atlas.e2e;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves cases from the rows of the filtered list in Debian's Chromium (htmx swaps the
 * row), and takes screenshots of the list, the workflow editor with its assignment rules
 * and YAML buttons, and the board.
 */
@WebIntegrationTest
class CaseListBrowserTests {

	static Chromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

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
			page.navigate(base + "/login");
			page.fill("input[name=email]", tenant.email());
			page.fill("input[name=password]", ApiClient.PASSWORD);
			page.click("button[type=submit]");
			page.waitForURL(base + "/");
			page.navigate(base + "/cases?type=LEAD_ACHAT");

			Locator refusedRow = page.locator("#case-row-" + incomplete);
			refusedRow.locator("button[data-transition=qualify]").click();
			page.locator("#case-row-" + incomplete + " .row-message").waitFor();
			assertThat(page.locator("#case-row-" + incomplete + " .row-message").textContent())
				.contains("budget, financing");

			page.locator("#case-row-" + ready + " button[data-transition=qualify]").click();
			page.locator("#case-row-" + ready + " .row-message.ok").waitFor();
			assertThat(page.locator("#case-row-" + ready + " .badge.state").textContent()).isEqualTo("Qualifié");

			// A transition with a required input asks for it in the row.
			page.locator("#case-row-" + incomplete + " summary[data-transition=lose]").click();
			page.fill("#case-row-" + incomplete + " input[name=lossReason]", "Injoignable");
			Chromium.screenshot(page, "cases-list-transitions");
			page.locator("#case-row-" + incomplete + " details button[type=submit]").click();
			page.locator("#case-row-" + incomplete + " .row-message.ok").waitFor();
			assertThat(page.locator("#case-row-" + incomplete + " .badge.state").textContent()).isEqualTo("Perdu");
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + incomplete).getBody()).containsEntry("state", "LOST");
			Chromium.screenshot(page, "cases-list-after");

			page.navigate(base + "/cases/types/LEAD_ACHAT/workflow");
			assertThat(page.locator("#assignment-rule-list").textContent()).contains("Hauts-de-Seine", "92");
			assertThat(page.locator("#export-yaml").textContent()).isEqualTo("Exporter en YAML");
			page.locator("#assignment-rules").scrollIntoViewIfNeeded();
			Chromium.screenshot(page, "cases-workflow-editor");

			page.navigate(base + "/cases/board?type=LEAD_ACHAT");
			Chromium.screenshot(page, "cases-board");
		}
		finally {
			page.context().close();
		}
	}

}
