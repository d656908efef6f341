package fr.atlas.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's numbers against a hand count of a small seeded data set.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseReportIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void aDayOutsideTheYears1To9999IsRefusedByTheReportItsCsvAndTheBoard() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Années");
		// -999999999-01-01 reads as a LocalDate; its timestamp overflowed: a 500 each
		// time
		for (String period : List.of("from=-999999999-01-01&to=2026-01-01", "from=0000-01-01&to=2026-01-01")) {
			var refused = this.api.get(tenant.token(), "/api/v1/cases/reports/summary?" + period);
			assertThat(refused.getStatusCode().value()).as(period).isEqualTo(400);
			assertThat(refused.getBody().toString()).contains("field=from");
		}
		CasePagesIntegrationTests.Session browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		for (String path : List.of("/cases/reports?from=-999999999-01-01&to=2026-01-01",
				"/cases/reports.csv?from=-999999999-01-01&to=2026-01-01",
				"/cases/board?type=LEAD_ACHAT&from=-999999999-01-01")) {
			var page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(400);
			assertThat(page.body()).as(path).contains("Date attendue, au format AAAA-MM-JJ");
		}
		assertThat(browser.get("/cases/reports?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(200);
	}

	/** Before, "Valeur invalide": a client was not told what the report reads. */
	@Test
	void aDateTheReportCannotReadSaysWhatItReads() {
		Tenant tenant = this.api.newOrganisation("Agence Dates illisibles");
		var refused = this.api.get(tenant.token(), "/api/v1/cases/reports/summary?from=2026-13-01&to=demain");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactly("from report.date-invalid");
		assertThat(refused.getBody().get("detail").toString()).contains("AAAA-MM-JJ (2026-12-01)")
			.contains("2026-12-01T08:00:00Z");
	}

	@Test
	void summaryMatchesAHandCount() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Chiffres");
		String c1 = open(tenant, "Reste nouveau");
		String c2 = open(tenant, "Qualifié");
		String c3 = open(tenant, "En visite");
		String c4 = open(tenant, "Perdu après qualification");
		Map<String, Object> qualify = Map.of("transition", "qualify", "budget", 300000, "financing", "LOAN_AGREED");
		move(tenant, c2, qualify);
		move(tenant, c3, qualify);
		move(tenant, c3, Map.of("transition", "plan_visit"));
		move(tenant, c4, qualify);
		move(tenant, c4, Map.of("transition", "lose", "lossReason", "Budget revu"));
		open(tenant, "PROSPECTION", "Agence Dupont");

		appointment(tenant, c2, "2026-01-10T09:00:00Z", "HELD");
		appointment(tenant, c3, "2026-01-12T09:00:00Z", "NO_SHOW");
		appointment(tenant, c3, "2026-01-20T09:00:00Z", "HELD");
		appointment(tenant, c4, "2026-01-15T09:00:00Z", "CANCELLED");
		// moved: the visit of the 20th took its place, and counts alone (ADR 0126)
		appointment(tenant, c3, "2026-01-18T09:00:00Z", "RESCHEDULED");
		// 00:30 on 1 February in Paris: outside January.
		appointment(tenant, c1, "2026-01-31T23:30:00Z", null);
		appointment(tenant, c2, "2026-02-05T09:00:00Z", null);

		// January 2026 (Europe/Paris): planned 3 (cancelled and rescheduled excluded),
		// held
		// 2, no-show 1.
		Map<String, Object> january = this.api
			.get(tenant.token(), "/api/v1/cases/reports/summary?from=2026-01-01&to=2026-01-31")
			.getBody();
		assertThat(january).containsEntry("appointmentsPlanned", 3)
			.containsEntry("appointmentsHeld", 2)
			.containsEntry("noShows", 1)
			.containsEntry("noShowRate", 0.3333)
			.containsEntry("casesOpened", 0);

		// Cases opened now: 4 leads (4 NEW, 3 QUALIFIED, 1 VISIT, 1 LOST) and 1 prospect.
		Map<String, Object> today = summaryAroundNow(tenant);
		assertThat(today).containsEntry("casesOpened", 5).containsEntry("appointmentsPlanned", 0);
		assertThat(today.get("noShowRate")).isNull();
		List<Map<String, Object>> conversion = (List<Map<String, Object>>) today.get("conversion");
		Map<String, Object> leads = conversion.stream()
			.filter((c) -> "LEAD_ACHAT".equals(c.get("caseType")))
			.findFirst()
			.orElseThrow();
		assertThat(leads).containsEntry("opened", 4);
		assertThat((List<Map<String, Object>>) leads.get("stages"))
			.extracting((s) -> s.get("state") + "=" + s.get("reached") + "/" + s.get("rate"))
			.containsExactly("NEW=4/1.0", "QUALIFIED=3/0.75", "VISIT=1/0.25", "OFFER=0/0.0", "WON=0/0.0",
					"LOST=1/0.25");
		// a lost state is a way out of the funnel, not one of its steps (WON is one)
		assertThat((List<Map<String, Object>>) leads.get("stages"))
			.extracting((s) -> s.get("state") + "=" + s.get("lost"))
			.containsExactly("NEW=false", "QUALIFIED=false", "VISIT=false", "OFFER=false", "WON=false", "LOST=true");
		// the dashboard's chart draws the steps only, and its table shows the lost apart
		var session = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String page = session.get("/cases/reports").body();
		// nothing held or missed yet: said so, not "no no-show for no appointment held"
		assertThat(page).contains("Aucun rendez-vous honoré ou manqué sur la période").doesNotContain("pour aucun");
		// the no-show rate's help gives the rate's own base: 1 of 3 past (33,3 %), not
		// "1 absent pour 2 rendez-vous honorés", which a manager reads as 1/2
		String januaryPage = session.get("/cases/reports?from=2026-01-01&to=2026-01-31").body();
		assertThat(januaryPage).containsPattern("33,3[\u00a0\u202f]%")
			.contains("1 absent sur 3 rendez-vous passés (2 honorés)");
		assertThat(session.get("/cases/reports?from=2026-01-01&to=2026-01-31&lang=en").body())
			.contains("1 no-show out of 3 past appointments (2 held)");
		String charts = page.substring(page.indexOf("id=\"report-charts\""));
		String chartData = charts.substring(0, charts.indexOf('>'));
		assertThat(chartData).contains("Offre", "Gagné").doesNotContain("Perdu");
		assertThat(page).containsPattern(
				"Sortis du parcours</span> · <span class=\"lost-stage\">Perdu\u00a0: 1 \\(25[\u00a0\u202f]%\\)");
		String funnel = page.substring(page.indexOf("<table class=\"funnel\">"));
		funnel = funnel.substring(0, funnel.indexOf("</table>"));
		assertThat(funnel.substring(0, funnel.indexOf("<tbody class=\"lost\">"))).contains(">Gagné<")
			.doesNotContain(">Perdu<");
		assertThat(funnel.substring(funnel.indexOf("<tbody class=\"lost\">")))
			.contains(">Sortis du parcours<", ">Perdu<")
			.containsPattern("1 · 25[\u00a0\u202f]%");
		Map<String, Object> prospects = conversion.stream()
			.filter((c) -> "PROSPECTION".equals(c.get("caseType")))
			.findFirst()
			.orElseThrow();
		assertThat(prospects).containsEntry("opened", 1);

		// Three leads were qualified; each then got an appointment planned.
		assertThat((List<Map<String, Object>>) today.get("delays"))
			.extracting((d) -> d.get("name") + "=" + d.get("cases"))
			.containsExactly("leadToQualified=3", "qualifiedToAppointment=3");
		assertThat((List<Map<String, Object>>) today.get("bySource"))
			.extracting((b) -> b.get("key") + "=" + b.get("opened") + "/" + b.get("won"))
			.containsExactly("API=5/0");
		Map<String, Object> january2 = this.api
			.get(tenant.token(), "/api/v1/cases/reports/summary?from=2026-01-01&to=2026-01-31")
			.getBody();
		// no case was opened in January, but its appointments were someone's: each
		// breakdown adds up to the totals (it had no row at all)
		for (String breakdown : List.of("byAgent", "bySource")) {
			List<Map<String, Object>> rows = (List<Map<String, Object>>) january2.get(breakdown);
			assertThat(rows).as(breakdown).isNotEmpty().allSatisfy((row) -> {
				assertThat(row).containsEntry("opened", 0).containsEntry("won", 0);
				assertThat(row.get("winRate")).isNull();
			});
			assertThat(rows.stream().mapToInt((row) -> (int) row.get("appointmentsPlanned")).sum()).as(breakdown)
				.isEqualTo(3);
			assertThat(rows.stream().mapToInt((row) -> (int) row.get("noShows")).sum()).as(breakdown).isEqualTo(1);
		}
		assertThat((List<Map<String, Object>>) january2.get("bySource"))
			.extracting((b) -> b.get("key") + "=" + b.get("appointmentsPlanned") + "/" + b.get("noShows"))
			.containsExactly("API=3/1");
	}

	@Test
	void aCaseAMigrationMovedIntoAStateHasReachedIt() {
		Tenant tenant = this.api.newOrganisation("Agence Migration Chiffres");
		String lead = open(tenant, "Visite à renommer");
		move(tenant, lead, Map.of("transition", "qualify", "budget", 300000, "financing", "CASH"));
		move(tenant, lead, Map.of("transition", "plan_visit"));
		// version 2 names the visit RDV; the running lead is moved there
		Map<String, Object> definition = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/1")
			.getBody()
			.get("definition");
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> renamed = json
			.readValue(json.writeValueAsString(definition).replace("\"VISIT\"", "\"RDV\""), Map.class);
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows", renamed)
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2/publish", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api
			.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2/migrate",
					Map.of("mapping", Map.of("VISIT", "RDV")))
			.getBody()).containsEntry("migrated", 1);

		Map<String, Object> today = summaryAroundNow(tenant);
		Map<String, Object> leads = ((List<Map<String, Object>>) today.get("conversion")).stream()
			.filter((c) -> "LEAD_ACHAT".equals(c.get("caseType")))
			.findFirst()
			.orElseThrow();
		// the lead is in RDV: it was counted as never having reached it
		assertThat((List<Map<String, Object>>) leads.get("stages"))
			.extracting((stage) -> stage.get("state") + "=" + stage.get("reached"))
			.contains("NEW=1", "QUALIFIED=1", "RDV=1");
	}

	String open(Tenant tenant, String title) {
		return open(tenant, "LEAD_ACHAT", title);
	}

	String open(Tenant tenant, String type, String title) {
		var response = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", type, "title", title));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	void move(Tenant tenant, String id, Map<String, Object> body) {
		assertThat(this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", body).getStatusCode().value())
			.isEqualTo(200);
	}

	void appointment(Tenant tenant, String caseId, String startsAt, String outcome) {
		var created = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments",
				Map.of("title", "Visite", "startsAt", startsAt));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		if (outcome != null) {
			assertThat(this.api
				.post(tenant.token(),
						"/api/v1/cases/" + caseId + "/appointments/" + created.getBody().get("id") + "/outcome",
						Map.of("outcome", outcome))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
	}

	/** The report of the two hours around now: the cases a test has just opened. */
	private Map<String, Object> summaryAroundNow(Tenant tenant) {
		Instant now = Instant.now();
		return this.api
			.get(tenant.token(),
					"/api/v1/cases/reports/summary?from=" + now.minus(1, ChronoUnit.HOURS) + "&to="
							+ now.plus(1, ChronoUnit.HOURS))
			.getBody();
	}

}
