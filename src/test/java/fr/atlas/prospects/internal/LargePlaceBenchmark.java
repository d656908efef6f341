package fr.atlas.prospects.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Matching inside one large place (ADR 0025): a file of agencies of one town without
 * postcodes, the case where every row used to read every agency of its town. Times the
 * pool's decisions with its block index against the same pool reading every block whole,
 * in the same JVM, and checks both decide alike.
 *
 * <p>
 * {@code ./mvnw -o -Pbench test -Dtest=LargePlaceBenchmark} ({@code -Dbench.place.sizes=}
 * the numbers of rows, 2,000,5,000,20,000,100,000 by default; the whole-block baseline
 * runs up to {@code -Dbench.place.whole-up-to=} 5,000 rows, as it grows with the square).
 * Results go to the console and {@code target/bench/large-place.md}.
 */
@Tag("bench")
class LargePlaceBenchmark {

	private static final String[] FIRST = { "Agence", "Cabinet", "Immobilière", "Maison", "Office", "Espace",
			"Comptoir", "Atelier" };

	private static final String[] SURNAMES = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
			"Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
			"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
			"François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
			"Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
			"Chevalier", "Robin" };

	private static final String[] LAST = { "Immobilier", "Conseil", "Habitat", "Patrimoine", "Transactions", "Gestion",
			"Logement", "Foncier" };

	private static final String[] QUARTERS = { "", "Centre", "Gare", "Port", "Château", "Marché", "Église", "Nord",
			"Sud", "Est", "Ouest", "Bastille", "Opéra", "Montmartre", "Belleville", "Batignolles", "Passy", "Auteuil",
			"Nation", "Italie", "Plaisance", "Grenelle", "Vaugirard", "Charonne", "Villette" };

	private final RowNormaliser normaliser = new RowNormaliser(
			ColumnMapping.detect(List.of("Raison sociale", "E-mail", "Téléphone", "Ville"), Map.of()));

	@Test
	void matchesAFileOfOneTownWithoutPostcodes() throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String size : System.getProperty("bench.place.sizes", "2000,5000,20000,100000").split(",")) {
			sizes.add(Integer.parseInt(size.strip()));
		}
		int wholeUpTo = Integer.getInteger("bench.place.whole-up-to", 5_000);
		StringBuilder report = new StringBuilder(
				"| rows | agencies (indexed / whole) | possible duplicates (indexed / whole) | indexed s | whole s | whole/indexed | same decisions |\n|---:|---:|---:|---:|---:|---:|---|\n");
		// a first run of each for the JIT, not reported
		decide(new ImportBatch.Pool(), rows(2_000));
		decide(new ImportBatch.Pool(Integer.MAX_VALUE), rows(2_000));
		for (int size : sizes) {
			List<AgencyValues> rows = rows(size);
			Run indexed = decide(new ImportBatch.Pool(), rows);
			String line;
			if (size <= wholeUpTo) {
				Run whole = decide(new ImportBatch.Pool(Integer.MAX_VALUE), rows);
				line = String.format(Locale.ROOT, "| %,d | %,d / %,d | %,d / %,d | %.3f | %.3f | %.1f× | %s |", size,
						indexed.agencies(), whole.agencies(), indexed.reviews(), whole.reviews(), indexed.seconds(),
						whole.seconds(), whole.seconds() / indexed.seconds(),
						whole.digest().equals(indexed.digest()) ? "yes" : "NO");
			}
			else {
				line = String.format(Locale.ROOT, "| %,d | %,d | %,d | %.3f | — | — | — |", size, indexed.agencies(),
						indexed.reviews(), indexed.seconds());
			}
			System.out.println("[large-place-bench] " + line + " indexed decisions " + indexed.digest());
			report.append(line).append('\n');
		}
		Path directory = Path.of("target", "bench");
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("large-place.md"), report);
	}

	/** CPU time of the deciding thread and a digest of every decision. */
	private static Run decide(ImportBatch.Pool pool, List<AgencyValues> rows) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		long started = threads.getCurrentThreadCpuTime();
		List<String> decisions = new ArrayList<>(rows.size());
		int reviews = 0;
		for (AgencyValues row : rows) {
			ImportBatch.Pool.Decision decision = pool.decide(row);
			Deduplication.Match m = decision.match();
			if (decision.created() != null && m != null) {
				reviews++;
			}
			decisions
				.add(decision.target().position + " " + ((m != null) ? m.agency().position + " " + m.reasons() : "-"));
		}
		double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
		for (String decision : decisions) {
			sha.update(decision.getBytes(StandardCharsets.UTF_8));
		}
		return new Run(seconds, pool.size(), reviews, HexFormat.of().formatHex(sha.digest()));
	}

	/**
	 * Agencies of one town, no postcode: names of 8 × 50 × 8 × 25 parts, each agency once
	 * or twice (the second time now and then with its e-mail or a typo).
	 */
	private List<AgencyValues> rows(int size) {
		SplittableRandom random = new SplittableRandom(size);
		List<AgencyValues> rows = new ArrayList<>(size);
		int agency = 0;
		while (rows.size() < size) {
			int n = agency++;
			String name = String
				.join(" ", FIRST[n % FIRST.length], SURNAMES[(n / FIRST.length) % SURNAMES.length],
						LAST[(n / (FIRST.length * SURNAMES.length)) % LAST.length],
						QUARTERS[(n / (FIRST.length * SURNAMES.length * LAST.length)) % QUARTERS.length])
				.strip();
			String email = "contact" + n + "@agence" + n + ".fr";
			rows.add(row(name, random.nextBoolean() ? email : "", "", "Paris"));
			if (rows.size() < size && random.nextInt(3) == 0) {
				String again = (random.nextInt(4) == 0) ? name.substring(0, name.length() - 1) : name;
				rows.add(row(again, random.nextBoolean() ? email : "", "", "PARIS"));
			}
		}
		return rows;
	}

	private AgencyValues row(String... cells) {
		return this.normaliser.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	private record Run(double seconds, int agencies, int reviews, String digest) {
	}

}
