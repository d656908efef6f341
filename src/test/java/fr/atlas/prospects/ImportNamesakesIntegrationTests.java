package fr.atlas.prospects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agencies of one name in one place (ADR 0034): a row that only its name and place
 * tie to one of them is decided once the rest of the file has built both, so that it does
 * not hand one agency the other's identifiers.
 */
@WebIntegrationTest
class ImportNamesakesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Test
	void aRowOnlyItsNameTiesIsDecidedWhenBothNamesakesAreKnown() {
		var tenant = this.api.newOrganisation("Homonymes");
		Map<String, Object> status = this.prospects.importAndWait(tenant.token(), "homonymes.csv", Namesakes.CSV);
		assertThat(status).containsEntry("status", "DONE")
			.containsEntry("processedRows", 4)
			.containsEntry("created", 2)
			.containsEntry("merged", 2);
		List<String[]> report = this.prospects.report(tenant.token(), (String) status.get("id"));
		assertThat(report).extracting((row) -> row[0]).containsExactly("1", "2", "3", "4");
		assertThat(report.get(2)[2]).isEqualTo(report.get(0)[2]);
		assertThat(report.get(3)[2]).isEqualTo(report.get(1)[2]).isNotEqualTo(report.get(0)[2]);
		// its warning is counted once (rows 2 and 3 give a SIREN only), and listed in row
		// order
		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + status.get("id") + "/problems")
			.getBody();
		assertThat(problems.get("counts").toString()).contains("code=siret:siren_only, count=2");
		assertThat(problems.get("rows").toString()).containsSubsequence("row=2", "row=3");
		// the name alone would have joined the other: a person may say they are one
		String duplicates = this.api.getText(tenant.token(), "/api/v1/prospects/duplicates").getBody();
		assertThat(duplicates).contains(report.get(0)[2]).contains(report.get(1)[2]);
		// another organisation sees none of it
		var other = this.api.newOrganisation("Autre agence");
		assertThat(this.api.getText(other.token(), "/api/v1/imports/" + status.get("id") + "/rows")
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void aRestartedImportDecidesTheRowsItSetAside() {
		var tenant = this.api.newOrganisation("Homonymes, reprise");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = Namesakes.draft(this.imports, org);

		// the file is one batch: the run stops before the rows set aside are decided
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		Map<String, Object> stopped = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		// row 2 was read, not imported: the rows done are those of the report
		assertThat(stopped).containsEntry("processedRows", 3).containsEntry("created", 2).containsEntry("merged", 1);
		assertThat(this.prospects.report(tenant.token(), job.toString())).extracting((row) -> row[0])
			.containsExactly("1", "3", "4");

		// a new run (a restart) reads the file again for them, and imports nothing twice
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE))).isTrue();
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody()).containsEntry("status", "DONE")
			.containsEntry("processedRows", 4)
			.containsEntry("created", 2)
			.containsEntry("merged", 2);
		List<String[]> report = this.prospects.report(tenant.token(), job.toString());
		assertThat(report).extracting((row) -> row[0]).containsExactly("1", "2", "3", "4");
		assertThat(report.get(1)[2]).isEqualTo(report.get(3)[2]).isNotEqualTo(report.get(0)[2]);
		assertThat(report.get(1)[3]).isEqualTo("siret:siren_only");
	}

	@Test
	void aCancelledImportDecidesTheRowsItSetAsideBeforeItEnds() {
		var tenant = this.api.newOrganisation("Homonymes, annulation");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = Namesakes.draft(this.imports, org);
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		assertThat(
				this.api.post(tenant.token(), "/api/v1/imports/" + job + "/cancel", Map.of()).getStatusCode().value())
			.isEqualTo(202);
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE))).isTrue();

		// row 2 was read by a batch the import wrote: it is decided, counted and reported
		assertCancelledWithEveryRowDecided(tenant.token(), job);
	}

	@Test
	void aQueuedImportWithRowsSetAsideIsCancelledByTheWorker() throws Exception {
		var tenant = this.api.newOrganisation("Homonymes, annulation en attente");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = Namesakes.draft(this.imports, org);
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		Namesakes.queueAgain(this.sql, org, job);
		assertThat(
				this.api.post(tenant.token(), "/api/v1/imports/" + job + "/cancel", Map.of()).getStatusCode().value())
			.isEqualTo(202);
		// not ended by the request: row 2 is still to decide, and the page says it stops
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody()).containsEntry("status", "QUEUED");
		String page = new PageSession(this.port).login(tenant.email()).get("/prospects/imports/" + job).body();
		assertThat(page).contains("id=\"import-stopping\"").doesNotContain("/cancel\"");

		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE))).isTrue();
		assertCancelledWithEveryRowDecided(tenant.token(), job);
	}

	private void assertCancelledWithEveryRowDecided(String token, UUID job) {
		assertThat(this.api.get(token, "/api/v1/imports/" + job).getBody()).containsEntry("status", "CANCELLED")
			.containsEntry("processedRows", 4)
			.containsEntry("created", 2)
			.containsEntry("merged", 2);
		List<String[]> report = this.prospects.report(token, job.toString());
		assertThat(report).extracting((row) -> row[0]).containsExactly("1", "2", "3", "4");
		assertThat(report.get(1)[2]).isEqualTo(report.get(3)[2]).isNotEqualTo(report.get(0)[2]);
	}

}
