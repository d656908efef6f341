package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An uploaded file is stored in LZ4-compressed chunks (ADR 0020) and read back byte for
 * byte, as are the uncompressed chunks stored before.
 */
@WebIntegrationTest
class StoredFileIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	@Test
	void readsBackTheUploadedBytesFromCompressedAndUncompressedChunks() throws IOException {
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail;Code postal;Ville\n");
		for (int i = 1; csv.length() < 3 * ImportJobs.CHUNK; i++) {
			csv.append("Agence Étoile n°").append(i).append(";contact").append(i).append("@etoile.fr;75008;Paris\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		OrgId org = OrgId.of(this.api.newOrganisation("Fichier compressé").orgId());
		UUID job = CurrentTenant.callAs(org,
				() -> this.imports.submit("etoile.csv", new ByteArrayInputStream(file), Map.of(), null, false)
					.job()
					.id());

		assertThat(count(org, "select count(*) from import_file_chunk where lz4")).isEqualTo(4);
		assertThat(count(org, "select sum(length(data)) from import_file_chunk")).isLessThan(file.length / 3);
		assertThat(read(org, job)).isEqualTo(file);

		// the chunks as an earlier version stored them: the bytes themselves
		CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((s) -> {
			for (int seq = 0; seq < 4; seq++) {
				this.jdbc
					.sql("update import_file_chunk set data = :data, lz4 = false where job_id = :job and seq = :seq")
					.param("data", this.jobs.chunk(job, seq))
					.param("job", job)
					.param("seq", seq)
					.update();
			}
		}));
		assertThat(count(org, "select count(*) from import_file_chunk where lz4")).isZero();
		assertThat(read(org, job)).isEqualTo(file);
	}

	private byte[] read(OrgId org, UUID job) {
		return CurrentTenant.callAs(org, () -> {
			try (InputStream in = new StoredFileStream(this.jobs, this.tx, job)) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private long count(OrgId org, String sql) {
		return this.sql.count(org, sql);
	}

}
