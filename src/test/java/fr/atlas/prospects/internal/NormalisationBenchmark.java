package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.management.ObjectName;

import fr.atlas.platform.geo.FrenchGeography;
import fr.atlas.prospects.bench.MessyAgencyFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading and normalising, then matching, without Spring or PostgreSQL: writes the
 * benchmark's messy file, reads it as the import worker does
 * ({@link FileProfile#inspect}, {@link TabularReaders#openCsv},
 * {@link ColumnMapping#detect}, {@link RowNormaliser}), prints rows per second over a few
 * repetitions in one JVM, and a SHA-256 of every normalised row (with the name forms and
 * place keys matching derives from it), so a faster normalisation can be shown to give
 * exactly the same rows.
 *
 * <p>
 * Run with {@code ./mvnw -B -o -Pbench test -Dtest=NormalisationBenchmark}
 * ({@code -Dbench.normalise.rows=} sets the file's rows, 100,000 by default: every row is
 * held in memory, so not the import benchmark's sizes, which go up to a million);
 * {@code -Dbench.reps=} sets the repetitions (9 by default). Times are the CPU time of
 * the reading thread, steadier than wall time on a shared machine.
 */
@Tag("bench")
class NormalisationBenchmark {

	@Test
	void readsNormalisesAndMatchesTheMessyFile() throws Exception {
		int size = Integer.getInteger("bench.normalise.rows", 100_000);
		long seed = Long.getLong("bench.seed", 20261123L);
		int reps = Integer.getInteger("bench.reps", 9);
		Path directory = Path.of("target", "bench");
		Files.createDirectories(directory);
		Path csv;
		if (System.getProperty("bench.normalise.file") != null) {
			// another file than the generator's (the same agency never twice, say)
			csv = Path.of(System.getProperty("bench.normalise.file"));
		}
		else {
			csv = directory.resolve("normalise-" + size + ".csv");
			new MessyAgencyFiles(new FrenchGeography()).write(csv,
					directory.resolve("normalise-" + size + "-truth.csv"), size, seed);
		}
		Path copy = directory.resolve("normalise-" + size + "-upload.csv");
		FileProfile profile;
		try (var content = Files.newInputStream(csv)) {
			profile = FileProfile.of(copy, UploadedFile.copy(content, copy));
		}

		if (Boolean.getBoolean("bench.pool-memory")) {
			streamedPoolMemory(csv, profile);
		}
		long started = System.nanoTime();
		String digest = digest(csv, profile);
		log("digest of %,d rows: %s (%.2f s, first pass)", size, digest, (System.nanoTime() - started) / 1e9);

		long[] readCpu = new long[reps];
		long[] normaliseCpu = new long[reps];
		long[] normaliseWall = new long[reps];
		for (int rep = 0; rep < reps; rep++) {
			forgetCaches();
			long[] read = time(csv, profile, false);
			long[] normalised = time(csv, profile, true);
			readCpu[rep] = read[1];
			normaliseWall[rep] = normalised[0];
			normaliseCpu[rep] = normalised[1];
			log("rep %d: read %,.0f rows/s (CPU %.2f s); read and normalise %,.0f rows/s (CPU %.2f s, %.1f µs/row; wall %.2f s)",
					rep + 1, size / (read[1] / 1e9), read[1] / 1e9, size / (normalised[1] / 1e9), normalised[1] / 1e9,
					normalised[1] / 1e3 / size, normalised[0] / 1e9);
		}
		Arrays.sort(readCpu);
		Arrays.sort(normaliseCpu);
		Arrays.sort(normaliseWall);
		log("read and normalise, CPU time of the reading thread over the last %d reps: median %,.0f rows/s (%.1f µs/row), "
				+ "best %,.0f rows/s (%.1f µs/row); wall median %.2f s; read alone median %,.0f rows/s", reps,
				size / (normaliseCpu[reps / 2] / 1e9), normaliseCpu[reps / 2] / 1e3 / size,
				size / (normaliseCpu[0] / 1e9), normaliseCpu[0] / 1e3 / size, normaliseWall[reps / 2] / 1e9,
				size / (readCpu[reps / 2] / 1e9));
		log("digest again: %s", digest(csv, profile));

		List<NormalisedRow> rows = new ArrayList<>(size);
		try (InputStream in = Files.newInputStream(csv); TabularReader reader = TabularReaders.openCsv(profile, in)) {
			RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(reader.header(), Map.of()));
			SourceRow row;
			while ((row = reader.next()) != null) {
				rows.add(normaliser.normalise(row));
			}
		}
		long[] matchCpu = new long[reps];
		for (int rep = 0; rep < reps; rep++) {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long cpu = threads.getCurrentThreadCpuTime();
			String decisions = match(rows);
			matchCpu[rep] = threads.getCurrentThreadCpuTime() - cpu;
			log("match rep %d: %s (CPU %.2f s)", rep + 1, decisions, matchCpu[rep] / 1e9);
		}
		Arrays.sort(matchCpu);
		log("matching, CPU time over %d reps: median %.2f s (%.1f µs/row), best %.2f s", reps, matchCpu[reps / 2] / 1e9,
				matchCpu[reps / 2] / 1e3 / size, matchCpu[0] / 1e9);
	}

	/**
	 * The matching of {@link ImportBatch#process} for a new organisation, without the
	 * database: counts and a SHA-256 of every row's decision (outcome, agency by order of
	 * creation, confidence and reasons).
	 */
	private static String match(List<NormalisedRow> rows) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		ImportBatch.Pool pool = new ImportBatch.Pool(
				Integer.getInteger("bench.index-from", ImportBatch.Pool.INDEX_FROM));
		try {
			return match(rows, pool, sha);
		}
		finally {
			if (Boolean.getBoolean("bench.pool-memory")) {
				Map<String, long[]> with = histogram();
				pool = null;
				poolMemory(with, histogram());
			}
		}
	}

	private static String match(List<NormalisedRow> rows, ImportBatch.Pool pool, MessageDigest sha) {
		int created = 0;
		int merged = 0;
		int rejected = 0;
		int warnings = 0;
		// every decision as a line, for comparing two versions with diff
		StringBuilder decisions = (System.getProperty("bench.decisions") != null) ? new StringBuilder() : null;
		for (NormalisedRow row : rows) {
			warnings += (int) row.messages().stream().filter((m) -> !m.startsWith("row:")).count();
			AgencyValues values = row.agency();
			if (values == null) {
				rejected++;
				sha.update((row.number() + " REJECTED\n").getBytes(StandardCharsets.UTF_8));
				continue;
			}
			ImportBatch.Pool.Decision decided = pool.decide(values);
			Candidate target = decided.target();
			Deduplication.Match match = decided.match();
			String status;
			if (decided.created() == null) {
				status = "MERGED";
				merged++;
			}
			else {
				status = "CREATED";
				created++;
			}
			String decision = row.number() + " " + status + " " + target.position + " " + ((match != null)
					? match.agency().position + " " + match.confidence() + " " + match.reasons() : "-") + "\n";
			sha.update(decision.getBytes(StandardCharsets.UTF_8));
			if (decisions != null) {
				decisions.append(decision);
			}
		}
		if (decisions != null) {
			try {
				java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.decisions")),
						decisions);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return String.format(Locale.ROOT, "created=%d merged=%d rejected=%d warnings=%d decisions %s", created, merged,
				rejected, warnings, HexFormat.of().formatHex(sha.digest()));
	}

	/**
	 * What the pool holds when rows are read, normalised and decided one by one and then
	 * let go, as an import does: the strings a pool shares with the rows count, where
	 * {@link #match} keeps every row for its repetitions.
	 */
	private static void streamedPoolMemory(Path csv, FileProfile profile) throws Exception {
		ImportBatch.Pool pool = new ImportBatch.Pool(
				Integer.getInteger("bench.index-from", ImportBatch.Pool.INDEX_FROM));
		try (InputStream in = Files.newInputStream(csv); TabularReader reader = TabularReaders.openCsv(profile, in)) {
			RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(reader.header(), Map.of()));
			SourceRow row;
			while ((row = reader.next()) != null) {
				AgencyValues values = normaliser.normalise(row).agency();
				if (values != null) {
					pool.decide(values);
				}
			}
		}
		log("streamed: %,d agencies, the pool's own estimate %,d bytes (%,d an agency)", pool.size(), pool.footprint(),
				pool.footprint() / Math.max(1, pool.size()));
		Map<String, long[]> with = histogram();
		int agencies = pool.size();
		pool = null;
		long held = poolMemory(with, histogram());
		log("streamed: %,d bytes an agency by the histogram", held / Math.max(1, agencies));
	}

	/**
	 * A class histogram of the live heap (a full collection first), by class: instances
	 * and bytes.
	 */
	private static Map<String, long[]> histogram() throws Exception {
		String text = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : text.split("\n")) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length >= 4 && parts[0].endsWith(":")) {
				classes.put(parts[3], new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) });
			}
		}
		return classes;
	}

	/** What the pool holds: the live heap with it, less the live heap without it. */
	private static long poolMemory(Map<String, long[]> with, Map<String, long[]> without) {
		long total = 0;
		List<Map.Entry<String, long[]>> held = new ArrayList<>();
		for (Map.Entry<String, long[]> entry : with.entrySet()) {
			long[] other = without.getOrDefault(entry.getKey(), new long[2]);
			long[] delta = { entry.getValue()[0] - other[0], entry.getValue()[1] - other[1] };
			total += delta[1];
			held.add(Map.entry(entry.getKey(), delta));
		}
		held.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
		log("the pool holds %,d bytes:", total);
		held.stream()
			.limit(15)
			.forEach((entry) -> log("  %,14d bytes %,10d instances  %s", entry.getValue()[1], entry.getValue()[0],
					entry.getKey()));
		return total;
	}

	/** Wall and CPU nanoseconds of one pass. */
	private static long[] time(Path csv, FileProfile profile, boolean normalise) throws IOException {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long started = System.nanoTime();
		long cpu = threads.getCurrentThreadCpuTime();
		long sink = 0;
		try (InputStream in = Files.newInputStream(csv); TabularReader reader = TabularReaders.openCsv(profile, in)) {
			RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(reader.header(), Map.of()));
			SourceRow row;
			while ((row = reader.next()) != null) {
				if (normalise) {
					NormalisedRow normalised = normaliser.normalise(row);
					sink += normalised.messages().size() + (normalised.rejected() ? 1 : 0);
				}
				else {
					sink += row.cells().size();
				}
			}
		}
		long[] nanos = { System.nanoTime() - started, threads.getCurrentThreadCpuTime() - cpu };
		if (sink == 42) {
			log("(sink)");
		}
		return nanos;
	}

	private static String digest(Path csv, FileProfile profile) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(csv); TabularReader reader = TabularReaders.openCsv(profile, in)) {
			RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(reader.header(), Map.of()));
			SourceRow row;
			while ((row = reader.next()) != null) {
				NormalisedRow normalised = normaliser.normalise(row);
				StringBuilder canonical = new StringBuilder();
				canonical.append(row).append('\u0001').append(normalised).append('\u0001');
				AgencyValues agency = normalised.agency();
				if (agency != null) {
					canonical.append(agency.asFields())
						.append('\u0001')
						.append(agency.displayName())
						.append('\u0001')
						.append(NameForms.of(agency.nameKey(), agency.tradeName()))
						.append('\u0001')
						.append(agency.cityKey())
						.append('\u0001')
						.append(Candidate.words(agency.address()));
				}
				canonical.append('\n');
				sha.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * Empties the static maps of the normalisers, if any: an import meets numbers it has
	 * not seen yet, the repetitions of this benchmark would not.
	 */
	private static void forgetCaches() throws IllegalAccessException {
		for (Class<?> type : new Class<?>[] { PhoneNumbers.class, CleanText.class, NameKey.class }) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())) {
					field.setAccessible(true);
					((Map<?, ?>) field.get(null)).clear();
				}
			}
		}
	}

	private static void log(String format, Object... args) {
		System.out.println("[normalise-bench] " + String.format(Locale.ROOT, format, args));
	}

}
