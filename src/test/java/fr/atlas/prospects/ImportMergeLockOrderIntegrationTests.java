package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge and an import's batch that write the same two agencies at once (ADR 0114): the
 * batch locks them in the merge's order, so a merge that holds the first one never waits
 * for the second behind the batch; and a batch the database fails to break a deadlock all
 * the same (a transaction that locks in another order) is written again rather than
 * failing the import.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportMergeLockOrderIntegrationTests {

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	ProspectMerges merges;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Value("${atlas.prospects.import-batch-size}")
	int batchSize;

	/**
	 * The merge locks the lower id of its two agencies first, then the other. The batch
	 * fills both, the higher one first in the file: it used to lock that one, then wait
	 * for the merge's, while the merge came to wait for it.
	 */
	@Test
	void aBatchLocksTheAgenciesItFillsInTheOrderAMergeLocksThem() {
		var tenant = this.api.newOrganisation("Ordre des verrous");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = importedUpToTheSecondBatch(org);
		UUID zeta = UUID.fromString(this.prospects.idOf(tenant.token(), "zeta-verrou.fr"));
		UUID omega = UUID.fromString(this.prospects.idOf(tenant.token(), "omega-verrou.fr"));
		assertThat(zeta.compareTo(omega)).as("created first, the lower id").isNegative();

		AtomicReference<RuntimeException> secondLock = new AtomicReference<>();
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CompletableFuture<Void> merge = CompletableFuture
			.runAsync(() -> CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((status) -> {
				// the merge's first lock, then the batch comes to wait for it
				this.jdbc.sql("select id from agency where id = :id for update").param("id", zeta).query().listOfRows();
				locked.countDown();
				LockWaits.untilAWriterWaits(this.jdbc);
				try {
					// the merge's second lock: free, since the batch waits before taking
					// it
					this.jdbc.sql("select id from agency where id = :id for update nowait")
						.param("id", omega)
						.query()
						.listOfRows();
				}
				catch (DataAccessException ex) {
					// 55P03, lock not available
					secondLock.set(ex);
					status.setRollbackOnly();
					return;
				}
				this.merges.merge(omega, zeta, null);
			})), threads);
		LockWaits.await(locked);
		CompletableFuture<Boolean> rest = CompletableFuture
			.supplyAsync(() -> CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE)), threads);
		merge.join();
		assertThat(rest.join()).isTrue();
		threads.shutdown();
		assertThat(secondLock.get()).as("the batch held the merge's second agency while it waited for the first")
			.isNull();

		Map<String, Object> status = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		assertThat(status).containsEntry("status", "DONE");
		// both rows of the second batch are in the survivor
		assertThat(numbers(tenant.token(), omega)).contains("+33612345601", "+33612345602");
	}

	/**
	 * A transaction that locks the two agencies the other way round still deadlocks with
	 * the batch. The database fails the batch, whose wait began first: the batch is
	 * written again once the other has committed, and the import ends DONE, where it
	 * ended FAILED.
	 */
	@Test
	void aBatchTheDatabaseFailsToBreakADeadlockIsWrittenAgain() {
		// the database fails the transaction whose wait began first, when it checks a
		// second (deadlock_timeout) after that wait began: should this machine take
		// longer
		// to make the other one wait too, the other is failed instead, and the scenario
		// is played again
		boolean batchFailed = false;
		for (int attempt = 0; attempt < 3 && !batchFailed; attempt++) {
			batchFailed = deadlockWithABatch(attempt);
		}
		assertThat(batchFailed).as("the database failed the batch at least once").isTrue();
	}

	private boolean deadlockWithABatch(int attempt) {
		var tenant = this.api.newOrganisation("Verrou mortel " + attempt);
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = importedUpToTheSecondBatch(org);
		UUID zeta = UUID.fromString(this.prospects.idOf(tenant.token(), "zeta-verrou.fr"));
		UUID omega = UUID.fromString(this.prospects.idOf(tenant.token(), "omega-verrou.fr"));

		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> CurrentTenant.callAs(org, () -> {
			try {
				this.tx.executeWithoutResult((status) -> {
					this.jdbc.sql("select id from agency where id = :id for update")
						.param("id", omega)
						.query()
						.listOfRows();
					locked.countDown();
					LockWaits.untilAWriterWaits(this.jdbc);
					// the batch holds this one and waits for ours: a deadlock
					this.jdbc.sql("update agency set tags = array['verrou'] where id = :id").param("id", zeta).update();
				});
				return true;
			}
			catch (PessimisticLockingFailureException ex) {
				return false;
			}
		}), threads);
		LockWaits.await(locked);
		CompletableFuture<Boolean> rest = CompletableFuture
			.supplyAsync(() -> CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE)), threads);
		boolean batchFailed = other.join();
		assertThat(rest.join()).isTrue();
		threads.shutdown();

		Map<String, Object> status = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		assertThat(status).containsEntry("status", "DONE").containsEntry("processedRows", this.batchSize + 2);
		assertThat(numbers(tenant.token(), zeta)).contains("+33612345601");
		assertThat(numbers(tenant.token(), omega)).contains("+33612345602");
		return batchFailed;
	}

	/**
	 * A draft whose first batch is written: Zeta then Omega created, and a second batch
	 * that gives each a mobile, Omega's row first.
	 */
	private UUID importedUpToTheSecondBatch(OrgId org) {
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail;Téléphone;Code postal;Ville\n")
			.append("Agence Zeta Verrou;zeta@zeta-verrou.fr;01 40 00 00 11;75001;Paris\n")
			.append("Agence Omega Verrou;omega@omega-verrou.fr;01 40 00 00 12;75002;Paris\n");
		for (int i = 3; i <= this.batchSize; i++) {
			csv.append("Agence ").append(i).append(";contact").append(i).append("@verrou.fr;;75010;Paris\n");
		}
		csv.append("Agence Omega Verrou;omega@omega-verrou.fr;06 12 34 56 02;75002;Paris\n")
			.append("Agence Zeta Verrou;zeta@zeta-verrou.fr;06 12 34 56 01;75001;Paris\n");
		// a draft is never picked up by the poller: this test drives the worker itself
		UUID job = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("verrous.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		return job;
	}

	private List<String> numbers(String token, UUID id) {
		Map<String, Object> agency = (Map<String, Object>) this.api.get(token, "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		return ((List<Map<String, Object>>) agency.get("phones")).stream()
			.map((phone) -> (String) phone.get("number"))
			.toList();
	}

}
