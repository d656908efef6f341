package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import fr.atlas.platform.geo.FrenchGeography;
import fr.atlas.prospects.bench.MessyAgencyFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading and normalising alone, without Spring or PostgreSQL: writes the benchmark's
 * messy file, reads it as the import worker does ({@link FileProfile#inspect},
 * {@link TabularReaders#openCsv}, {@link ColumnMapping#detect}, {@link RowNormaliser}),
 * prints rows per second over a few repetitions in one JVM, and a SHA-256 of every
 * normalised row (with the name forms and place keys matching derives from it), so a
 * faster normalisation can be shown to give exactly the same rows.
 *
 * <p>
 * Run with
 * {@code ./mvnw -B -o -Pbench test -Dtest=NormalisationBenchmark -Dbench.sizes=100000};
 * {@code -Dbench.reps=} sets the repetitions (5 by default).
 */
@Tag("bench")
class NormalisationBenchmark {

	@Test
	void readsAndNormalisesTheMessyFile() throws Exception {
		int size = Integer.parseInt(System.getProperty("bench.sizes", "100000").split(",")[0].strip());
		long seed = Long.getLong("bench.seed", 20261123L);
		int reps = Integer.getInteger("bench.reps", 5);
		Path directory = Path.of("target", "bench");
		Files.createDirectories(directory);
		Path csv = directory.resolve("normalise-" + size + ".csv");
		Path truth = directory.resolve("normalise-" + size + "-truth.csv");
		new MessyAgencyFiles(new FrenchGeography()).write(csv, truth, size, seed);
		FileProfile profile = FileProfile.inspect(csv);

		long started = System.nanoTime();
		String digest = digest(csv, profile);
		log("digest of %,d rows: %s (%.2f s, first pass)", size, digest, (System.nanoTime() - started) / 1e9);

		for (int rep = 1; rep <= reps; rep++) {
			long read = time(csv, profile, false);
			long normalised = time(csv, profile, true);
			log("rep %d: read %,.0f rows/s (%.2f s); read and normalise %,.0f rows/s (%.2f s, %.1f µs/row)", rep,
					size / (read / 1e9), read / 1e9, size / (normalised / 1e9), normalised / 1e9,
					normalised / 1e3 / size);
		}
		log("digest again: %s", digest(csv, profile));
	}

	private static long time(Path csv, FileProfile profile, boolean normalise) throws IOException {
		long started = System.nanoTime();
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
		long nanos = System.nanoTime() - started;
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

	private static void log(String format, Object... args) {
		System.out.println("[normalise-bench] " + String.format(Locale.ROOT, format, args));
	}

}
