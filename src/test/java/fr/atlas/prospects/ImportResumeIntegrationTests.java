package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.StoredRowLines;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that stops after some batches (a crash, a deployment) leaves a job that the
 * next run finishes without importing any row twice.
 */
@WebIntegrationTest
class ImportResumeIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Value("${atlas.prospects.import-batch-size}")
	int batchSize;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@LocalServerPort
	int port;

	@Test
	void resumesAfterTheLastCommittedBatchWithoutDuplicates() {
		var tenant = this.api.newOrganisation("Reprise");
		OrgId org = OrgId.of(tenant.orgId());
		// a draft is never picked up by the poller: this test drives the worker itself
		int rows = this.batchSize * 5 / 2;
		UUID job = draft(org, file(rows));

		boolean finished = CurrentTenant.callAs(org, () -> this.worker.run(job, 1));
		assertThat(finished).isFalse();
		assertThat(status(tenant.token(), job)).containsEntry("processedRows", this.batchSize)
			.containsEntry("created", this.batchSize);

		// "restart": a new run goes on from the first row after that batch
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE))).isTrue();
		assertThat(status(tenant.token(), job)).containsEntry("status", "DONE")
			.containsEntry("processedRows", rows)
			.containsEntry("created", rows);
		assertThat(count(org, "select count(*) from agency")).isEqualTo(rows);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody();
		assertThat(report.lines().skip(1).map((l) -> l.split(",")[0]).distinct().count()).isEqualTo(rows);
		// each row's problems counted once, though its batch was written by the second
		// run
		assertThat(problemCounts(tenant.token(), job)).containsExactly(
				Map.of("code", "postcode:invalid", "count", rows / 10, "message", "Code postal invalide, ignoré"));

		// progress lost (processed_rows back to 0): replaying every batch imports nothing
		// twice
		this.sql.as(org,
				(jdbc) -> jdbc.sql("update import_job set processed_rows = 0, status = 'RUNNING' where id = :id")
					.param("id", job)
					.update());
		CurrentTenant.runAs(org, () -> this.worker.run(job, Integer.MAX_VALUE));
		assertThat(count(org, "select count(*) from agency")).isEqualTo(rows);
		List<String> lines = storedLines(org);
		assertThat(lines.stream().map((line) -> StoredRowLines.column(line, 0)).distinct().count()).isEqualTo(rows);
		assertThat(lines).hasSize(rows);
		assertThat(lines).allSatisfy((line) -> assertThat(StoredRowLines.column(line, 7)).startsWith("name\u001f"));
		assertThat(problemCounts(tenant.token(), job)).extracting((c) -> c.get("count")).containsExactly(rows / 10);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> problemCounts(String token, UUID job) {
		return (List<Map<String, Object>>) this.api.get(token, "/api/v1/imports/" + job + "/problems")
			.getBody()
			.get("counts");
	}

	@Test
	void runsOneJobOfAnOrganisationAtATime() {
		var tenant = this.api.newOrganisation("Un import à la fois");
		OrgId org = OrgId.of(tenant.orgId());
		UUID first = draft(org, file(5));
		UUID second = draft(org, file(6));
		// another node is importing the first file: it holds the organisation's agencies
		// in memory
		execute(org,
				"update import_job set status = 'RUNNING', worker = 'autre-noeud', heartbeat_at = now() where id = :id",
				first);
		execute(org, "update import_job set status = 'QUEUED' where id = :id", second);
		List<UUID> claimed = this.tx
			.execute((s) -> this.jdbc.sql("select job_id from atlas_claim_import_job('test-node', '120 seconds')")
				.query(UUID.class)
				.list());
		assertThat(claimed).doesNotContain(first, second);
		assertThat(count(org, "select count(*) from import_job where status = 'QUEUED'")).isOne();

		// that node stopped: its job is taken over, then the queued one runs
		execute(org, "update import_job set heartbeat_at = now() - interval '1 hour' where id = :id", first);
		this.prospects.waitFor(tenant.token(), first.toString());
		this.prospects.waitFor(tenant.token(), second.toString());
		assertThat(status(tenant.token(), second)).containsEntry("status", "DONE").containsEntry("merged", 5);
		assertThat(count(org, "select count(*) from agency")).isEqualTo(6);
	}

	@Test
	void cancelsBetweenBatches() {
		var tenant = this.api.newOrganisation("Annulation");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = draft(org, file(this.batchSize * 5 / 2));
		CurrentTenant.runAs(org, () -> this.worker.run(job, 1));
		assertThat(
				this.api.post(tenant.token(), "/api/v1/imports/" + job + "/cancel", Map.of()).getStatusCode().value())
			.isEqualTo(202);
		CurrentTenant.runAs(org, () -> this.worker.run(job, Integer.MAX_VALUE));
		assertThat(status(tenant.token(), job)).containsEntry("status", "CANCELLED")
			.containsEntry("processedRows", this.batchSize);
	}

	/**
	 * An import that has ended has nothing left to cancel: a 409 in words, where a 202
	 * with its status made a client reading the code alone take it for stopped. A
	 * cancelled one answers as it did, a cancel sent again being a retry.
	 */
	@Test
	void cancellingAnImportThatEndedIsAConflictAndACancelledOneStaysCancelled() throws Exception {
		var tenant = this.api.newOrganisation("Annulation tardive");
		OrgId org = OrgId.of(tenant.orgId());
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "fini.csv",
				"Raison sociale;Ville\nAgence Finie;Lyon\n");
		var refused = this.api.post(tenant.token(), "/api/v1/imports/" + done.get("id") + "/cancel", Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.import.cancel.ended")
			.containsEntry("status", "DONE")
			.containsEntry("detail",
					"Cet import est déjà fini (statut «\u00A0Terminé\u00A0»)\u00A0: il n’y a plus rien à annuler. "
							+ "Ce qu’il a importé le reste.");
		var english = this.api.raw().post().uri("/api/v1/imports/" + done.get("id") + "/cancel").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).retrieve().toEntity(Map.class);
		assertThat(english.getBody()).containsEntry("detail",
				"This import has already ended (status “Done”): there is nothing left to cancel. "
						+ "What it imported stays imported.");
		assertThat(status(tenant.token(), UUID.fromString((String) done.get("id")))).containsEntry("status", "DONE");

		UUID failed = draft(org, file(3));
		execute(org, "update import_job set status = 'FAILED', error = 'IOException: lecture interrompue', "
				+ "finished_at = now() where id = :id", failed);
		var failedRefused = this.api.post(tenant.token(), "/api/v1/imports/" + failed + "/cancel", Map.of());
		assertThat(failedRefused.getStatusCode().value()).isEqualTo(409);
		assertThat(failedRefused.getBody()).containsEntry("code", "prospects.import.cancel.ended")
			.containsEntry("status", "FAILED");

		UUID cancelled = draft(org, file(3));
		for (int i = 0; i < 2; i++) {
			var again = this.api.post(tenant.token(), "/api/v1/imports/" + cancelled + "/cancel", Map.of());
			assertThat(again.getStatusCode().value()).isEqualTo(202);
			assertThat(again.getBody()).containsEntry("status", "CANCELLED");
		}

		// the page's button, clicked on a page shown while the import still ran
		PageSession pages = new PageSession(this.port).login(tenant.email());
		HttpResponse<String> late = pages.post("/prospects/imports/" + failed + "/cancel",
				Map.of("_csrf", PageSession.csrf(pages.get("/prospects/imports/" + failed + "?lang=fr").body())),
				false);
		assertThat(pages.get(PageSession.location(late)).body()).contains("il n’y a plus rien à annuler")
			.contains("statut «\u00A0Échec\u00A0»");
	}

	/**
	 * A cancelled import taken up again, and a failed one: each goes on from its last
	 * committed batch to the end, and no row is imported twice.
	 */
	@Test
	void resumesACancelledOrFailedImportWhereItStopped() throws Exception {
		var tenant = this.api.newOrganisation("Reprise demandée");
		var other = this.api.newOrganisation("Reprise voisine");
		OrgId org = OrgId.of(tenant.orgId());
		int rows = this.batchSize * 5 / 2;
		UUID job = draft(org, file(rows));
		CurrentTenant.runAs(org, () -> this.worker.run(job, 1));
		this.api.post(tenant.token(), "/api/v1/imports/" + job + "/cancel", Map.of());
		CurrentTenant.runAs(org, () -> this.worker.run(job, Integer.MAX_VALUE));
		assertThat(status(tenant.token(), job)).containsEntry("status", "CANCELLED");
		// another organisation cannot take it up
		assertThat(this.api.post(other.token(), "/api/v1/imports/" + job + "/resume", Map.of()).getStatusCode().value())
			.isEqualTo(404);

		// its page offers to take it up from the first row not read
		PageSession pages = new PageSession(this.port).login(tenant.email());
		String page = pages.get("/prospects/imports/" + job).body();
		assertThat(page).contains("id=\"import-resume\"",
				"L’import reprendra à la ligne " + String.format(Locale.FRANCE, "%,d", this.batchSize + 1));
		assertThat(pages.get("/prospects/imports/" + job + "?lang=en").body()).contains("Resume the import");
		var resumed = this.api.post(tenant.token(), "/api/v1/imports/" + job + "/resume", Map.of());
		assertThat(resumed.getStatusCode().value()).isEqualTo(202);
		assertThat(resumed.getBody()).containsEntry("id", job.toString()).containsEntry("status", "QUEUED");
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), job.toString());
		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("processedRows", rows)
			.containsEntry("created", rows);
		assertThat(count(org, "select count(*) from agency")).isEqualTo(rows);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody();
		assertThat(report.lines().skip(1).map((l) -> l.split(",")[0]).distinct().count()).isEqualTo(rows);
		assertThat(report.lines().skip(1).count()).isEqualTo(rows);

		// done: nothing to take up
		var again = this.api.post(tenant.token(), "/api/v1/imports/" + job + "/resume", Map.of());
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).containsEntry("code", "prospects.import.resume.not-stopped");

		// a failed one (its worker met an error after its first batch) goes on as well
		UUID failed = draft(org, file(rows));
		CurrentTenant.runAs(org, () -> this.worker.run(failed, 1));
		execute(org, "update import_job set status = 'FAILED', error = 'IOException: lecture interrompue', "
				+ "finished_at = now() where id = :id", failed);
		assertThat(this.api.post(tenant.token(), "/api/v1/imports/" + failed + "/resume", Map.of())
			.getStatusCode()
			.value()).isEqualTo(202);
		assertThat(this.prospects.waitFor(tenant.token(), failed.toString())).containsEntry("status", "DONE")
			.containsEntry("processedRows", rows)
			.containsEntry("merged", rows);
		assertThat(count(org, "select count(*) from agency")).isEqualTo(rows);

		// cancelled before it started: the file is sent again instead
		UUID draft = draft(org, file(3));
		this.api.post(tenant.token(), "/api/v1/imports/" + draft + "/cancel", Map.of());
		var never = this.api.post(tenant.token(), "/api/v1/imports/" + draft + "/resume", Map.of());
		assertThat(never.getStatusCode().value()).isEqualTo(409);
		assertThat(never.getBody()).containsEntry("code", "prospects.import.resume.never-started");
		// the page's button for a stopped import it can no longer take up says why
		HttpResponse<String> refused = pages.post("/prospects/imports/" + draft + "/resume",
				Map.of("_csrf", PageSession.csrf(pages.get("/prospects/imports/" + draft + "?lang=fr").body())), false);
		assertThat(pages.get(PageSession.location(refused)).body()).contains("annulé avant d’avoir commencé")
			.doesNotContain("id=\"import-resume\"");
	}

	@Test
	void aJobOfADeadWorkerOfThisHostIsTakenOverAtOnce() {
		var tenant = this.api.newOrganisation("Reprise après redémarrage");
		OrgId org = OrgId.of(tenant.orgId());
		String process = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
		// the former self of a restarted node: this process's pid@host, another worker,
		// a heartbeat that looks fresh
		UUID mine = draft(org, file(3));
		execute(org, "update import_job set status = 'RUNNING', heartbeat_at = now(), worker = '" + process + "/"
				+ UUID.randomUUID() + "' where id = :id", mine);
		// a worker of another host may be alive: its heartbeat decides
		UUID theirs = draft(org, file(4));
		execute(org, "update import_job set status = 'RUNNING', heartbeat_at = now(), worker = '1@another-host/"
				+ UUID.randomUUID() + "' where id = :id", theirs);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), mine.toString());
		assertThat(done).containsEntry("status", "DONE").containsEntry("created", 3);
		assertThat(status(tenant.token(), theirs)).containsEntry("status", "RUNNING").containsEntry("processedRows", 0);
		// done with it: the other host's job is not left for later tests
		execute(org, "update import_job set status = 'CANCELLED' where id = :id", theirs);
	}

	@Test
	void auditsImports() {
		var tenant = this.api.newOrganisation("Audit import");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = draft(org, file(3));
		CurrentTenant.runAs(org, () -> this.imports.start(job, Map.of()));
		this.prospects.waitFor(tenant.token(), job.toString());
		List<String> actions = this.sql.as(org,
				(jdbc) -> jdbc.sql("select action from audit_entry where entity_id = :id order by 1")
					.param("id", job.toString())
					.query(String.class)
					.list());
		// a draft's upload too (ADR 0130)
		assertThat(actions).containsExactly("import.done", "import.queued", "import.uploaded");
	}

	private UUID draft(OrgId org, String content) {
		return CurrentTenant.callAs(org,
				() -> this.imports
					.submit("big.csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Map.of(),
							null, false)
					.job()
					.id());
	}

	private void execute(OrgId org, String sql, UUID job) {
		this.sql.as(org, (jdbc) -> jdbc.sql(sql).param("id", job).update());
	}

	private Map<String, Object> status(String token, UUID job) {
		return this.api.get(token, "/api/v1/imports/" + job).getBody();
	}

	private List<String> storedLines(OrgId org) {
		return this.sql.as(org, StoredRowLines::of);
	}

	private long count(OrgId org, String sql) {
		return this.sql.count(org, sql);
	}

	static String file(int rows) {
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail;Code postal\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("Agence ")
				.append(i)
				.append(";contact")
				.append(i)
				.append("@agence.fr;")
				// every tenth postcode is refused with a warning, the row kept
				.append((i % 10 == 0) ? "CP ?" : String.format("%05d", 1000 + i * 37 % 94000))
				.append('\n');
		}
		return csv.toString();
	}

}
