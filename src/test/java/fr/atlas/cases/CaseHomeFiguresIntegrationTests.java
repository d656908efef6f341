package fr.atlas.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case figure of the home page leads to a list (page and API) of exactly the cases
 * it counts: closed cases are not among one's open cases nor among those past their
 * deadline, and a case with two overdue tasks is one case.
 */
@WebIntegrationTest
class CaseHomeFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApiClient api;

	@Test
	void eachFigureLeadsToTheCasesItCounts() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence des Chiffres Justes");
		String open = newCase(tenant, "Ouvert et en retard");
		String closed = newCase(tenant, "Perdu et en retard");
		String openLate = newCase(tenant, "Ouvert hors délai");
		newCase(tenant, "Ouvert sans souci");
		overdueTask(tenant, open, "Rappeler");
		overdueTask(tenant, open, "Relancer");
		overdueTask(tenant, closed, "Clore le dossier");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + closed + "/transitions",
					Map.of("transition", "lose", "lossReason", "Sans suite"))
			.getBody()).containsEntry("state", "LOST");
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc
					.sql("update case_file set sla_breached_at = now() - interval '1 day' where id in (?, ?)")
					.params(UUID.fromString(closed), UUID.fromString(openLate))
					.update()));

		Session browser = new Session(this.port, tenant.email());
		String home = browser.get("/").body();
		assertFigureLeadsToItsCases(browser, tenant, home, "dossiers ouverts qui vous sont confiés", 3,
				"/cases?assignee=" + tenant.userId() + "&open=true");
		assertFigureLeadsToItsCases(browser, tenant, home, "dossiers avec une tâche en retard vous concernant", 2,
				"/cases?overdueTasksOf=" + tenant.userId());
		assertFigureLeadsToItsCases(browser, tenant, home, "dossier hors délai", 1,
				"/cases?open=true&slaBreached=true");

		// The list says which filter it applies, and offers them all.
		String overdue = browser.get("/cases?overdueTasksOf=" + tenant.userId()).body();
		assertThat(overdue)
			.contains("id=\"overdue-filter\"", "Retirer ce filtre", "Ouvert et en retard", "Perdu et en retard")
			.doesNotContain("Ouvert sans souci");
		assertThat(browser.get("/cases").body()).contains("name=\"open\"", "name=\"slaBreached\"", ">Ouverts<",
				">Clos<", "Hors délai seulement");
		assertThat(browser.get("/cases?open=false").body()).contains(">1 dossier<", "Perdu et en retard");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases?open=false").getBody()).containsEntry("total", 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 4);

		// In English too.
		String english = browser.get("/cases?lang=en").body();
		assertThat(english).contains(">Open<", ">Closed<", "Past their deadline only");
		assertThat(browser.get("/?lang=en").body()).contains("cases with an overdue task of yours");
		browser.get("/cases?lang=fr");

		// Another organisation's lists hold none of these cases.
		Tenant other = this.api.newOrganisation("Agence Voisine des Chiffres");
		assertThat(this.api.get(other.token(), "/api/v1/cases?overdueTasksOf=" + tenant.userId()).getBody())
			.containsEntry("total", 0);
		assertThat(this.api.get(other.token(), "/api/v1/cases?open=true&slaBreached=true").getBody())
			.containsEntry("total", 0);
	}

	private void assertFigureLeadsToItsCases(Session browser, Tenant tenant, String home, String label, int expected,
			String href) throws Exception {
		Matcher figure = Pattern
			.compile("<a href=\"([^\"]*)\">\\s*<span class=\"figure\">(\\d+)</span>\\s*<span class=\"label\">" + label
					+ "</span>")
			.matcher(home);
		assertThat(figure.find()).as("figure %s on the home page", label).isTrue();
		String link = figure.group(1).replace("&amp;", "&");
		assertThat(link).isEqualTo(href);
		assertThat(Integer.parseInt(figure.group(2))).as(label).isEqualTo(expected);
		assertThat(browser.get(link).body()).as(link)
			.contains(
					">" + ((expected == 0) ? "Aucun dossier" : expected + ((expected == 1) ? " dossier" : " dossiers"))
							+ "<");
		assertThat(this.api.get(tenant.token(), "/api/v1" + link).getBody()).as(link).containsEntry("total", expected);
	}

	private String newCase(Tenant tenant, String title) {
		var created = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", title, "assigneeId", tenant.userId().toString()));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

	private void overdueTask(Tenant tenant, String caseId, String title) {
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/tasks",
					Map.of("title", title, "dueAt", Instant.now().minus(Duration.ofDays(2)).toString()))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

}
