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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person merges two agencies while an import runs: the import's pool still holds the
 * absorbed one, and its later rows went into it, an agency nobody sees any more, while
 * the report said they were in the survivor (ADR 0110).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class MergeDuringImportIntegrationTests {

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

	@Test
	void aRowOfAnAgencyMergedMeanwhileGoesToTheSurvivor() {
		var tenant = this.api.newOrganisation("Fusion pendant l'import");
		OrgId org = OrgId.of(tenant.orgId());
		StringBuilder csv = new StringBuilder(
				"Raison sociale;E-mail;Téléphone;Prénom;Nom du contact;Code postal;Ville\n")
			.append("Agence Zeta Unique;zeta@zeta-unique.fr;01 40 00 00 01;;;75001;Paris\n")
			.append("Agence Omega Unique;omega@omega-unique.fr;01 40 00 00 02;;;75002;Paris\n");
		for (int i = 3; i <= this.batchSize + 10; i++) {
			csv.append("Agence ").append(i).append(";contact").append(i).append("@agence.fr;;;;75010;Paris\n");
		}
		// in a later batch than the merge: a new phone and a contact of the absorbed one
		csv.append("Agence Zeta Unique;zeta@zeta-unique.fr;06 12 34 56 78;Léa;Zeta;75001;Paris\n");
		int rows = this.batchSize + 11;
		// a draft is never picked up by the poller: this test drives the worker itself
		UUID job = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("zeta.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		UUID zeta = UUID.fromString(this.prospects.idOf(tenant.token(), "zeta-unique.fr"));
		UUID omega = UUID.fromString(this.prospects.idOf(tenant.token(), "omega-unique.fr"));

		// the merge holds the agency while the import's next run, its pool loaded with
		// the agency as it was, comes to write into it: then it merges and lets go
		CompletableFuture<Boolean> rest;
		CountDownLatch locked = new CountDownLatch(1);
		// threads of their own: the common pool of a 2-core machine has one, which the
		// waiting merge would hold
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CompletableFuture<Void> merge = CompletableFuture
			.runAsync(() -> CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((status) -> {
				this.jdbc.sql("select id from agency where id = :id for update").param("id", zeta).query().listOfRows();
				locked.countDown();
				LockWaits.untilAWriterWaits(this.jdbc);
				this.merges.merge(omega, zeta, null);
			})), threads);
		LockWaits.await(locked);
		rest = CompletableFuture
			.supplyAsync(() -> CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE)), threads);
		merge.join();
		assertThat(rest.join()).isTrue();
		threads.shutdown();

		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody();
		assertThat(report).contains("\n" + rows + ",MERGED," + omega + ",");
		Map<String, Object> survivor = this.api.get(tenant.token(), "/api/v1/prospects/" + omega).getBody();
		assertThat(numbers((Map<String, Object>) survivor.get("agency"))).contains("+33612345678");
		assertThat((List<Map<String, Object>>) survivor.get("contacts")).extracting((c) -> c.get("lastName"))
			.contains("Zeta");
		// the absorbed agency stays as the merge left it, to be restored by an unmerge
		Map<String, Object> absorbed = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + zeta)
			.getBody()
			.get("agency");
		assertThat(absorbed).containsEntry("status", "MERGED");
		assertThat(numbers(absorbed)).containsExactly("+33140000001");
	}

	private static List<String> numbers(Map<String, Object> agency) {
		return ((List<Map<String, Object>>) agency.get("phones")).stream()
			.map((phone) -> (String) phone.get("number"))
			.toList();
	}

}
