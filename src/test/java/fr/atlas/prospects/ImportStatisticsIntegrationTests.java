package fr.atlas.prospects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fr.atlas.platform.geo.FrenchGeography;
import fr.atlas.prospects.bench.MessyAgencyFiles;
import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import that creates many agencies refreshes the planner's statistics as soon as it
 * has created 500 and again before it says DONE (V4_19, ADR 0023), so neither the rest of
 * the import nor the organisation's lists and counts are planned as if it had none; a
 * small one leaves that to autovacuum.
 */
@WebIntegrationTest
class ImportStatisticsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	@Test
	void aLargeImportRefreshesTheStatisticsAndASmallOneDoesNot() throws Exception {
		var tenant = this.api.newOrganisation("Statistiques");

		long before = manualAnalyses();
		this.prospects.importAndWait(tenant.token(), "petit.csv", ProspectEditApiIntegrationTests.FILE);
		assertThat(manualAnalyses()).isEqualTo(before);

		Path csv = this.files.resolve("agences.csv");
		new MessyAgencyFiles(new FrenchGeography()).write(csv, null, 1_500, 11);
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "agences.csv", Files.readString(csv));
		assertThat(done).containsEntry("status", "DONE");
		assertThat((Integer) done.get("created")).isGreaterThanOrEqualTo(500);
		// once as soon as the run had created 500 agencies, once before it said DONE
		assertThat(manualAnalyses()).isGreaterThanOrEqualTo(before + 2);
	}

	/** ANALYZE runs on the agency table, autovacuum's left out. */
	private long manualAnalyses() {
		return this.jdbc.sql("select analyze_count from pg_stat_user_tables where relname = 'agency'")
			.query(Long.class)
			.single();
	}

}
