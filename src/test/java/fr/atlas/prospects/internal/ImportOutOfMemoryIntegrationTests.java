package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.Namesakes;
import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

/**
 * An import whose organisation holds more agencies than the heap can (the pool of an
 * import is in memory) ends FAILED with a message saying so. It used to stay RUNNING for
 * good, claimed by a worker that was alive and would never take it up again.
 */
@WebIntegrationTest
class ImportOutOfMemoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportBatch batch;

	@Autowired
	RecordedRows recorded;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ProspectsProperties properties;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	ImportMemory memory;

	@Test
	void aJobThatRunsOutOfMemoryFailsAndSaysWhy() throws Exception {
		var tenant = this.api.newOrganisation("Mémoire");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = submit(org, "Raison sociale;E-mail\nAgence du Port;port@agence.fr\n");
		ImportBatch exhausted = spy(this.batch);
		doThrow(new OutOfMemoryError("Java heap space")).when(exhausted)
			.decide(any(), anyList(), anySet(), any(), any(), anyBoolean());
		ImportWorker worker = worker(exhausted, this.memory);

		assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).isTrue();

		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody()).containsEntry("status", "FAILED")
			.containsEntry("processedRows", 0)
			.containsEntry("created", 0);
		PageSession session = new PageSession(this.port).login(tenant.email());
		assertThat(session.get("/prospects/imports/" + job).body()).contains("Mémoire insuffisante")
			.doesNotContain(ImportJob.OUT_OF_MEMORY);
		assertThat(session.get("/prospects/imports/" + job + "?lang=en").body()).contains("Out of memory");
	}

	@Test
	void anImportWhoseAgenciesOutgrowTheirShareOfTheHeapStopsAndKeepsWhatItWrote() throws Exception {
		var tenant = this.api.newOrganisation("Budget mémoire");
		OrgId org = OrgId.of(tenant.orgId());
		int rows = this.properties.importBatchSize() * 4;
		UUID job = submit(org, agencies("Raison sociale;E-mail;Site web", rows,
				(i) -> "Agence Numéro " + i + ";contact@agence" + i + ".fr;www.agence" + i + ".fr"));
		// room for the empty indexes and a batch or two of agencies, not for all of them
		ImportMemory small = new ImportMemory(2L << 20);
		ImportWorker worker = worker(this.batch, small);

		assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).isTrue();

		Map<String, Object> status = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		assertThat(status).containsEntry("status", "FAILED");
		int processed = (Integer) status.get("processedRows");
		assertThat(processed).isPositive().isLessThan(rows);
		assertThat(status).containsEntry("created", processed);
		Long agencies = agencies(org);
		assertThat(agencies).isEqualTo(processed);
		assertThat(small.reserved()).as("given back").isZero();

		// the organisation's agencies alone are now too many: the next job stops while
		// it loads them, before reading a row
		UUID again = submit(org, "Raison sociale;E-mail\nAgence Nouvelle;nouvelle@agence.fr\n");
		// room for the empty indexes and a few dozen agencies
		ImportMemory smaller = new ImportMemory(new ImportBatch.Pool().footprint() + (16 << 10));
		ImportWorker loading = worker(this.batch, smaller);
		assertThat(CurrentTenant.callAs(org, () -> loading.run(again, Integer.MAX_VALUE))).isTrue();
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + again).getBody()).containsEntry("status", "FAILED")
			.containsEntry("processedRows", 0);
		assertThat(smaller.reserved()).isZero();
		assertThat(new PageSession(this.port).login(tenant.email()).get("/prospects/imports/" + job).body())
			.contains("Mémoire insuffisante");
	}

	@Test
	void anImportThatDoesNotFitBesideAnotherWaitsQueuedThenResumesWithoutDuplicates() throws Exception {
		var tenant = this.api.newOrganisation("Mémoire partagée");
		OrgId org = OrgId.of(tenant.orgId());
		int rows = this.properties.importBatchSize() * 4;
		UUID job = submit(org, agencies("Raison sociale;E-mail", rows,
				(i) -> "Agence Partagée " + i + ";contact@partagee" + i + ".fr"));
		ImportMemory shared = new ImportMemory(24L << 20);
		ImportWorker worker = worker(this.batch, shared);

		try (ImportMemory.Lease other = shared.lease()) {
			// another organisation's import holds most of the budget: this one runs
			// out of room part way, as in the test above
			other.cover(43L << 19);
			assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).as("finished").isFalse();
		}

		Map<String, Object> waiting = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		assertThat(waiting).containsEntry("status", "QUEUED");
		int processed = (Integer) waiting.get("processedRows");
		assertThat(processed).isPositive().isLessThan(rows);
		ImportJob queued = CurrentTenant.callAs(org, () -> this.tx.execute((s) -> this.jobs.find(job))).orElseThrow();
		assertThat(queued.error()).isNull();
		PageSession session = new PageSession(this.port).login(tenant.email());
		assertThat(session.get("/prospects/imports/" + job).body()).contains("En pause")
			.contains("reprendra à la ligne " + String.format(java.util.Locale.FRANCE, "%,d", processed + 1))
			.as("no rate while paused")
			.doesNotContain("lignes/s");
		assertThat(session.get("/prospects/imports/" + job + "?lang=en").body()).contains("Paused");
		assertThat(session.get("/prospects/imports?lang=fr").body()).contains(">En pause<");
		// the application's own worker would claim it after the wait: this test runs it
		CurrentTenant.runAs(org, () -> this.tx
			.executeWithoutResult((s) -> this.jobs.holdUntil(job, java.time.Instant.now().plusSeconds(3600))));

		assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).isTrue();
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody()).containsEntry("status", "DONE")
			.containsEntry("processedRows", rows)
			.containsEntry("created", rows);
		Long agencies = agencies(org);
		assertThat(agencies).isEqualTo(rows);
		assertThat(shared.reserved()).isZero();
	}

	@Test
	void aCancelledImportWaitsForMemoryToDecideItsRowsSetAside() throws Exception {
		var tenant = this.api.newOrganisation("Mémoire et annulation");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = Namesakes.draft(this.imports, org);
		ImportMemory shared = new ImportMemory(64L << 20);
		ImportWorker worker = worker(this.batch, shared);
		// its one batch is written, row 2 set aside for the end
		assertThat(CurrentTenant.callAs(org, () -> worker.run(job, 1))).isFalse();
		assertThat(
				this.api.post(tenant.token(), "/api/v1/imports/" + job + "/cancel", Map.of()).getStatusCode().value())
			.isEqualTo(202);

		try (ImportMemory.Lease other = shared.lease()) {
			// another import holds nearly all of it: the agencies cannot be loaded again
			other.cover((64L << 20) - (16 << 10));
			assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).as("finished").isFalse();
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody()).containsEntry("status", "QUEUED")
			.containsEntry("processedRows", 3);

		assertThat(CurrentTenant.callAs(org, () -> worker.run(job, Integer.MAX_VALUE))).isTrue();
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody())
			.containsEntry("status", "CANCELLED")
			.containsEntry("processedRows", 4)
			.containsEntry("merged", 2);
		assertThat(shared.reserved()).isZero();
	}

	/** How many agencies the organisation has. */
	private Long agencies(OrgId org) {
		return this.sql.count(org, "select count(*) from agency");
	}

	/** A file of a header and a line per agency, numbered from 1. */
	private static String agencies(String header, int rows, IntFunction<String> line) {
		StringBuilder csv = new StringBuilder(header).append('\n');
		for (int i = 1; i <= rows; i++) {
			csv.append(line.apply(i)).append('\n');
		}
		return csv.toString();
	}

	/** A job the poller leaves alone (a draft): the test runs it with its own worker. */
	private UUID submit(OrgId org, String csv) {
		return CurrentTenant.callAs(org,
				() -> this.imports
					.submit("agences.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of(),
							null, false)
					.job()
					.id());
	}

	private ImportWorker worker(ImportBatch batch, ImportMemory memory) {
		return new ImportWorker(this.jobs, batch, this.recorded, this.tx, this.jdbc, this.events, this.properties,
				this.scheduler, memory);
	}

}
