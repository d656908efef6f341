package fr.atlas.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * A merge that chooses its values, in Debian's Chromium (ADR 0063): the radios of the
 * review queue's comparison belong to the pair's form through their {@code form}
 * attribute, which only a browser honours; the agency page's confirmation comes through
 * htmx under its possible duplicates.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class MergeChoiceBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void keepsTheOtherAgencysNameTickedInTheQueuesComparison() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Choix");
		create(api, tenant, "Agence Bordelaise", "3 rue Sainte-Catherine", "05 56 00 00 01");
		create(api, tenant, "L'Agence Bordelaise SAS", "18 cours de l'Intendance", "05 56 00 00 02");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			page.onDialog((dialog) -> dialog.accept());
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects/duplicates");
			Locator first = page.locator("td.pair-side").nth(0);
			Locator second = page.locator("td.pair-side").nth(1);
			String firstName = first.locator("a").first().textContent();
			String secondName = second.locator("a").first().textContent();
			assertThat(List.of(firstName, secondName)).containsExactlyInAnyOrder("Agence Bordelaise",
					"L'Agence Bordelaise SAS");
			// nothing ticked: the merge's rule unless a value is chosen
			assertThat(page.locator("input[name='keep.name']:checked").count()).isZero();
			page.getByLabel("garder celle-ci, Raison sociale : « " + secondName + " »").check();
			Chromium.screenshot(page, "prospects-merge-choice-queue");

			page.click("text=Même agence : fusionner");
			page.locator("p.notice").waitFor();
			// the first agency survives, under the second's name
			assertThat(page.locator("p.notice").textContent()).contains(secondName);
			List<Map<String, Object>> left = (List<Map<String, Object>>) api.get(tenant.token(), "/api/v1/prospects")
				.getBody()
				.get("items");
			assertThat(left).singleElement().satisfies((agency) -> {
				assertThat(agency).containsEntry("name", secondName);
				assertThat((String) agency.get("address")).isEqualTo(
						firstName.equals("Agence Bordelaise") ? "3 rue Sainte-Catherine" : "18 cours de l'Intendance");
			});
		}
	}

	/**
	 * A value chosen in a pair's row is kept when the pair is merged with others by
	 * "Fusionner ces paires" (ADR 0129): the radio belongs to the row's own form, and the
	 * decisions' form merged the pair by the rule, the choice dropped without a word.
	 */
	@Test
	void keepsTheValueChosenInARowWhenThePairsAreMergedTogether() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Choix Groupé");
		create(api, tenant, "Agence Bordelaise", "3 rue Sainte-Catherine", "05 56 00 00 01");
		create(api, tenant, "L'Agence Bordelaise SAS", "18 cours de l'Intendance", "05 56 00 00 02");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			List<String> questions = new java.util.ArrayList<>();
			page.onDialog((dialog) -> {
				questions.add(dialog.message());
				dialog.accept();
			});
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects/duplicates");
			// nothing ticked: no question about nothing, the page says what to do
			page.click("#pair-decisions button[value=MERGE]");
			page.getByText("Cochez au moins une paire.").waitFor();
			assertThat(questions).isEmpty();
			page.navigate(base + "/prospects/duplicates");
			String secondName = page.locator("td.pair-side").nth(1).locator("a").first().textContent();
			page.getByLabel("garder celle-ci, Raison sociale : « " + secondName + " »").check();
			page.locator("input[name=pairs]").first().check();
			page.click("#pair-decisions button[value=MERGE]");
			page.locator("#pairs-decided").waitFor();
			// the question says what the button does: "Appliquer cette décision" said
			// neither
			assertThat(questions).containsExactly("Fusionner chacune des paires choisies\u202F? "
					+ "Chaque fusion s’annule ensuite depuis la page de l’agence conservée.");

			List<Map<String, Object>> left = (List<Map<String, Object>>) api.get(tenant.token(), "/api/v1/prospects")
				.getBody()
				.get("items");
			assertThat(left).singleElement()
				.satisfies((agency) -> assertThat(agency).containsEntry("name", secondName));
		}
	}

	@Test
	void confirmsAMergeHereThroughHtmxWithTheOtherAgencysAddress() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Fiche");
		String bordelaise = create(api, tenant, "Agence Bordelaise", "3 rue Sainte-Catherine", "05 56 00 00 01");
		create(api, tenant, "L'Agence Bordelaise SAS", "18 cours de l'Intendance", "05 56 00 00 02");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.phone("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/prospects/" + bordelaise);
			page.click("text=Fusionner ici");
			page.locator("#merge-choice-form").waitFor();
			// the confirmation, come below the button pressed, has the focus: the next
			// Tab is in it
			// (htmx moves it once the swap has settled)
			page.waitForFunction("document.activeElement && document.activeElement.id === 'merge-choice-title'", null,
					new Page.WaitForFunctionOptions().setTimeout(5000));
			assertThat(page.evaluate("document.activeElement.id")).isEqualTo("merge-choice-title");
			// the confirmation came into the page, not as a page of its own
			assertThat(page.url()).isEqualTo(base + "/prospects/" + bordelaise);
			assertThat(page.locator("#merge-choice input[name='keep.address']:checked").getAttribute("value"))
				.isEqualTo(bordelaise);
			page.getByLabel("garder celle-ci, Adresse : « 18 cours de l'Intendance, 33000 Bordeaux »").check();
			Chromium.screenshot(page, "prospects-merge-choice-phone");
			page.click("#confirm-merge");
			page.locator("p.notice").waitFor();

			Map<String, Object> kept = (Map<String, Object>) api.get(tenant.token(), "/api/v1/prospects/" + bordelaise)
				.getBody()
				.get("agency");
			assertThat(kept).containsEntry("name", "Agence Bordelaise")
				.containsEntry("address", "18 cours de l'Intendance");
			// a phone's page does not scroll sideways
			assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		}
	}

	private static String create(ApiClient api, Tenant tenant, String name, String address, String phone) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", name);
		fields.put("address", address);
		fields.put("postcode", "33000");
		fields.put("city", "Bordeaux");
		fields.put("phones", List.of(phone));
		fields.put("allowDuplicate", true);
		return (String) ((Map<String, Object>) api.post(tenant.token(), "/api/v1/prospects", fields)
			.getBody()
			.get("agency")).get("id");
	}

}
