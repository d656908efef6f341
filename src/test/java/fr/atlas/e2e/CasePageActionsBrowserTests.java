package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
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
 * What the case pages do in a browser (Debian's Chromium): a move that closes a case
 * without its success asks first, on the case page and in the list's rows; the
 * appointment's end follows its start; the list's filters stay out of the way on a phone,
 * and a reference reads on one line on a wide screen.
 */
@WebIntegrationTest
class CasePageActionsBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	String open(ApiClient api, Tenant tenant, String type, String title) {
		return (String) api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", type, "title", title))
			.getBody()
			.get("id");
	}

	@Test
	void losingACaseAsksFirstOnItsPageAndInTheList() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Perdre en connaissance");
		String lead = open(api, tenant, "LEAD_ACHAT", "Acheteur parti ailleurs");
		String rental = open(api, tenant, "LOCATION", "Candidat qui se désiste");
		String base = "http://localhost:" + this.port;
		Page page = chromium.newPage("fr-FR", 1280, 900);
		try {
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/" + lead);
			page.fill("form.transition input[name=lossReason]", "A acheté ailleurs");
			List<String> asked = new ArrayList<>();
			page.onceDialog((dialog) -> {
				asked.add(dialog.message());
				dialog.dismiss();
			});
			page.locator("button[data-transition=lose]").click();
			assertThat(asked).singleElement()
				.asString()
				.startsWith("Clore le dossier LEAD-")
				.contains("en «\u00a0Perdu\u00a0»");
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + lead).getBody()).containsEntry("state", "NEW");
			page.onceDialog((dialog) -> dialog.accept());
			page.locator("button[data-transition=lose]").click();
			page.locator("#case-state").getByText("Perdu").waitFor();
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + lead).getBody()).containsEntry("state", "LOST");

			// a row's withdrawal, one click without inputs, asks too (htmx's confirm)
			page.navigate(base + "/cases?type=LOCATION");
			page.onceDialog((dialog) -> {
				asked.add(dialog.message());
				dialog.dismiss();
			});
			page.locator("#case-row-" + rental + " button[data-transition=withdraw]").click();
			assertThat(asked).hasSize(2).last().asString().contains("en «\u00a0Désisté\u00a0»");
			page.waitForTimeout(300);
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + rental).getBody()).containsEntry("state", "NEW");
			page.onceDialog((dialog) -> dialog.accept());
			page.locator("#case-row-" + rental + " button[data-transition=withdraw]").click();
			page.locator("#case-row-" + rental + " .row-message.ok").waitFor();
			assertThat(api.get(tenant.token(), "/api/v1/cases/" + rental).getBody()).containsEntry("state", "DESISTE");
		}
		finally {
			page.context().close();
		}
	}

	@Test
	void anAppointmentsEndFollowsItsStartAnHourLaterUntilTyped() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Fin qui suit");
		String lead = open(api, tenant, "LEAD_ACHAT", "Visite à caler");
		String base = "http://localhost:" + this.port;
		Page page = chromium.newPage("fr-FR", 1280, 900);
		try {
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/" + lead);
			page.fill("#appointment-starts", "2030-03-12T14:00");
			assertThat(page.inputValue("#appointment-ends")).isEqualTo("2030-03-12T15:00");
			// past midnight, on the next day
			page.fill("#appointment-starts", "2030-03-12T23:30");
			assertThat(page.inputValue("#appointment-ends")).isEqualTo("2030-03-13T00:30");
			// an end typed by the member is theirs
			page.fill("#appointment-ends", "2030-03-13T01:30");
			page.fill("#appointment-starts", "2030-03-12T23:00");
			assertThat(page.inputValue("#appointment-ends")).isEqualTo("2030-03-13T01:30");
			page.locator("#appointment-ends").locator("xpath=ancestor::form").locator("button[type=submit]").click();
			page.getByText("12/03/2030 23:00–13/03/2030 01:30").waitFor();
			assertThat(api.getList(tenant.token(), "/api/v1/cases/" + lead + "/appointments").getBody().toString())
				.contains("endsAt=2030-03-13T00:30:00Z");
		}
		finally {
			page.context().close();
		}
	}

	/**
	 * A count and its rate ("1 · 100 %") read on one line in the dashboard's tables,
	 * where "100 %" went to a line of its own beside a stage's bar.
	 */
	@Test
	void theDashboardsCountsAndRatesReadOnOneLine() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Chiffres lisibles");
		open(api, tenant, "LEAD_ACHAT", "Premier lead");
		String base = "http://localhost:" + this.port;
		Page phone = chromium.newPage("fr-FR", 390, 844);
		try {
			SignIn.as(phone, base, tenant.email());
			phone.navigate(base + "/cases/reports");
			var figure = phone.locator("table.funnel td.figures").first();
			assertThat(figure.textContent()).isEqualTo("1 · 100\u00a0%");
			var label = phone.locator("table.funnel th").first().boundingBox();
			assertThat(figure.boundingBox().height).isLessThanOrEqualTo(label.height);
			// "47 · 100 %" went to two lines in a narrow column: the cell does not wrap
			assertThat(figure.evaluate("(cell) => getComputedStyle(cell).whiteSpace")).isEqualTo("nowrap");
			assertThat(phone.locator("td.figures").last().evaluate("(cell) => getComputedStyle(cell).whiteSpace"))
				.isEqualTo("nowrap");
		}
		finally {
			phone.context().close();
		}
	}

	@Test
	void theListsFiltersAreClosedOnAPhoneAndAReferenceReadsOnOneLine() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Liste au téléphone");
		String lead = open(api, tenant, "PROSPECTION", "Agence Immobilière du Vieux-Port et des Calanques (Marseille)");
		String base = "http://localhost:" + this.port;
		Page phone = chromium.newPage("fr-FR", 390, 844);
		try {
			SignIn.as(phone, base, tenant.email());
			phone.navigate(base + "/cases?type=PROSPECTION&open=true");
			assertThat(phone.locator("#case-filter-panel").getAttribute("open")).isNull();
			assertThat(phone.locator("#case-filter-panel > summary").textContent()).contains("Filtres et tri",
					"2 filtres actifs");
			assertThat(phone.locator("select[name=type]").isVisible()).isFalse();
			assertThat(phone.locator("input[name=q]").isVisible()).isTrue();
			// a line, where the filters were ten fields and the first case two screens
			// down
			assertThat(phone.locator("#case-filter-panel").boundingBox().height).isLessThan(60);
			assertThat(phone.locator("#case-row-" + lead).boundingBox().y).isLessThan(950);
			phone.locator("#case-filter-panel > summary").click();
			assertThat(phone.locator("select[name=type]").isVisible()).isTrue();
		}
		finally {
			phone.context().close();
		}
		Page desktop = chromium.newPage("fr-FR", 1280, 900);
		try {
			SignIn.as(desktop, base, tenant.email());
			desktop.navigate(base + "/cases");
			assertThat(desktop.locator("#case-filter-panel > summary").isVisible()).isFalse();
			assertThat(desktop.locator("select[name=type]").isVisible()).isTrue();
			var reference = desktop.locator("#case-row-" + lead + " td.reference a").boundingBox();
			var title = desktop.locator("#case-row-" + lead + " td").nth(1).boundingBox();
			// one line of text, where the title beside it takes two or more
			assertThat(reference.height).isLessThan(title.height / 1.5);
		}
		finally {
			desktop.context().close();
		}
	}

}
