package fr.atlas.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.UiSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page shows each active module's figures for the member's own organisation:
 * another organisation's prospects, appointments and tasks never count, and a module
 * switched off has no card.
 */
@WebIntegrationTest
class HomePageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void showsTheOrganisationsOwnFiguresAndNothingOfAnother() {
		Tenant busy = this.api.newOrganisation("Agence du Tableau de Bord");
		Tenant quiet = this.api.newOrganisation("Agence Sans Activité");
		this.prospects.importAndWait(busy.token(), "agences.csv", """
				Raison sociale;SIRET;Code postal;Ville
				Agence du Port;73282932000074;29200;Brest
				Agence du Port SARL;73282932000074;29200;Brest
				Immobilière des Halles;;35000;Rennes
				""");
		String caseId = newCase(busy);
		// held or missed only once passed: both at the month's first minute, whatever
		// the day the test runs
		Instant monthStart = LocalDate.now(ZoneId.of("Europe/Paris"))
			.withDayOfMonth(1)
			.atStartOfDay(ZoneId.of("Europe/Paris"))
			.toInstant();
		appointment(busy, caseId, monthStart, "HELD");
		appointment(busy, caseId, monthStart, "NO_SHOW");
		appointment(busy, caseId, monthStart.plus(Duration.ofHours(4)), "CANCELLED");
		appointment(busy, caseId, monthStart.plus(Duration.ofHours(5)), "RESCHEDULED");
		assertThat(this.api
			.post(busy.token(), "/api/v1/cases/" + caseId + "/tasks", Map.of("title", "Rappeler le vendeur", "dueAt",
					Instant.now().minus(Duration.ofDays(1)).toString(), "assigneeId", busy.userId().toString()))
			.getStatusCode()
			.value()).isEqualTo(201);

		String home = home(busy);
		assertThat(figure(home, "agences dans votre base")).isEqualTo("2");
		assertThat(figure(home, "import en cours")).isEqualTo("0");
		assertThat(figure(home, "rendez-vous planifiés ce mois-ci"))
			.as("the cancelled and the rescheduled ones left out")
			.isEqualTo("2");
		assertThat(figure(home, "de rendez-vous non honorés ce mois-ci")).isEqualTo("50 %");
		assertThat(figure(home, "dossier ouvert qui vous est confié")).isEqualTo("1");
		assertThat(figure(home, "dossier avec une tâche en retard vous concernant")).isEqualTo("1");
		assertThat(home).contains("href=\"/cases?assignee=" + busy.userId() + "&amp;open=true\"");

		String other = home(quiet);
		assertThat(figure(other, "agence dans votre base")).isEqualTo("0");
		assertThat(figure(other, "rendez-vous planifié ce mois-ci")).isEqualTo("0");
		assertThat(figure(other, "de rendez-vous non honorés ce mois-ci")).as("nothing to divide by").isEqualTo("—");
		assertThat(figure(other, "dossier avec une tâche en retard vous concernant")).isEqualTo("0");
	}

	@Test
	void aModuleSwitchedOffHasNoCard() {
		Tenant org = this.api.newOrganisation("Agence Sans Prospection");
		assertThat(home(org)).contains("<h2>Prospection</h2>");
		assertThat(this.api.put(org.token(), "/api/v1/modules/prospects", Map.of("enabled", false))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		String home = home(org);
		assertThat(home).doesNotContain("<h2>Prospection</h2>").contains("<h2>Pipeline</h2>");
	}

	private String home(Tenant tenant) {
		var page = UiSession.signedIn(this.port, tenant.email(), ApiClient.PASSWORD).get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	private String newCase(Tenant tenant) {
		var created = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Achat T3 Brest", "assigneeId", tenant.userId().toString(),
						"fields", Map.of("contactName", "Camille")));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

	private void appointment(Tenant tenant, String caseId, Instant startsAt, String outcome) {
		var scheduled = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments", Map.of("title",
				"Visite", "startsAt", startsAt.toString(), "endsAt", startsAt.plus(Duration.ofHours(1)).toString()));
		assertThat(scheduled.getStatusCode().value()).as(String.valueOf(scheduled.getBody())).isEqualTo(201);
		String id = (String) scheduled.getBody().get("id");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments/" + id + "/outcome",
					Map.of("outcome", outcome))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	/** The figure shown before a label on the home page. */
	private static String figure(String html, String label) {
		int at = html.indexOf(">" + label + "<");
		assertThat(at).as("label %s on the page", label).isPositive();
		int end = html.lastIndexOf("</span>", at);
		int start = html.lastIndexOf(">", end) + 1;
		return html.substring(start, end).replace('\u00a0', ' ').replace('\u202f', ' ').trim();
	}

}
