package fr.atlas.prospects.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Imports generated messy files end to end (HTTP upload to DONE, deduplication included)
 * and prints pairwise precision and recall against the ground truth, and the time of a
 * raw {@code COPY} of the same file into an unindexed text table of the same database.
 * Run with: {@code ./mvnw -o test -Dtest=ProspectImportBenchmark -Datlas.bench=true
 * -Datlas.bench.sizes=10000,100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@WebIntegrationTest
@EnabledIfSystemProperty(named = "atlas.bench", matches = "true")
class ProspectImportBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void measuresQualityAndSpeed() throws Exception {
		ApiClient api = new ApiClient(this.port);
		StringBuilder report = new StringBuilder(
				"| rows | import (upload→DONE) | rows/s | raw COPY | ratio | precision | recall | rejected ok |\n"
						+ "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String size : System.getProperty("atlas.bench.sizes", "10000,100000").split(",")) {
			int rows = Integer.parseInt(size.strip());
			MessyAgencyFiles.Generated file = new MessyAgencyFiles(42).generate(rows);
			byte[] bytes = file.csv().getBytes(StandardCharsets.UTF_8);
			var tenant = api.newOrganisation("Bench " + rows);

			Instant start = Instant.now();
			Map<String, Object> accepted = upload(api, tenant.token(), bytes);
			String id = (String) accepted.get("id");
			Map<String, Object> status;
			do {
				Thread.sleep(100);
				status = api.get(tenant.token(), "/api/v1/imports/" + id).getBody();
			}
			while (!List.of("DONE", "FAILED", "CANCELLED").contains(status.get("status")));
			Duration imported = Duration.between(start, Instant.now());

			Duration copy = copy(file.csv());
			String csv = api.getText(tenant.token(), "/api/v1/imports/" + id + "/rows").getBody();
			Quality quality = quality(file.entities(), csv);
			printWrongMerges(file, csv, 8);
			String line = String.format(Locale.ROOT, "| %d | %.2f s | %.0f | %.3f s | %.1f× | %.4f | %.4f | %s |",
					file.entities().length, seconds(imported), file.entities().length / seconds(imported),
					seconds(copy), seconds(imported) / seconds(copy), quality.precision(), quality.recall(),
					quality.rejectedRight());
			System.out.println("BENCH " + status + "\nBENCH " + line);
			report.append(line).append('\n');
		}
		Files.writeString(Path.of("target", "prospects-bench.md"), report.toString());
		System.out.println("BENCH\n" + report);
	}

	private Map<String, Object> upload(ApiClient api, String token, byte[] bytes) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return "bench.csv";
			}
		});
		return api.raw()
			.post()
			.uri("/api/v1/imports")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.body(Map.class);
	}

	/**
	 * The same file through pgJDBC's CopyManager into an unindexed table of text columns.
	 */
	private Duration copy(String csv) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temp table if not exists bench_raw (c1 text, c2 text, c3 text, c4 text, "
						+ "c5 text, c6 text, c7 text, c8 text, c9 text, c10 text)");
				statement.execute("truncate bench_raw");
			}
			Instant start = Instant.now();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_raw from stdin with (format csv, delimiter ';', header true)",
						new StringReader(csv));
			Duration took = Duration.between(start, Instant.now());
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table bench_raw");
			}
			return took;
		}
	}

	/**
	 * Pairwise precision and recall over the rows that belong to an agency: a pair is
	 * predicted when both rows ended in the same prospect, true when both come from the
	 * same generated agency.
	 */
	static Quality quality(int[] entities, String reportCsv) {
		List<String> lines = reportCsv.lines().skip(1).toList();
		Map<Integer, Integer> perEntity = new HashMap<>();
		Map<String, Integer> perProspect = new HashMap<>();
		Map<String, Integer> perCell = new HashMap<>();
		int rejectedRight = 0;
		int mustReject = 0;
		for (String line : lines) {
			String[] cells = line.split(",", -1);
			int row = Integer.parseInt(cells[0]);
			int entity = entities[row - 1];
			String prospect = cells[2].isEmpty() ? "rejected-" + row : cells[2];
			if (entity < 0) {
				mustReject++;
				rejectedRight += cells[1].equals("REJECTED") ? 1 : 0;
				continue;
			}
			perEntity.merge(entity, 1, Integer::sum);
			perProspect.merge(prospect, 1, Integer::sum);
			perCell.merge(entity + "|" + prospect, 1, Integer::sum);
		}
		long truePairs = perEntity.values().stream().mapToLong(ProspectImportBenchmark::pairs).sum();
		long predicted = perProspect.values().stream().mapToLong(ProspectImportBenchmark::pairs).sum();
		long right = perCell.values().stream().mapToLong(ProspectImportBenchmark::pairs).sum();
		return new Quality((predicted == 0) ? 1.0 : (double) right / predicted,
				(truePairs == 0) ? 1.0 : (double) right / truePairs, rejectedRight + "/" + mustReject);
	}

	/** Shows a few prospects that hold rows of different generated agencies. */
	static void printWrongMerges(MessyAgencyFiles.Generated file, String reportCsv, int limit) {
		List<String> rows = file.csv().lines().skip(1).toList();
		Map<String, List<Integer>> byProspect = new HashMap<>();
		for (String line : reportCsv.lines().skip(1).toList()) {
			String[] cells = line.split(",", -1);
			if (!cells[2].isEmpty()) {
				byProspect.computeIfAbsent(cells[2], (k) -> new java.util.ArrayList<>())
					.add(Integer.parseInt(cells[0]));
			}
		}
		int shown = 0;
		for (List<Integer> group : byProspect.values()) {
			if (group.stream().map((r) -> file.entities()[r - 1]).distinct().count() > 1 && shown++ < limit) {
				System.out.println("BENCH wrong merge:");
				group.forEach((r) -> System.out.println("BENCH   " + file.entities()[r - 1] + " | " + rows.get(r - 1)));
			}
		}
	}

	private static long pairs(int n) {
		return (long) n * (n - 1) / 2;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	record Quality(double precision, double recall, String rejectedRight) {
	}

}
