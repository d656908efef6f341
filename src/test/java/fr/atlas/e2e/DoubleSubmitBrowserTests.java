package fr.atlas.e2e;

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
 * A double click on a form's button in Debian's Chromium sends the form once: one case
 * created, not two (static/js/atlas.js).
 */
@WebIntegrationTest
class DoubleSubmitBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void aDoubleClickOnCreateMakesOneCase() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Double Clic");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases");
			// the page's script lets the first submission through and stops the second
			// (events dispatched by hand are not sent, so this checks the guard alone)
			Object prevented = page.evaluate("""
					() => {
					  const form = document.querySelector("form[action='/cases'][method=post]");
					  const first = new Event('submit', { cancelable: true, bubbles: true });
					  const second = new Event('submit', { cancelable: true, bubbles: true });
					  form.dispatchEvent(first);
					  form.dispatchEvent(second);
					  delete form.dataset.submitting;
					  return [first.defaultPrevented, second.defaultPrevented];
					}""");
			assertThat(prevented).isEqualTo(java.util.List.of(false, true));
			// the GET search form is never held
			Object search = page.evaluate("""
					() => {
					  const form = document.querySelector("form[action='/cases']:not([method=post])");
					  form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
					  const again = new Event('submit', { cancelable: true, bubbles: true });
					  form.dispatchEvent(again);
					  return again.defaultPrevented;
					}""");
			assertThat(search).isEqualTo(false);

			page.fill("form[action='/cases'][method=post] input[name=title]", "Appelé deux fois");
			page.dblclick("form[action='/cases'][method=post] button[type=submit]");
			page.waitForURL("**/cases/*-*");
			page.waitForLoadState();
		}
		Map<String, Object> found = api.get(tenant.token(), "/api/v1/cases?q=deux").getBody();
		assertThat(found).containsEntry("total", 1);
	}

}
