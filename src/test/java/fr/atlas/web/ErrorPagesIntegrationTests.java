package fr.atlas.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser shown an error gets a page in the member's language, never Spring's English
 * fallback: a page of its own for 400, 403 and 404, the generic one for the others.
 */
@WebIntegrationTest
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ISpringTemplateEngine templates;

	@Test
	void saysWhatWentWrongInTheMembersLanguage() throws Exception {
		PageSession session = new PageSession(this.port).login(this.api.newOrganisation("Erreurs").email());

		HttpResponse<String> badPage = html(session, "/prospects/duplicates?page=deux", "fr");
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(badPage.body()).contains("<h1>Demande invalide</h1>").doesNotContain("Whitelabel");
		// each error page is a page of the application: one title, the icon
		assertThat(badPage.body()).containsOnlyOnce("<title").contains("<link rel=\"icon\"");
		// a member who chose English
		assertThat(session.get("/?lang=en").statusCode()).isEqualTo(200);
		assertThat(html(session, "/prospects/pas-un-identifiant", "fr").body()).contains("<h1>Invalid request</h1>");
		assertThat(session.get("/?lang=fr").statusCode()).isEqualTo(200);
		HttpResponse<String> missing = html(session, "/nulle-part", "fr");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Page introuvable</h1>").containsOnlyOnce("<title");
		// a method the address does not take (setting a pair aside is a POST): a form's
		// address, no failure to report to support
		HttpResponse<String> method = html(session,
				"/prospects/duplicates/0195e8a4-7b1e-7000-8000-000000000001/dismiss", "fr");
		assertThat(method.statusCode()).isEqualTo(405);
		assertThat(method.body()).contains("<h1>Adresse d’un formulaire</h1>")
			.doesNotContain("Whitelabel", "Une erreur est survenue", "correlation-id")
			.containsOnlyOnce("<title");
	}

	@Test
	void textHoldingANulCharacterIsTheSendersMistakeNotAFailure() throws Exception {
		PageSession session = new PageSession(this.port).login(this.api.newOrganisation("Caractères Nuls").email());
		for (String path : List.of("/cases?type=%00", "/cases?state=a%00b", "/prospects?city=%00", "/prospects?q=a%00b",
				"/audit?actor=%00")) {
			HttpResponse<String> search = html(session, path, "fr");
			assertThat(search.statusCode()).as(path).isEqualTo(400);
			assertThat(search.body()).as(path).contains("<h1>Demande invalide</h1>").doesNotContain("\u0000");
		}
		// the API's searches find nothing for such text, as they did
		var api = this.api.getText(this.api.newOrganisation("Filtres Nuls").token(), "/api/v1/prospects?city=%00");
		assertThat(api.getStatusCode().value()).isEqualTo(200);
		String tokens = session.get("/account/tokens").body();
		HttpResponse<String> token = session.send(HttpRequest.newBuilder(session.uri("/account/tokens"))
			.header("Accept", "text/html")
			.header("Referer", "http://localhost:" + this.port + "/account/tokens")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("name=CRM%00x&_csrf=" + PageSession.csrf(tokens))));
		assertThat(token.statusCode()).isEqualTo(400);
		assertThat(token.body()).contains("Le texte envoyé contient un caractère interdit (caractère nul).")
			.contains("<a id=\"back\" href=\"/account/tokens\"");
	}

	@Test
	void aFormValueNoPageSendsIsSaidWrongNotAFailure() throws Exception {
		ApiClient.Tenant org = this.api.newOrganisation("Versions Bizarres");
		PageSession session = new PageSession(this.port).login(org.email());
		var created = this.api.post(org.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Achat"));
		String path = "/cases/" + created.getBody().get("id");
		String page = session.get(path).body();
		HttpResponse<String> edit = session.send(HttpRequest.newBuilder(session.uri(path))
			.header("Accept", "text/html")
			.header("Referer", "http://localhost:" + this.port + path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("title=Achat&version=abc&_csrf=" + PageSession.csrf(page))));
		assertThat(edit.statusCode()).isEqualTo(400);
		assertThat(edit.body()).contains("<li>").contains("<a id=\"back\" href=\"" + path + "\"");

		// a NUL character in a note, which is also written into the timeline's JSON
		HttpResponse<String> note = session.send(HttpRequest.newBuilder(session.uri(path + "/notes"))
			.header("Accept", "text/html")
			.header("Referer", "http://localhost:" + this.port + path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("text=abc%00def&_csrf=" + PageSession.csrf(page))));
		assertThat(note.statusCode()).isEqualTo(400);
		assertThat(note.body()).contains("caractère nul");
		var apiNote = this.api.post(org.token(), "/api/v1" + path + "/notes", Map.of("text", "a\u0000b"));
		assertThat(apiNote.getStatusCode().value()).isEqualTo(400);
		assertThat(apiNote.getBody()).containsEntry("detail",
				"Le texte envoyé contient un caractère interdit (caractère nul).");
	}

	/**
	 * The page of a unique key met by two submissions at once, as the view resolver
	 * renders it.
	 */
	@Test
	void rendersThePageOfASubmissionMetAtOnceWithTheWayBack() {
		MockServletContext servlets = new MockServletContext();
		MockHttpServletRequest request = new MockHttpServletRequest(servlets, "POST", "/cases/teams");
		var exchange = JakartaServletWebApplication.buildApplication(servlets)
			.buildExchange(request, new MockHttpServletResponse());
		for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
			WebContext context = new WebContext(exchange, locale, Map.of("back", "/cases/teams"));
			String page = this.templates.process("error/409", context);
			assertThat(page).containsOnlyOnce("<title").contains("<a id=\"back\" href=\"/cases/teams\"");
			assertThat(page).contains((locale == Locale.FRENCH) ? "<h1>Enregistré en même temps</h1>"
					: "<h1>Saved at the same moment</h1>");
			assertThat(page).contains((locale == Locale.FRENCH) ? "Une autre demande vient d’enregistrer"
					: "Another request saved the same thing");
		}
	}

	/** The same page for a reference to a row another request deleted at that moment. */
	@Test
	void rendersThePageOfAReferenceDeletedMeanwhileWithTheWayBack() {
		MockServletContext servlets = new MockServletContext();
		MockHttpServletRequest request = new MockHttpServletRequest(servlets, "POST", "/cases/c1/tasks");
		var exchange = JakartaServletWebApplication.buildApplication(servlets)
			.buildExchange(request, new MockHttpServletResponse());
		for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
			WebContext context = new WebContext(exchange, locale,
					Map.of("back", "/cases/c1", "reason", "problem.reference-gone"));
			String page = this.templates.process("error/409", context);
			assertThat(page).containsOnlyOnce("<title")
				.contains((locale == Locale.FRENCH) ? "<title>Modifié entre-temps" : "<title>Changed in the meantime")
				.contains("<a id=\"back\" href=\"/cases/c1\"");
			assertThat(page).contains(
					(locale == Locale.FRENCH) ? "<h1>Modifié entre-temps</h1>" : "<h1>Changed in the meantime</h1>");
			assertThat(page).contains((locale == Locale.FRENCH) ? "vient d’être supprimé par une autre demande"
					: "was just deleted by another request");
		}
	}

	private static HttpResponse<String> html(PageSession session, String path, String language) throws Exception {
		return session.send(HttpRequest.newBuilder(session.uri(path))
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.GET());
	}

}
