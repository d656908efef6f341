package fr.atlas.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.AtOnce;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's form that creates something, sent twice as a double click or Enter pressed
 * twice sends it (without the pages' script that stops the second): done once, the second
 * answered like the first.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class FormOnceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Test
	void aNoteOrATaskSentTwiceIsAddedOnce() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Double Clic");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Annecy"))
			.getBody()
			.get("id");
		PageSession pages = new PageSession(this.port).login(tenant.email());
		String page = pages.get("/cases/" + id).body();
		String csrf = PageSession.csrf(page);

		String noteOnce = once(page, "/cases/" + id + "/notes");
		Map<String, String> note = Map.of("text", "Rappeler mardi", "_once", noteOnce, "_csrf", csrf);
		HttpResponse<String> first = pages.post("/cases/" + id + "/notes", note, false);
		HttpResponse<String> second = pages.post("/cases/" + id + "/notes", note, false);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(PageSession.location(second)).isEqualTo(PageSession.location(first));
		assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(notes(tenant, id)).containsExactly("Rappeler mardi");

		// the same display of the form sent with other words is another note
		pages.post("/cases/" + id + "/notes", Map.of("text", "Finalement jeudi", "_once", noteOnce, "_csrf", csrf),
				false);
		assertThat(notes(tenant, id)).containsExactlyInAnyOrder("Rappeler mardi", "Finalement jeudi");

		// clicks at once: one task
		String taskOnce = once(page, "/cases/" + id + "/tasks");
		List<HttpResponse<String>> clicks = AtOnce.run(4, () -> pages.post("/cases/" + id + "/tasks",
				Map.of("title", "Envoyer le mandat", "_once", taskOnce, "_csrf", csrf), false));
		assertThat(clicks).extracting(HttpResponse::statusCode).containsOnly(302);
		assertThat((List<Map<String, Object>>) this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/tasks")
			.getBody()).extracting((t) -> t.get("title")).containsOnlyOnce("Envoyer le mandat");

		// a form without the field is left as it was
		pages.post("/cases/" + id + "/notes", Map.of("text", "Sans champ", "_csrf", csrf), false);
		pages.post("/cases/" + id + "/notes", Map.of("text", "Sans champ", "_csrf", csrf), false);
		assertThat(notes(tenant, id)).filteredOn("Sans champ"::equals).hasSize(2);
	}

	@Test
	void aNewCaseSentTwiceIsOpenedOnce() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Dossier Unique");
		PageSession pages = new PageSession(this.port).login(tenant.email());
		String list = pages.get("/cases").body();
		Map<String, String> form = Map.of("caseType", "LEAD_ACHAT", "title", "Appartement Bellecour", "_once",
				once(list, "/cases"), "_csrf", PageSession.csrf(list));
		HttpResponse<String> first = pages.post("/cases", form, false);
		HttpResponse<String> second = pages.post("/cases", form, false);
		assertThat(PageSession.location(second)).isEqualTo(PageSession.location(first)).startsWith("/cases/");
		assertThat((List<?>) this.api.get(tenant.token(), "/api/v1/cases").getBody().get("items")).hasSize(1);
	}

	/** The one-time field of the form posting to {@code action}. */
	private static String once(String html, String action) {
		int form = html.indexOf("action=\"" + action + "\" method=\"post\"");
		assertThat(form).as("a form posting to %s", action).isNotNegative();
		Matcher field = Pattern.compile("name=\"_once\"\\s+value=\"(\\w+)\"")
			.matcher(html.substring(form, html.indexOf("</form>", form)));
		assertThat(field.find()).as("a one-time field in the form of %s", action).isTrue();
		return field.group(1);
	}

	private List<String> notes(Tenant tenant, String id) {
		return ((List<Map<String, Object>>) this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/timeline")
			.getBody()).stream()
			.filter((e) -> "NOTE".equals(e.get("kind")))
			.map((e) -> (String) ((Map<String, Object>) e.get("payload")).get("text"))
			.toList();
	}

}
