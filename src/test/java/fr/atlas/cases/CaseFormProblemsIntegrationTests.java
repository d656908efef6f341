package fr.atlas.cases;

import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused case form names its fields as the form does, never by their codes, writes its
 * apostrophes once, and gives back what was typed.
 */
@WebIntegrationTest
class CaseFormProblemsIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void aRefusedNoteNamesItsFieldAndKeepsItsText() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Notes Longues");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Note trop longue"))
			.getBody()
			.get("id");
		var browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String csrf = CasePagesIntegrationTests.attribute(browser.get("/cases/" + id).body(), "name=\"_csrf\" value");
		String typed = "Rappeler demain " + "x".repeat(10_001);
		browser.post("/cases/" + id + "/notes", Map.of("text", typed, "channel", "CALL"), csrf);
		String page = browser.get("/cases/" + id).body();
		assertThat(page).contains("Note\u00a0: ").doesNotContain("text\u00a0: ");
		assertThat(page).contains(">" + typed + "</textarea>");
		assertThat(page).containsPattern("<option value=\"CALL\" selected");
		// once saved, the form is empty again
		browser.post("/cases/" + id + "/notes", Map.of("text", "Rappeler demain"), csrf);
		assertThat(browser.get("/cases/" + id).body()).doesNotContain(typed).contains("></textarea>");
	}

	/** Java reads the year +999999999, which no timestamp holds: the page failed. */
	@Test
	void aTaskDueBeyondTheYear9999IsRefusedByName() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Échéances Lointaines");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Tâche lointaine"))
			.getBody()
			.get("id");
		var browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String csrf = CasePagesIntegrationTests.attribute(browser.get("/cases/" + id).body(), "name=\"_csrf\" value");
		var answer = browser.post("/cases/" + id + "/tasks",
				Map.of("title", "Relancer plus tard", "dueAt", "+999999999-12-31T10:00"), csrf);
		assertThat(answer.statusCode()).isLessThan(400);
		String page = browser.get("/cases/" + id).body();
		assertThat(page).contains("Échéance\u00a0: ").doesNotContain("dueAt\u00a0: ");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/tasks").getBody().toString())
			.doesNotContain("Relancer plus tard");
	}

	@Test
	void refusedWorkingHoursNameTheDayAndWriteTheirApostropheOnce() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Horaires Fautifs");
		var browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String csrf = CasePagesIntegrationTests.attribute(browser.get("/cases/working-hours").body(),
				"name=\"_csrf\" value");
		String page = browser
			.post("/cases/working-hours", Map.of("timeZone", "Europe/Paris", "MONDAY.open", "on", "MONDAY.opens",
					"18:00", "MONDAY.closes", "09:00"), csrf)
			.body();
		assertThat(page).contains("Lundi\u00a0: Horaires invalides")
			.contains("l’ouverture avant la fermeture")
			.doesNotContain("&#39;&#39;", "days.MONDAY");
	}

}
