package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row outcomes are stored compressed (ADR 0020), and the chunks stored as text before
 * that are read the same way.
 */
@WebIntegrationTest
class RecordedRowsIntegrationTests {

	private static final String CSV = """
			Raison sociale;E-mail;Code postal
			Agence de la Gare;gare@exemple.fr;75008
			Cabinet Martin Immobilier;martin@exemple.fr;69003
			Agence de la Gare;GARE@exemple.fr;75008
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	RecordedRows recorded;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApiClient api;

	@Test
	void readsCompressedChunksAndChunksStoredAsTextAlike() {
		OrgId org = OrgId.of(this.api.newOrganisation("Lignes compressées").orgId());
		UUID job = imported(org, CSV);
		assertThat(count(org, "select count(*) from import_row_chunk where packed is not null and rows is null"))
			.isOne();
		List<RecordedRows.RecordedRow> compressed = rows(org, job);
		assertThat(compressed).extracting(RecordedRows.RecordedRow::status)
			.containsExactly("CREATED", "CREATED", "MERGED");
		assertThat(compressed.get(2).original()).isEqualTo("Agence de la Gare;GARE@exemple.fr;75008");
		UUID gare = compressed.get(0).prospectId();
		List<RecordedRows.AgencyRow> gareRows = CurrentTenant.callAs(org,
				() -> this.tx.execute((s) -> this.recorded.of(gare)));

		// the same chunk as an earlier version stored it: its text, uncompressed
		String text = this.sql.as(org,
				(jdbc) -> jdbc.sql("select rows, packed from import_row_chunk where job_id = :job")
					.param("job", job)
					.query((rs, n) -> RecordedRows.text(rs))
					.single());
		this.sql.as(org,
				(jdbc) -> jdbc.sql("update import_row_chunk set rows = :text, packed = null where job_id = :job")
					.param("text", text)
					.param("job", job)
					.update());

		assertThat(rows(org, job)).isEqualTo(compressed);
		List<RecordedRows.AgencyRow> fromText = CurrentTenant.callAs(org,
				() -> this.tx.execute((s) -> this.recorded.of(gare)));
		assertThat(fromText).isEqualTo(gareRows).hasSize(2);
		// a chunk holds its rows one way, never both nor neither
		assertThatThrownBy(() -> this.sql.as(org,
				(jdbc) -> jdbc.sql("update import_row_chunk set packed = '\\x00' where job_id = :job")
					.param("job", job)
					.update()))
			.hasMessageContaining("import_row_chunk_rows_or_packed");
	}

	@Test
	void keepsARowOfHalfAMegabyteWhole() {
		String address = "12 rue de la Gare ".repeat(30_000);
		String csv = "Raison sociale;E-mail;Code postal;Adresse\nAgence Longue;longue@exemple.fr;75008;" + address
				+ "\n";
		OrgId org = OrgId.of(this.api.newOrganisation("Ligne longue").orgId());
		UUID job = imported(org, csv);

		assertThat(rows(org, job)).singleElement().satisfies((row) -> {
			assertThat(row.status()).isEqualTo("CREATED");
			assertThat(row.original()).isEqualTo("Agence Longue;longue@exemple.fr;75008;" + address);
		});
	}

	/** Uploads a CSV file and imports it to the end; returns the job. */
	private UUID imported(OrgId org, String csv) {
		UUID job = CurrentTenant.callAs(org, () -> this.imports
			.submit("lignes.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of(), null, false)
			.job()
			.id());
		CurrentTenant.runAs(org, () -> this.worker.run(job, Integer.MAX_VALUE));
		return job;
	}

	private List<RecordedRows.RecordedRow> rows(OrgId org, UUID job) {
		List<RecordedRows.RecordedRow> rows = new ArrayList<>();
		CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((s) -> this.recorded.forEach(job, rows::add)));
		return rows;
	}

	private long count(OrgId org, String sql) {
		return this.sql.count(org, sql);
	}

}
