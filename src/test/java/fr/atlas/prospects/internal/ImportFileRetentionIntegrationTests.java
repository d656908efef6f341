package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uploaded file of an ended import is deleted once its retention has passed; the
 * files of imports still to run, and their rows, are never touched.
 */
@WebIntegrationTest
class ImportFileRetentionIntegrationTests {

	private static final String CSV = "Raison sociale;E-mail;Code postal\nAgence de la Gare;gare@exemple.fr;75008\n";

	@Autowired
	TenantSql sql;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	ImportFileRetention retention;

	@Autowired
	ApiClient api;

	@Test
	void deletesTheFilesOfEndedImportsOnlyOnceTheirRetentionHasPassed() {
		ApiClient.Tenant owner = this.api.newOrganisation("Rétention terminée");
		OrgId ended = OrgId.of(owner.orgId());
		UUID done = draft(ended, CSV);
		CurrentTenant.runAs(ended, () -> this.worker.run(done, Integer.MAX_VALUE));
		OrgId waiting = OrgId.of(this.api.newOrganisation("Rétention en attente").orgId());
		UUID draft = draft(waiting, CSV.replace("Gare", "Poste"));

		// ended a moment ago: still within any retention
		this.retention.purge(Instant.now().minus(Duration.ofDays(1)));
		assertThat(chunks(ended, done)).isPositive();

		this.retention.purge(Instant.now().plus(Duration.ofMinutes(1)));
		assertThat(chunks(ended, done)).isZero();
		assertThat(count(ended, "select count(*) from import_job where file_deleted_at is not null")).isOne();
		// the outcome of every row and its verbatim copy stay
		assertThat(this.sql.as(ended, StoredRowLines::of)
			.stream()
			.filter((line) -> StoredRowLines.column(line, 6).startsWith("Agence de la Gare;"))).hasSize(1);
		// a draft's file is still needed, whatever its age
		assertThat(chunks(waiting, draft)).isPositive();
	}

	/**
	 * More files ended than one pass handles (200): a run goes on until none is left. One
	 * pass an hour fell behind, and this test's own import was left when others had ended
	 * before it.
	 */
	@Test
	void aRunDeletesMoreFilesThanOnePassHandles() {
		OrgId org = OrgId.of(this.api.newOrganisation("Rétention nombreuse").orgId());
		List<UUID> ended = new ArrayList<>();
		for (int i = 0; i < 201; i++) {
			UUID job = draft(org, CSV.replace("Gare", "Gare " + i));
			CurrentTenant.runAs(org, () -> this.worker.run(job, Integer.MAX_VALUE));
			ended.add(job);
		}
		this.retention.purge(Instant.now().plus(Duration.ofMinutes(1)));
		assertThat(count(org, "select count(*) from import_job where file_deleted_at is null")).isZero();
		assertThat(chunks(org, ended.get(200))).isZero();
	}

	/**
	 * A file sent to the wizard and never imported kept its draft and file for good: one
	 * left longer than the drafts' retention is discarded, audited, and nothing else.
	 */
	@Test
	void discardsDraftsNeverStartedOnceTheirRetentionHasPassed() {
		ApiClient.Tenant owner = this.api.newOrganisation("Brouillons oubliés");
		OrgId org = OrgId.of(owner.orgId());
		UUID forgotten = draft(org, CSV);
		UUID recent = draft(org, CSV.replace("Gare", "Poste"));
		UUID done = draft(org, CSV.replace("Gare", "Mairie"));
		CurrentTenant.runAs(org, () -> this.worker.run(done, Integer.MAX_VALUE));
		this.sql.as(org,
				(jdbc) -> jdbc.sql("update import_job set created_at = now() - interval '8 days' where id in (:ids)")
					.param("ids", List.of(forgotten, done))
					.update());

		assertThat(this.retention.discardAbandoned(Instant.now().minus(Duration.ofDays(7)))).isOne();

		assertThat(count(org, "select count(*) from import_job where id = '" + forgotten + "'")).isZero();
		assertThat(chunks(org, forgotten)).isZero();
		assertThat(count(org, "select count(*) from import_job where status = 'DRAFT'")).isOne();
		assertThat(chunks(org, recent)).isPositive();
		assertThat(count(org, "select count(*) from import_job where status = 'DONE'")).isOne();
		List<String> audited = this.sql.as(org,
				(jdbc) -> jdbc.sql("select action from audit_entry where entity_id = :id")
					.param("id", forgotten.toString())
					.query(String.class)
					.list());
		// its upload (ADR 0130) and its discard
		assertThat(audited).containsExactlyInAnyOrder("import.uploaded", "import.discarded");
		// nothing left to discard: a second run finds nothing
		assertThat(this.retention.discardAbandoned(Instant.now().minus(Duration.ofDays(7)))).isZero();
	}

	private UUID draft(OrgId org, String content) {
		return CurrentTenant.callAs(org,
				() -> this.imports
					.submit("retention.csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
	}

	private long chunks(OrgId org, UUID job) {
		return this.sql.as(org,
				(jdbc) -> jdbc.sql("select count(*) from import_file_chunk where job_id = :job")
					.param("job", job)
					.query(Long.class)
					.single());
	}

	private long count(OrgId org, String sql) {
		return this.sql.count(org, sql);
	}

}
