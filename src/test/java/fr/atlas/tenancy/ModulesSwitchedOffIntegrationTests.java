package fr.atlas.tenancy;

import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module switched off is unavailable, not only missing from the menu: its API answers
 * 403 with a problem detail saying so, its pages show a page saying so, and the cases'
 * calendar feeds answer as unknown links do.
 */
@WebIntegrationTest
@SuppressWarnings({ "rawtypes", "unchecked" })
class ModulesSwitchedOffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Test
	void casesSwitchedOffAreRefusedThroughTheApiAndThePages() throws Exception {
		Tenant org = this.api.newOrganisation("Agence Sans Dossiers");
		Tenant other = this.api.newOrganisation("Agence Avec Dossiers");
		String caseId = newCase(org);
		UiSession session = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(session.get("/cases/" + caseId).statusCode()).isEqualTo(200);
		switchModule(org, "cases", false);

		var refused = this.api.post(org.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Achat T2", "assigneeId", org.userId().toString()));
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.getBody()).containsEntry("module", "cases")
			.containsEntry("title", "Module désactivé")
			.containsEntry("detail",
					"Le module «\u00A0Dossiers\u00A0» est désactivé pour votre organisation. Un administrateur peut l’activer dans la page Modules.");
		assertThat((String) refused.getBody().get("type")).endsWith("/problems/module-off");
		for (String path : new String[] { "/api/v1/cases/" + caseId, "/api/v1/case-types", "/api/v1/teams",
				"/api/v1/notifications", "/api/v1/cases/working-hours" }) {
			assertThat(this.api.get(org.token(), path).getStatusCode().value()).as(path).isEqualTo(403);
		}
		var english = this.api.raw().get().uri("/api/v1/cases/" + caseId).headers((h) -> {
			h.setBearerAuth(org.token());
			h.set("Accept-Language", "en");
		}).retrieve().toEntity(Map.class);
		assertThat(english.getBody()).containsEntry("title", "Module switched off")
			.containsEntry("detail",
					"The \"Cases\" module is switched off for your organisation. An administrator can switch it on in the Modules page.");

		// the pages: a page that says so, and for htmx a redirect to it
		for (String path : new String[] { "/cases", "/cases/" + caseId, "/cases/teams", "/cases/reports" }) {
			var page = session.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path)
				.contains("Le module «\u00A0Dossiers\u00A0» est désactivé pour votre organisation");
		}
		session.get("/members");
		var htmx = session.htmxPost("/cases/teams", Map.of("name", "Équipe Nord"));
		assertThat(htmx.statusCode()).isEqualTo(403);
		assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/modules/cases/switched-off");
		var shown = session.get("/modules/cases/switched-off");
		assertThat(shown.statusCode()).isEqualTo(403);
		assertThat(shown.body()).contains("Le module «\u00A0Dossiers\u00A0» est désactivé pour votre organisation")
			.contains("href=\"/\"");
		assertThat(session.get("/modules/teleportation/switched-off").statusCode()).isEqualTo(404);
		// the bell of a page opened before, refreshing itself, is left alone: no redirect
		var bell = new PageSession(this.port).login(org.email()).getFragment("/notifications/bell");
		assertThat(bell.statusCode()).isEqualTo(204);
		assertThat(bell.headers().firstValue("HX-Redirect")).isEmpty();

		// the rest of the application, and other organisations, are untouched
		assertThat(this.api.get(org.token(), "/api/v1/prospects").getStatusCode().value()).isEqualTo(200);
		assertThat(session.get("/prospects").statusCode()).isEqualTo(200);
		assertThat(session.get("/members").statusCode()).isEqualTo(200);
		assertThat(this.api.get(other.token(), "/api/v1/cases/" + newCase(other)).getStatusCode().value())
			.isEqualTo(200);

		switchModule(org, "cases", true);
		assertThat(this.api.get(org.token(), "/api/v1/cases/" + caseId).getStatusCode().value()).isEqualTo(200);
		assertThat(session.get("/cases/" + caseId).statusCode()).isEqualTo(200);
	}

	@Test
	void prospectsSwitchedOffAreRefusedThroughTheApiAndThePages() {
		Tenant org = this.api.newOrganisation("Agence Sans Prospection");
		UiSession session = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		switchModule(org, "prospects", false);
		for (String path : new String[] { "/api/v1/prospects", "/api/v1/imports", "/api/v1/prospects/searches",
				"/api/v1/imports/mapping-presets" }) {
			var refused = this.api.get(org.token(), path);
			assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
			assertThat(refused.getBody()).as(path).containsEntry("module", "prospects");
		}
		assertThat(this.api.getText(org.token(), "/api/v1/prospects/export?format=csv").getStatusCode().value())
			.isEqualTo(403);
		for (String path : new String[] { "/prospects", "/prospects/imports", "/prospects/duplicates" }) {
			var page = session.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path)
				.contains("Le module «\u00A0Prospection\u00A0» est désactivé pour votre organisation");
		}
		// cases keep working without prospects
		newCase(org);
		assertThat(session.get("/cases").statusCode()).isEqualTo(200);
	}

	@Test
	void calendarFeedsOfAnOrganisationWithoutCasesAreNotFound() throws Exception {
		Tenant org = this.api.newOrganisation("Agence Agenda Éteint");
		var issued = this.api.post(org.token(), "/api/v1/cases/calendar-feed", Map.of());
		String url = (String) issued.getBody().get("url");
		String feed = url.substring(url.indexOf("/cases/calendar/"));
		assertThat(this.api.getText(null, feed).getStatusCode().value()).isEqualTo(200);

		switchModule(org, "cases", false);
		assertThat(this.api.getText(null, feed).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(org.token(), "/api/v1/cases/calendar-feed", Map.of()).getStatusCode().value())
			.isEqualTo(403);
		// nor a new link from the pages, whose feed would answer 404
		PageSession session = new PageSession(this.port).login(org.email());
		String account = session.get("/account").body();
		assertThat(session.post("/cases/calendar-feed", Map.of("_csrf", PageSession.csrf(account)), false).statusCode())
			.isEqualTo(403);

		switchModule(org, "cases", true);
		assertThat(this.api.getText(null, feed).getStatusCode().value()).isEqualTo(200);
	}

	private void switchModule(Tenant org, String key, boolean enabled) {
		ResponseEntity<Map> switched = this.api.put(org.token(), "/api/v1/modules/" + key, Map.of("enabled", enabled));
		assertThat(switched.getStatusCode().value()).isEqualTo(200);
	}

	private String newCase(Tenant org) {
		var created = this.api.post(org.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Achat T3 Brest", "assigneeId", org.userId().toString()));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

}
