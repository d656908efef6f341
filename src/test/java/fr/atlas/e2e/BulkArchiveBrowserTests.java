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
 * Archiving agencies from the list's "Modifier plusieurs agences", in Debian's Chromium
 * (ADR 0129): "Archiver" beside "les N agences de cette recherche" took them all out of
 * the list at one click; it asks first, with how many, and a question refused archives
 * none.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class BulkArchiveBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void archivingTheAgenciesOfASearchAsksHowManyFirst() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Archives");
		for (String name : List.of("Agence Alpha", "Agence Bravo", "Agence Charlie")) {
			api.post(tenant.token(), "/api/v1/prospects", Map.of("name", name, "postcode", "35000", "city", "Rennes"));
		}
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			List<String> questions = new ArrayList<>();
			boolean[] answer = { false };
			page.onDialog((dialog) -> {
				questions.add(dialog.message());
				if (answer[0]) {
					dialog.accept();
				}
				else {
					dialog.dismiss();
				}
			});
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects");
			page.click("#bulk-edit summary");
			page.check("input[name=scope][value=all]");
			page.check("input[name=archiving][value=archive]");

			page.click("#bulk-form button.primary");
			page.waitForTimeout(300);
			assertThat(questions).containsExactly("Archiver 3 agences\u202F? Elles quittent la liste\u202F; "
					+ "la liste des agences archivées permet de les restaurer.");
			assertThat(active(api, tenant)).isEqualTo(3);

			// one ticked, the question accepted
			answer[0] = true;
			page.check("input[name=scope][value=selected]");
			page.locator("input[name=ids]").first().check();
			page.click("#bulk-form button.primary");
			page.locator("p.notice").waitFor();
			assertThat(questions).last().asString().startsWith("Archiver 1 agence\u202F?");
			assertThat(active(api, tenant)).isEqualTo(2);
		}
	}

	private static int active(ApiClient api, Tenant tenant) {
		return ((List<Object>) api.get(tenant.token(), "/api/v1/prospects").getBody().get("items")).size();
	}

}
