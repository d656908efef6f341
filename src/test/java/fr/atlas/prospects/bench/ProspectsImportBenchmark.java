package fr.atlas.prospects.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import fr.atlas.platform.geo.FrenchGeography;
import fr.atlas.support.ApiClient;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The prospects import benchmark of issue 4, through the public API only: for each size
 * it writes a messy file with {@link MessyAgencyFiles}, uploads it to a new organisation,
 * waits for DONE, then times a raw {@code COPY} of the same file into an unindexed text
 * table of the same database, and scores the deduplication against the ground truth with
 * pairwise precision and recall over the rows that were not rejected.
 *
 * <p>
 * Excluded from the normal build; run with {@code ./mvnw -Pbench test} (see
 * {@code docs/bench/prospects-import.md}). Properties: {@code bench.sizes} (default
 * {@code 10000,100000}), {@code bench.million=true} to add 1,000,000 rows,
 * {@code bench.seed}, {@code bench.heap} (the forked JVM's -Xmx, 512m by default).
 */
@Tag("bench")
@WebIntegrationTest
class ProspectsImportBenchmark {

	private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|-?\\d+|null)");

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void importsMessyAgencyFiles() throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String size : System.getProperty("bench.sizes", "10000,100000").split(",")) {
			sizes.add(Integer.parseInt(size.strip()));
		}
		if (Boolean.getBoolean("bench.million")) {
			sizes.add(1_000_000);
		}
		long seed = Long.getLong("bench.seed", 20261123L);
		Path directory = Path.of("target", "bench");
		Files.createDirectories(directory);
		MessyAgencyFiles generator = new MessyAgencyFiles(new FrenchGeography());
		ApiClient api = new ApiClient(this.port);
		List<Result> results = new ArrayList<>();
		StringBuilder details = new StringBuilder();
		for (int size : sizes) {
			Path csv = directory.resolve("agencies-" + size + ".csv");
			Path truth = directory.resolve("agencies-" + size + "-truth.csv");
			long generating = System.nanoTime();
			MessyAgencyFiles.Generated file = generator.write(csv, truth, size, seed);
			log("generated %,d rows of %,d true agencies in %.1f s (%,d bytes)", size, file.agencies(),
					seconds(System.nanoTime() - generating), Files.size(csv));
			ApiClient.Tenant tenant = api.newOrganisation("Bench " + size);
			String token = tenant.token();

			Profile profile = new Profile(postmaster(), () -> new DatabaseRoles(this.environment).app());
			profile.start();
			long start = System.nanoTime();
			String id = upload(token, csv);
			double uploaded = seconds(System.nanoTime() - start);
			Map<String, String> status = waitUntilFinished(token, id, size);
			double importSeconds = seconds(System.nanoTime() - start);
			profile.stop(directory, "import-" + size);
			log("import %s: %s in %.1f s (upload %.1f s) %s", id, status.get("status"), importSeconds, uploaded,
					status);
			long peakHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

			double copySeconds = copy(csv, size);
			log("COPY of the same file: %.2f s", copySeconds);
			log("stored content: %s", storedContent(tenant.orgId()));

			Report report = report(token, id, file);
			Score score = Score.of(file.truth(), report);
			Result result = new Result(size, file.agencies(), importSeconds, copySeconds, status, score);
			results.add(result);
			details.append("\n## ").append(String.format(Locale.ROOT, "%,d rows", size)).append("\n\n");
			details.append(result.describe()).append('\n');
			details.append(falseMergeKinds(file, report));
			details.append(examples(csv, file.truth(), report, score));
			details.append(profile.summary());
			log("%s", result.describe());
			if (size <= Integer.getInteger("bench.again-up-to", 100_000)) {
				details.append(again(token, csv, size)).append('\n');
			}
			System.gc();
			log("heap used after import: %,d MB (max %,d MB)", peakHeap / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		String table = table(results);
		String output = "# Prospects import benchmark, " + Instant.now() + "\n\n" + table + details;
		Files.writeString(directory.resolve("results.md"), output, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(output);
	}

	/**
	 * The same rows imported again, in another file (its lines ending as on Windows):
	 * nothing may be created (ADR 0116).
	 */
	private String again(String token, Path csv, int size) throws Exception {
		Path windows = csv.resolveSibling(csv.getFileName().toString().replace(".csv", "-crlf.csv"));
		try (var lines = Files.lines(csv, StandardCharsets.UTF_8);
				var out = Files.newBufferedWriter(windows, StandardCharsets.UTF_8)) {
			for (String line : (Iterable<String>) lines::iterator) {
				out.write(line);
				out.write("\r\n");
			}
		}
		long start = System.nanoTime();
		String id = upload(token, windows);
		Map<String, String> status = waitUntilFinished(token, id, size);
		String line = String.format(Locale.ROOT,
				"The same rows again, lines ending in CR LF: %s in %.1f s, created %s, merged %s, rejected %s.",
				status.get("status"), seconds(System.nanoTime() - start), status.get("created"), status.get("merged"),
				status.get("rejected"));
		log("%s", line);
		return line + "\n";
	}

	private String upload(String token, Path csv) throws IOException, InterruptedException {
		return json(FileUpload.send(this.http, uri("/api/v1/imports"), token, csv)).get("id");
	}

	private Map<String, String> waitUntilFinished(String token, String id, int size) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60 + size / 200).toNanos();
		long started = System.nanoTime();
		long lastLog = started;
		while (true) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/imports/" + id))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> status = json(response.body());
			String state = status.get("status");
			if (!"QUEUED".equals(state) && !"RUNNING".equals(state)) {
				return status;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("import " + id + " still " + status + " at the deadline");
			}
			if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
				Runtime runtime = Runtime.getRuntime();
				log("  %s %s/%s rows, heap used %,d MB", state, status.get("processedRows"), status.get("totalRows"),
						(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
				lastLog = System.nanoTime();
			}
			// finely at first, so the measure is the import's time rather than the
			// poll's, then
			// within the organisation's API budget (1,200 requests a minute)
			Thread.sleep(System.nanoTime() - started < Duration.ofSeconds(10).toNanos() ? 40 : 250);
		}
	}

	/**
	 * The PostgreSQL server's process id: the {@code postgres} process listening on the
	 * datasource's port (from its command line), or 0.
	 */
	private long postmaster() {
		Matcher port = Pattern.compile("//[^:/]+:(\\d+)/")
			.matcher(this.environment.getRequiredProperty("spring.datasource.url"));
		if (!port.find()) {
			return 0;
		}
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.toList()) {
				try {
					String[] args = Files.readString(process.resolve("cmdline")).split("\0");
					if (args.length > 0 && args[0].endsWith("/postgres")
							&& String.join(" ", args).contains("-p " + port.group(1))) {
						return Long.parseLong(process.getFileName().toString());
					}
				}
				catch (IOException | RuntimeException ex) {
					// not a process, or it ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			// no /proc
		}
		log("cannot find the PostgreSQL server process: its CPU time is not measured");
		return 0;
	}

	/**
	 * Digests of what the import stored, ids and times left out: two runs that decide and
	 * fill the same way print the same, whatever changed in how they write.
	 */
	private String storedContent(UUID org) throws Exception {
		try (Connection connection = new DatabaseRoles(this.environment).owner();
				Statement statement = connection.createStatement()) {
			statement.execute("select set_config('app.org_id', '" + org + "', false)");
			try (ResultSet rs = statement.executeQuery(
					"""
							select (select count(*) || ' agencies ' || md5(string_agg(x, E'\n' order by x)) from (select
							   concat_ws('|', name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key,
							     department, website_domain, emails::text, phones::text, specialty, listing_count, revenue_cents,
							     headcount_band, tags::text, status, source, version) x from agency where org_id = current_setting('app.org_id')::uuid) a),
							  (select count(*) || ' contacts ' || md5(string_agg(x, E'\n' order by x)) from (select
							   concat_ws('|', first_name, last_name, role, emails::text, phones::text, linkedin) x from contact where org_id = current_setting('app.org_id')::uuid) c),
							  (select count(*) || ' possible duplicates' from duplicate_candidate
							 where org_id = current_setting('app.org_id')::uuid)""")) {
				rs.next();
				return rs.getString(1) + ", " + rs.getString(2) + ", " + rs.getString(3);
			}
		}
	}

	/**
	 * A raw COPY of the same file into an unindexed table of text columns: the median of
	 * three, each into a new table, since one COPY of a few tenths of a second varies by
	 * a third from run to run on these machines.
	 */
	private double copy(Path csv, int size) throws Exception {
		double[] runs = new double[3];
		for (int run = 0; run < runs.length; run++) {
			runs[run] = copyOnce(csv, size);
		}
		log("COPY runs: %.3f s, %.3f s, %.3f s", runs[0], runs[1], runs[2]);
		Arrays.sort(runs);
		return runs[1];
	}

	private double copyOnce(Path csv, int size) throws Exception {
		String table = "bench_copy_" + size;
		try (Connection connection = new DatabaseRoles(this.environment).owner()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists " + table);
				statement.execute("create table " + table
						+ " (name text, siret text, email text, phone text, address text, postcode text, city text, website text)");
			}
			long start = System.nanoTime();
			long copied;
			try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
				copied = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + table + " from stdin with (format csv, delimiter ';', header true)", reader);
			}
			double seconds = seconds(System.nanoTime() - start);
			if (copied != size) {
				throw new IllegalStateException("COPY loaded " + copied + " rows, not " + size);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table " + table);
			}
			return seconds;
		}
	}

	/**
	 * The row report, streamed: the prospect (as a small number) of each row, -1 if
	 * rejected.
	 */
	private Report report(String token, String id, MessyAgencyFiles.Generated file) throws Exception {
		HttpResponse<InputStream> response = this.http
			.send(HttpRequest.newBuilder(uri("/api/v1/imports/" + id + "/rows"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		int[] prospects = new int[file.rows()];
		Arrays.fill(prospects, Integer.MIN_VALUE);
		Map<String, Integer> numbers = new HashMap<>();
		Map<String, Integer> messageCounts = new TreeMap<>();
		String[] messages = new String[file.rows()];
		// kept next to the file and its truth for later analysis
		Path saved = file.csv().resolveSibling(file.csv().getFileName().toString().replace(".csv", "-report.csv"));
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
				Writer copy = Files.newBufferedWriter(saved, StandardCharsets.UTF_8)) {
			String header = reader.readLine();
			copy.write(header + "\n");
			if (!"row,status,prospect_id,messages".equals(header)) {
				throw new IllegalStateException("unexpected report header " + header);
			}
			String line;
			while ((line = reader.readLine()) != null) {
				copy.write(line);
				copy.write('\n');
				String[] cells = line.split(",", 4);
				int row = Integer.parseInt(cells[0]);
				String messageList = (cells.length > 3) ? cells[3].replace("\"", "") : "";
				if ("REJECTED".equals(cells[1])) {
					prospects[row - 1] = -1;
				}
				else {
					prospects[row - 1] = numbers.computeIfAbsent(UUID.fromString(cells[2]).toString(),
							(k) -> numbers.size());
				}
				if (!messageList.isEmpty()) {
					messages[row - 1] = messageList;
					for (String message : messageList.split("\\|")) {
						messageCounts.merge(message, 1, Integer::sum);
					}
				}
			}
		}
		for (int row = 0; row < prospects.length; row++) {
			if (prospects[row] == Integer.MIN_VALUE) {
				throw new IllegalStateException("row " + (row + 1) + " is missing from the report");
			}
		}
		return new Report(prospects, numbers.size(), messages, messageCounts);
	}

	/**
	 * False-merge pairs by kind (agencies of two different networks, of one network, a
	 * network agency and an independent, two independents), and missed pairs that involve
	 * a prospect holding several true agencies (fallout of a false merge).
	 */
	private static String falseMergeKinds(MessyAgencyFiles.Generated file, Report report) {
		int[] truth = file.truth();
		Map<Integer, Map<Integer, Integer>> byProspect = new HashMap<>();
		for (int row = 0; row < truth.length; row++) {
			if (report.prospects()[row] >= 0) {
				int agency = (truth[row] >= 0) ? truth[row] : -1 - row;
				byProspect.computeIfAbsent(report.prospects()[row], (k) -> new HashMap<>())
					.merge(agency, 1, Integer::sum);
			}
		}
		Map<String, Long> kinds = new TreeMap<>();
		Set<Integer> mixed = new HashSet<>();
		byProspect.forEach((prospect, agencies) -> {
			if (agencies.size() < 2) {
				return;
			}
			mixed.add(prospect);
			List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(agencies.entrySet());
			for (int i = 0; i < entries.size(); i++) {
				for (int j = i + 1; j < entries.size(); j++) {
					String kind = kind(file, entries.get(i).getKey(), entries.get(j).getKey());
					kinds.merge(kind, (long) entries.get(i).getValue() * entries.get(j).getValue(), Long::sum);
				}
			}
		});
		Map<Integer, List<Integer>> byAgency = new HashMap<>();
		for (int row = 0; row < truth.length; row++) {
			if (report.prospects()[row] >= 0 && truth[row] >= 0) {
				byAgency.computeIfAbsent(truth[row], (k) -> new ArrayList<>()).add(report.prospects()[row]);
			}
		}
		long missed = 0;
		long missedInMixed = 0;
		for (List<Integer> prospects : byAgency.values()) {
			for (int i = 0; i < prospects.size(); i++) {
				for (int j = i + 1; j < prospects.size(); j++) {
					if (!prospects.get(i).equals(prospects.get(j))) {
						missed++;
						if (mixed.contains(prospects.get(i)) || mixed.contains(prospects.get(j))) {
							missedInMixed++;
						}
					}
				}
			}
		}
		return String.format(Locale.ROOT,
				"False-merge pairs by kind: %s%n%nMissed pairs: %,d, of which %,d have a row in a prospect holding "
						+ "several true agencies (fallout of a false merge).%n%n",
				kinds, missed, missedInMixed);
	}

	private static String kind(MessyAgencyFiles.Generated file, int a, int b) {
		if (a < 0 || b < 0) {
			return "a row that identifies nothing";
		}
		String networkA = file.network(a);
		String networkB = file.network(b);
		if (networkA != null && networkB != null) {
			return networkA.equals(networkB) ? "two agencies of one network" : "agencies of two different networks";
		}
		return (networkA != null || networkB != null) ? "a network agency and an independent"
				: "two independent agencies";
	}

	/**
	 * Example rows behind the score: false merges, missed duplicates, wrong rejections.
	 */
	private static String examples(Path csv, int[] truth, Report report, Score score) throws IOException {
		int limit = Integer.getInteger("bench.examples", 15);
		// prospects holding rows of several true agencies
		Map<Integer, List<Integer>> byProspect = new HashMap<>();
		Map<Integer, List<Integer>> byAgency = new HashMap<>();
		for (int row = 0; row < truth.length; row++) {
			if (report.prospects()[row] >= 0) {
				byProspect.computeIfAbsent(report.prospects()[row], (k) -> new ArrayList<>()).add(row);
				if (truth[row] >= 0) {
					byAgency.computeIfAbsent(truth[row], (k) -> new ArrayList<>()).add(row);
				}
			}
		}
		List<List<Integer>> falseMerges = byProspect.values()
			.stream()
			.filter((rows) -> rows.stream().map((row) -> truth[row]).distinct().count() > 1
					|| rows.stream().anyMatch((row) -> truth[row] < 0) && rows.size() > 1)
			.limit(limit)
			.toList();
		List<List<Integer>> missed = byAgency.values()
			.stream()
			.filter((rows) -> rows.stream().map((row) -> report.prospects()[row]).distinct().count() > 1)
			.limit(limit)
			.toList();
		List<Integer> wronglyRejected = new ArrayList<>();
		List<Integer> wronglyKept = new ArrayList<>();
		for (int row = 0; row < truth.length; row++) {
			if (truth[row] >= 0 && report.prospects()[row] < 0 && wronglyRejected.size() < limit) {
				wronglyRejected.add(row);
			}
			if (truth[row] < 0 && report.prospects()[row] >= 0 && wronglyKept.size() < limit) {
				wronglyKept.add(row);
			}
		}
		TreeSet<Integer> wanted = new TreeSet<>();
		falseMerges.forEach(wanted::addAll);
		missed.forEach(wanted::addAll);
		wanted.addAll(wronglyRejected);
		wanted.addAll(wronglyKept);
		Map<Integer, String> lines = new HashMap<>();
		try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			reader.readLine();
			String line;
			int row = 0;
			while ((line = reader.readLine()) != null && !wanted.isEmpty()) {
				if (wanted.remove(row)) {
					lines.put(row, line);
				}
				row++;
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("Messages in the report: ").append(report.messageCounts()).append("\n\n");
		out.append("### False merges (rows of different true agencies in one prospect)\n\n");
		appendGroups(out, falseMerges, lines, truth, report);
		out.append("### Missed duplicates (rows of one true agency in several prospects)\n\n");
		appendGroups(out, missed, lines, truth, report);
		out.append("### Rows of true agencies rejected\n\n");
		appendGroups(out, wronglyRejected.stream().map(List::of).toList(), lines, truth, report);
		out.append("### Rows identifying nothing but not rejected\n\n");
		appendGroups(out, wronglyKept.stream().map(List::of).toList(), lines, truth, report);
		return out.toString();
	}

	private static void appendGroups(StringBuilder out, List<List<Integer>> groups, Map<Integer, String> lines,
			int[] truth, Report report) {
		if (groups.isEmpty()) {
			out.append("None.\n\n");
			return;
		}
		out.append("```\n");
		for (List<Integer> group : groups) {
			for (int row : group) {
				out.append(String.format(Locale.ROOT, "row %7d  agency %7s  prospect %7s  %s  [%s]%n", row + 1,
						(truth[row] < 0) ? "invalid" : truth[row],
						(report.prospects()[row] < 0) ? "REJECTED" : "#" + report.prospects()[row], lines.get(row),
						(report.messages()[row] != null) ? report.messages()[row] : ""));
			}
			out.append('\n');
		}
		out.append("```\n\n");
	}

	private static String table(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append("| rows | true agencies | import s | COPY s | import/COPY | rows/s | precision | recall "
				+ "| created | merged | rejected | invalid rejected | valid rejected | warnings |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Result result : results) {
			Score score = result.score();
			out.append(String.format(Locale.ROOT,
					"| %,d | %,d | %.1f | %.2f | %.1f× | %,.0f | %.4f | %.4f | %s | %s | %s | %d/%d | %d | %s |%n",
					result.rows(), result.agencies(), result.importSeconds(), result.copySeconds(),
					result.importSeconds() / result.copySeconds(), result.rows() / result.importSeconds(),
					score.precision(), score.recall(), result.status().get("created"), result.status().get("merged"),
					result.status().get("rejected"), score.invalidRejected(), score.invalidRows(),
					score.validRejected(), result.status().get("warnings")));
		}
		return out.toString();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Map<String, String> json(String body) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = JSON_FIELD.matcher(body);
		while (matcher.find()) {
			values.put(matcher.group(1), (matcher.group(3) != null) ? matcher.group(3) : matcher.group(2));
		}
		return values;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void log(String format, Object... args) {
		System.out.println("[bench " + Instant.now() + "] " + String.format(Locale.ROOT, format, args));
	}

	interface Connections {

		Connection open() throws java.sql.SQLException;

	}

	record Report(int[] prospects, int prospectCount, String[] messages, Map<String, Integer> messageCounts) {
	}

	/**
	 * Pairwise scores over the rows not rejected: a predicted pair is two rows in one
	 * prospect, a true pair two rows of one true agency (rows that identify nothing are
	 * each their own agency).
	 */
	record Score(double precision, double recall, long truePositives, long predictedPairs, long truePairs,
			int invalidRows, int invalidRejected, int validRejected) {

		static Score of(int[] truth, Report report) {
			int[] prospects = report.prospects();
			int rows = truth.length;
			int agencies = Arrays.stream(truth).max().orElse(0) + 1;
			long[] cells = new long[rows];
			int kept = 0;
			int[] perProspect = new int[report.prospectCount()];
			int[] perAgency = new int[agencies + rows];
			int invalidRows = 0;
			int invalidRejected = 0;
			int validRejected = 0;
			for (int row = 0; row < rows; row++) {
				boolean invalid = truth[row] < 0;
				invalidRows += invalid ? 1 : 0;
				if (prospects[row] < 0) {
					invalidRejected += invalid ? 1 : 0;
					validRejected += invalid ? 0 : 1;
					continue;
				}
				int agency = invalid ? agencies + row : truth[row];
				perProspect[prospects[row]]++;
				perAgency[agency]++;
				cells[kept++] = ((long) prospects[row] << 32) | agency;
			}
			long[] sorted = Arrays.copyOf(cells, kept);
			Arrays.sort(sorted);
			long truePositives = 0;
			for (int i = 0; i < sorted.length;) {
				int j = i;
				while (j < sorted.length && sorted[j] == sorted[i]) {
					j++;
				}
				truePositives += pairs(j - i);
				i = j;
			}
			long predicted = Arrays.stream(perProspect).mapToLong(Score::pairs).sum();
			long actual = Arrays.stream(perAgency).mapToLong(Score::pairs).sum();
			return new Score((predicted == 0) ? 1 : (double) truePositives / predicted,
					(actual == 0) ? 1 : (double) truePositives / actual, truePositives, predicted, actual, invalidRows,
					invalidRejected, validRejected);
		}

		private static long pairs(int n) {
			return (long) n * (n - 1) / 2;
		}

	}

	record Result(int rows, int agencies, double importSeconds, double copySeconds, Map<String, String> status,
			Score score) {

		String describe() {
			return String.format(Locale.ROOT,
					"%,d rows, %,d true agencies: import %.1f s, COPY %.2f s, ratio %.1f×, %,.0f rows/s; "
							+ "precision %.4f (%,d of %,d predicted pairs), recall %.4f (%,d of %,d true pairs); "
							+ "invalid rows rejected %d/%d, valid rows rejected %d; status %s",
					this.rows, this.agencies, this.importSeconds, this.copySeconds,
					this.importSeconds / this.copySeconds, this.rows / this.importSeconds, this.score.precision(),
					this.score.truePositives(), this.score.predictedPairs(), this.score.recall(),
					this.score.truePositives(), this.score.truePairs(), this.score.invalidRejected(),
					this.score.invalidRows(), this.score.validRejected(), this.status);
		}

	}

	/**
	 * Profiles an import: JFR execution samples of the whole JVM (virtual threads
	 * included, which thread dumps miss), and the CPU time of this JVM and of the
	 * PostgreSQL server (postmaster and its backends, from /proc), against the wall time.
	 */
	static final class Profile {

		/**
		 * {@code -Dbench.jfr=false} leaves JFR off, to see what the recording itself
		 * costs the import.
		 */
		private static final boolean RECORD = !"false".equals(System.getProperty("bench.jfr"));

		private final Recording recording = new Recording();

		private final long postmaster;

		private long wallStart;

		private long jvmStart;

		private Map<String, Long> threadsStart = Map.of();

		private final Map<String, Long> threadKinds = new TreeMap<>();

		private long postgresStart;

		private double wall;

		private double jvm;

		private double postgres;

		private final Map<String, Long> inclusive = new HashMap<>();

		private final Map<String, Long> self = new HashMap<>();

		private long samples;

		private final Map<String, Long> compilations = new HashMap<>();

		private long compilationNanos;

		private final Map<String, Long> deoptimizations = new HashMap<>();

		private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		/**
		 * The most heap in use right after a collection that evacuates (young, mixed or
		 * full): near the live data at its peak.
		 */
		private final AtomicLong peakAfterCollection = new AtomicLong();

		private final AtomicLong collections = new AtomicLong();

		private final NotificationListener collected = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
				if (info.getGcName().contains("Concurrent")) {
					// the pauses of a marking cycle evacuate nothing: what they see
					// in use is mostly garbage that the next mixed collections free
					return;
				}
				long used = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter((pool) -> HEAP_POOLS.contains(pool.getKey()))
					.mapToLong((pool) -> pool.getValue().getUsed())
					.sum();
				this.peakAfterCollection.accumulateAndGet(used, Math::max);
				this.collections.incrementAndGet();
			}
		};

		private final Map<String, Long> statements = new ConcurrentHashMap<>();

		private final Map<String, long[]> tablesBefore = new HashMap<>();

		private final Map<String, long[]> tableWrites = new TreeMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Connections connections;

		private long activitySamples;

		private Thread activity;

		Profile(long postmaster, Connections connections) {
			this.postmaster = postmaster;
			this.connections = connections;
			this.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			this.recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
			this.recording.enable("jdk.Deoptimization");
			this.recording.setToDisk(true);
		}

		void start() {
			this.tablesBefore.putAll(tables());
			this.activity = Thread.ofPlatform().daemon().name("bench-pg-activity").start(this::sampleActivity);
			for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(this.collected, null, null);
			}
			if (RECORD) {
				this.recording.start();
			}
			this.wallStart = System.nanoTime();
			this.jvmStart = jvmCpu();
			this.threadsStart = threadCpu();
			this.postgresStart = postgresCpu();
		}

		void stop(Path directory, String name) throws IOException {
			this.wall = seconds(System.nanoTime() - this.wallStart);
			for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				try {
					((NotificationEmitter) collector).removeNotificationListener(this.collected);
				}
				catch (ListenerNotFoundException ex) {
					// not registered
				}
			}
			this.jvm = seconds(jvmCpu() - this.jvmStart);
			Map<String, Long> threadsEnd = threadCpu();
			long accounted = 0;
			for (Map.Entry<String, Long> thread : threadsEnd.entrySet()) {
				long used = thread.getValue() - this.threadsStart.getOrDefault(thread.getKey(), 0L);
				this.threadKinds.merge(threadKind(thread.getKey()), used, Long::sum);
				accounted += used;
			}
			this.threadKinds.put("threads that ended", Math.max(0, Math.round(this.jvm * 1e9) - accounted));
			this.postgres = seconds(postgresCpu() - this.postgresStart);
			this.running.set(false);
			try {
				this.activity.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			tables().forEach((table, after) -> {
				long[] before = this.tablesBefore.getOrDefault(table, new long[4]);
				if (after[0] - before[0] + after[1] - before[1] > 0 || after[3] != before[3]) {
					this.tableWrites.put(table, new long[] { after[0] - before[0], after[1] - before[1],
							after[2] - before[2], after[3] - before[3] });
				}
			});
			if (!RECORD) {
				this.recording.close();
				return;
			}
			this.recording.stop();
			Path file = directory.resolve(name + ".jfr");
			this.recording.dump(file);
			this.recording.close();
			try (RecordingFile events = new RecordingFile(file)) {
				while (events.hasMoreEvents()) {
					RecordedEvent event = events.readEvent();
					String eventType = event.getEventType().getName();
					if (eventType.equals("jdk.Compilation")) {
						RecordedMethod method = event.getValue("method");
						String compiled = method.getType().getName() + "." + method.getName();
						this.compilations.merge(compiled + " (tier " + event.getValue("compileLevel") + ")",
								event.getDuration().toNanos(), Long::sum);
						this.compilationNanos += event.getDuration().toNanos();
						continue;
					}
					if (eventType.equals("jdk.Deoptimization")) {
						RecordedMethod method = event.getValue("method");
						this.deoptimizations.merge(method.getType().getName() + "." + method.getName() + " ("
								+ event.getValue("reason") + ")", 1L, Long::sum);
						continue;
					}
					RecordedStackTrace stack = event.getStackTrace();
					if (stack == null || stack.getFrames().isEmpty()) {
						continue;
					}
					this.samples++;
					List<RecordedFrame> frames = stack.getFrames();
					this.self.merge(frame(frames.get(0)), 1L, Long::sum);
					java.util.Set<String> seen = new java.util.HashSet<>();
					for (RecordedFrame frame : frames) {
						String type = frame.getMethod().getType().getName();
						if (type.startsWith("fr.atlas.") || type.startsWith("org.postgresql.")
								|| type.startsWith("com.google.i18n.")) {
							String method = type.substring(type.lastIndexOf('.') + 1) + "."
									+ frame.getMethod().getName();
							if (seen.add(method)) {
								this.inclusive.merge(method, 1L, Long::sum);
							}
						}
					}
				}
			}
		}

		/**
		 * What the application's PostgreSQL sessions are doing, every 50 ms (the app role
		 * sees its own sessions' queries).
		 */
		private void sampleActivity() {
			try (Connection connection = this.connections.open(); var query = connection.prepareStatement("""
					select coalesce(wait_event_type || ':' || wait_event, 'CPU') as waiting, query
					  from pg_stat_activity
					 where state = 'active' and pid <> pg_backend_pid() and usename = current_user""")) {
				while (this.running.get()) {
					try (var rows = query.executeQuery()) {
						while (rows.next()) {
							String sql = rows.getString(2).replaceAll("\\s+", " ").strip();
							String key = rows.getString(1) + "  " + sql.substring(0, Math.min(110, sql.length()));
							this.statements.merge(key, 1L, Long::sum);
						}
					}
					this.activitySamples++;
					Thread.sleep(50);
				}
			}
			catch (Exception ex) {
				log("PostgreSQL activity sampling stopped: %s", ex);
			}
		}

		/** Rows inserted and updated so far per table of the app role. */
		private Map<String, long[]> tables() {
			Map<String, long[]> counts = new HashMap<>();
			try (Connection connection = this.connections.open();
					Statement statement = connection.createStatement();
					var rows = statement.executeQuery(
							"select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, pg_total_relation_size(relid) from pg_stat_user_tables union all select '(WAL)', 0, 0, 0, pg_current_wal_lsn() - '0/0' "
									+ "union all select '(WAL records, full pages)', wal_records, wal_fpi, 0, 0 from pg_stat_wal "
									+ "union all select '(checkpoints)', num_timed + num_requested, 0, 0, 0 from pg_stat_checkpointer")) {
				while (rows.next()) {
					counts.put(rows.getString(1),
							new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5) });
				}
			}
			catch (Exception ex) {
				log("cannot read table statistics: %s", ex);
			}
			return counts;
		}

		String summary() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT,
					"### Where the time goes%n%nWall %.1f s; CPU of the application JVM %.1f s, of PostgreSQL %.1f s "
							+ "(2 cores: at most %.1f s of CPU in that wall time).%n%n",
					this.wall, this.jvm, this.postgres, 2 * this.wall));
			out.append(String.format(Locale.ROOT,
					"Heap: %d collections during the import (pauses of marking cycles not counted); at most %,d MB in use right after one (of %,d MB).%n%n",
					this.collections.get(), this.peakAfterCollection.get() / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024)));
			out.append(
					"The JVM's CPU by thread (from /proc, so the compilers and the collector are counted too):\n\n```\n");
			this.threadKinds.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.forEach((entry) -> out
					.append(String.format(Locale.ROOT, "%6.2f s  %s%n", entry.getValue() / 1e9, entry.getKey())));
			out.append("```\n\n");
			out.append(String.format(Locale.ROOT,
					"JIT compilations during the import: %d, %.2f s in all (JFR, wall time of each); the longest:%n%n```%n",
					this.compilations.size(), this.compilationNanos / 1e9));
			this.compilations.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.limit(15)
				.forEach((entry) -> out
					.append(String.format(Locale.ROOT, "%6.3f s  %s%n", entry.getValue() / 1e9, entry.getKey())));
			out.append("```\n\nDeoptimizations (the most frequent):\n\n```\n");
			this.deoptimizations.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.limit(10)
				.forEach((entry) -> out
					.append(String.format(Locale.ROOT, "%5d  %s%n", entry.getValue(), entry.getKey())));
			out.append("```\n\n");
			out.append("JFR execution samples (").append(this.samples).append(", every 10 ms of a running thread)");
			out.append(", methods on the stack (inclusive):\n\n```\n");
			top(out, this.inclusive, 30);
			out.append("```\n\nHottest frames (self):\n\n```\n");
			top(out, this.self, 25);
			out.append("```\n\nPostgreSQL: active statements of the application, sampled every 50 ms (")
				.append(this.activitySamples)
				.append(" samples; a share is the fraction of samples where a session ran it, wait event or CPU):\n\n```\n");
			long total = Math.max(1, this.activitySamples);
			this.statements.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.limit(20)
				.forEach((entry) -> out.append(
						String.format(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey())));
			out.append(
					"```\n\nRows written by the import and growth of each table and of the WAL (statistics may lag a little):\n\n```\n");
			long[] wal = this.tableWrites.remove("(WAL records, full pages)");
			long[] checkpoints = this.tableWrites.remove("(checkpoints)");
			if (wal != null) {
				// full-page images are what a page's first change after a checkpoint
				// costs
				out.append(String.format(Locale.ROOT, "WAL: %,d records, %,d full-page images; %d checkpoints began%n",
						wal[0], wal[1], (checkpoints != null) ? checkpoints[0] : 0));
			}
			this.tableWrites.forEach((table,
					counts) -> out.append(String.format(Locale.ROOT,
							"%-24s %,10d inserted %,10d updated (%,d of them HOT), %+,.1f MB%n", table, counts[0],
							counts[1], counts[2], counts[3] / 1e6)));
			out.append("```\n");
			return out.toString();
		}

		private void top(StringBuilder out, Map<String, Long> counts, int limit) {
			long total = Math.max(1, this.samples);
			counts.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.limit(limit)
				.forEach((entry) -> out.append(
						String.format(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey())));
		}

		private static String frame(RecordedFrame frame) {
			String type = frame.getMethod().getType().getName();
			return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + ":"
					+ frame.getLineNumber();
		}

		private static long jvmCpu() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/**
		 * CPU time of each of this JVM's threads, by "name/tid", from /proc (JFR's
		 * samples leave out the JIT compilers and the garbage collector).
		 */
		private static Map<String, Long> threadCpu() {
			Map<String, Long> threads = new HashMap<>();
			try (var tasks = Files.list(Path.of("/proc/self/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						threads.put(name + "/" + task.getFileName(), ticks * 10_000_000L);
					}
					catch (IOException | RuntimeException ex) {
						// the thread ended meanwhile
					}
				}
			}
			catch (IOException ex) {
				// no /proc
			}
			return threads;
		}

		private static String threadKind(String thread) {
			String name = thread.substring(0, thread.lastIndexOf('/'));
			if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
				return name.substring(0, 2) + " compiler";
			}
			if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
				return "G1 " + (name.startsWith("G1 Conc") ? "concurrent marking" : name.startsWith("G1 Refine")
						? "refinement" : name.startsWith("G1 ") ? name.substring(3) : "workers");
			}
			if (name.startsWith("ForkJoinPool")) {
				return "virtual threads' carriers";
			}
			if (name.startsWith("JFR") || name.startsWith("bench-")) {
				return "the bench (JFR, sampling)";
			}
			return name.replaceAll("[-#]?\\d+$", "");
		}

		/** utime + stime of the postmaster and its children, in nanoseconds. */
		private long postgresCpu() {
			if (this.postmaster <= 0) {
				return 0;
			}
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.toList()) {
					String name = process.getFileName().toString();
					if (!name.chars().allMatch(Character::isDigit)) {
						continue;
					}
					try {
						String stat = Files.readString(process.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long pid = Long.parseLong(name);
						long parent = Long.parseLong(fields[1]);
						if (pid == this.postmaster || parent == this.postmaster) {
							ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						}
					}
					catch (IOException | RuntimeException ex) {
						// the process ended meanwhile
					}
				}
			}
			catch (IOException ex) {
				return 0;
			}
			// USER_HZ is 100 on Linux
			return ticks * 10_000_000L;
		}

	}

}
