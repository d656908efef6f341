package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person detaches a row from the agency an import merged it into (ADR 0092), or
 * unmerges two agencies, while that import runs: its pool still held the agencies as it
 * had loaded them, and a later row of the detached row's values went back into the agency
 * the person had taken it out of, which took its e-mail and phone again (ADR 0130).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class RowsMovedDuringImportIntegrationTests {

	private static final String HEADER = "Raison sociale;Enseigne;SIRET;E-mail;Téléphone;Code postal;Ville\n";

	private static final String LYON_7 = "Orpi Lyon 7;Orpi;54205118000066;lyon7@orpi.fr;04 78 00 00 07;69007;Lyon\n";

	private static final String LYON_3 = "Orpi Lyon 3;Orpi;54205118000066;lyon3@orpi.fr;04 78 00 00 03;69007;Lyon\n";

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

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
	void aRowOfTheValuesOfARowDetachedMeanwhileGoesToTheAgencyMadeOfIt() {
		var tenant = this.api.newOrganisation("Détacher pendant l'import");
		OrgId org = OrgId.of(tenant.orgId());
		// rows 1 and 2 share a SIRET: the second is merged into the first
		StringBuilder csv = new StringBuilder(HEADER).append(LYON_7).append(LYON_3);
		for (int i = 3; i < 2 * this.batchSize; i++) {
			csv.append("Agence ").append(i).append(";;;contact").append(i).append("@agence.fr;;75010;Paris\n");
		}
		// the second batch's last row: a phone for an agency of the first, which the test
		// holds
		csv.append("Agence 5;;;contact5@agence.fr;01 40 00 00 05;75010;Paris\n");
		for (int i = 2 * this.batchSize + 1; i < 2 * this.batchSize + 10; i++) {
			csv.append("Agence ").append(i).append(";;;contact").append(i).append("@agence.fr;;75010;Paris\n");
		}
		// in the third batch: the row a person has detached, again
		csv.append(LYON_3);
		int last = 2 * this.batchSize + 10;
		UUID job = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("orpi.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon7@orpi.fr");
		UUID agence5 = UUID.fromString(this.prospects.idOf(tenant.token(), "contact5@agence.fr"));

		// the second batch waits for Agence 5 while the run has decided the third
		// against the agencies as it loaded them; the person detaches row 2 then
		ResponseEntity<Map> detached = whileTheRunWaits(org, job, agence5, () -> this.api.post(tenant.token(),
				"/api/v1/prospects/" + lyon7 + "/sources/" + job + "/rows/2/detach", Map.of()));
		assertThat(detached.getStatusCode().value()).isEqualTo(201);
		String lyon3 = (String) detached.getBody().get("detachedId");

		Map<String, Object> done = this.api.get(tenant.token(), "/api/v1/imports/" + job).getBody();
		assertThat(done).containsEntry("status", "DONE").containsEntry("processedRows", last);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody();
		assertThat(report).contains("\n2,MERGED," + lyon3 + ",").contains("\n" + last + ",MERGED," + lyon3 + ",");
		assertThat(report.lines().skip(1)).hasSize(last);
		Map<String, Object> left = agency(tenant.token(), lyon7);
		assertThat((List<String>) left.get("emails")).containsExactly("lyon7@orpi.fr");
		assertThat(numbers(left)).containsExactly("+33478000007");
		assertThat((List<String>) agency(tenant.token(), lyon3).get("emails")).containsExactly("lyon3@orpi.fr");
		assertThat(numbers(agency(tenant.token(), agence5.toString()))).containsExactly("+33140000005");
		// one agency a row: nothing created twice
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=orpi&sort=name"))
			.containsExactly("Orpi Lyon 3", "Orpi Lyon 7");
		assertThat(((Number) this.api.get(tenant.token(), "/api/v1/prospects").getBody().get("total")).intValue())
			.isEqualTo(2 * this.batchSize + 8);
	}

	@Test
	void aRowOfAnAgencyUnmergedMeanwhileGoesToThatAgency() {
		var tenant = this.api.newOrganisation("Défusionner pendant l'import");
		OrgId org = OrgId.of(tenant.orgId());
		this.prospects.importAndWait(tenant.token(), "deux.csv",
				HEADER + LYON_7 + "Orpi Lyon 3;Orpi;;lyon3@orpi.fr;04 78 00 00 03;69003;Lyon\n");
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon7@orpi.fr");
		String lyon3 = this.prospects.idOf(tenant.token(), "lyon3@orpi.fr");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + lyon7 + "/merge", Map.of("otherId", lyon3))
			.getStatusCode()
			.value()).isEqualTo(200);
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i < 2 * this.batchSize; i++) {
			csv.append("Agence ").append(i).append(";;;contact").append(i).append("@agence.fr;;75010;Paris\n");
		}
		csv.append("Agence 5;;;contact5@agence.fr;01 40 00 00 05;75010;Paris\n");
		for (int i = 2 * this.batchSize + 1; i < 2 * this.batchSize + 10; i++) {
			csv.append("Agence ").append(i).append(";;;contact").append(i).append("@agence.fr;;75010;Paris\n");
		}
		// in the third batch: a row of the agency the person brings back
		csv.append("Orpi Lyon 3;Orpi;;lyon3@orpi.fr;;69003;Lyon\n");
		int last = 2 * this.batchSize + 10;
		UUID job = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("suite.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		UUID agence5 = UUID.fromString(this.prospects.idOf(tenant.token(), "contact5@agence.fr"));

		ResponseEntity<Map> unmerged = whileTheRunWaits(org, job, agence5,
				() -> this.api.post(tenant.token(), "/api/v1/prospects/" + lyon7 + "/unmerge", Map.of()));
		assertThat(unmerged.getStatusCode().value()).isEqualTo(200);

		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody();
		assertThat(report).contains("\n" + last + ",MERGED," + lyon3 + ",");
		assertThat((List<String>) agency(tenant.token(), lyon7).get("emails")).containsExactly("lyon7@orpi.fr");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=orpi&sort=name"))
			.containsExactly("Orpi Lyon 3", "Orpi Lyon 7");
	}

	/**
	 * Runs the rest of the import while the test holds {@code held}, an agency its second
	 * batch fills: that batch waits for it, the third decided against the agencies as the
	 * run loaded them. Then a person acts, and the run goes on. Returns the person's
	 * answer; the run must end DONE.
	 */
	private ResponseEntity<Map> whileTheRunWaits(OrgId org, UUID job, UUID held, Supplier<ResponseEntity<Map>> person) {
		ExecutorService threads = Executors.newFixedThreadPool(3);
		CountDownLatch locked = new CountDownLatch(1);
		CompletableFuture<ResponseEntity<Map>> answer = new CompletableFuture<>();
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((status) -> {
				this.jdbc.sql("select id from agency where id = :id for update").param("id", held).query().listOfRows();
				locked.countDown();
				LockWaits.untilAWriterWaits(this.jdbc);
				CompletableFuture.supplyAsync(person, threads).whenComplete((response, failure) -> {
					if (failure != null) {
						answer.completeExceptionally(failure);
					}
					else {
						answer.complete(response);
					}
				});
				untilDoneOrWaiting(answer);
			})), threads);
		LockWaits.await(locked);
		CompletableFuture<Boolean> rest = CompletableFuture
			.supplyAsync(() -> CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE)), threads);
		holder.join();
		assertThat(rest.join()).isTrue();
		threads.shutdown();
		return answer.join();
	}

	/**
	 * Until the detachment is answered, or waits for a lock (the batch being written
	 * holds its import's job), as a second transaction besides the batch's.
	 */
	private void untilDoneOrWaiting(CompletableFuture<?> detached) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!detached.isDone()
				&& this.jdbc.sql("select count(*) from pg_locks where not granted").query(Integer.class).single() < 2) {
			assertThat(Instant.now()).as("the detachment came").isBefore(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private Map<String, Object> agency(String token, String id) {
		return (Map<String, Object>) this.api.get(token, "/api/v1/prospects/" + id).getBody().get("agency");
	}

	private static List<String> numbers(Map<String, Object> agency) {
		return ((List<Map<String, Object>>) agency.get("phones")).stream()
			.map((phone) -> (String) phone.get("number"))
			.toList();
	}

}
