package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large place is searched through its index (ADR 0025): the pool must decide exactly as
 * it does when it reads every block whole, whatever the rows.
 */
class PlaceBlockIndexTests {

	private static final String[] FIRST = { "Agence", "Cabinet", "Immobilière", "Maison", "Office", "Espace", "", "" };

	private static final String[] SURNAMES = { "Dupont", "Dupond", "Durand", "Martin", "Martinez", "Lefebvre",
			"Lefevre", "Roy", "Moreau", "Morel", "Gare", "Port", "Alpes", "Vannes", "Saint Jean", "Saint Michel" };

	private static final String[] LAST = { "Immobilier", "Conseil", "Habitat", "Patrimoine", "", "", "Centre", "Nord" };

	private static final String[][] PLACES = { { "75011", "Paris" }, { "75012", "Paris" }, { "69003", "Lyon" },
			{ "56000", "Vannes" } };

	private final RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "Nom commercial", "SIRET", "E-mail", "Téléphone", "Code postal", "Ville"),
			Map.of()));

	@Test
	void decidesAsReadingEveryBlockWholeWhateverTheRows() {
		for (long seed = 1; seed <= 4; seed++) {
			List<AgencyValues> rows = rows(new Random(seed), 1_500);
			List<String> whole = decisions(new ImportBatch.Pool(Integer.MAX_VALUE), rows);
			assertThat(decisions(new ImportBatch.Pool(0), rows)).as("seed %d, every block indexed", seed)
				.isEqualTo(whole);
			assertThat(decisions(new ImportBatch.Pool(40), rows)).as("seed %d, blocks indexed on the way", seed)
				.isEqualTo(whole);
			// the rows exercise what the index must follow
			assertThat(whole).anyMatch((decision) -> decision.contains("MERGED"))
				.anyMatch((decision) -> decision.contains("phone"))
				.anyMatch((decision) -> decision.contains("name:"))
				.anyMatch((decision) -> decision.contains("same_city"));
		}
	}

	@Test
	void aLargeTownWithoutPostcodesIsNotReadWholeForEachRow() {
		List<AgencyValues> rows = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			rows.add(row("Maison " + word(i) + " Immobilier", "", "", "", "", "", "Paris"));
		}
		ImportBatch.Pool indexed = new ImportBatch.Pool(ImportBatch.Pool.COMMON_KEY);
		ImportBatch.Pool whole = new ImportBatch.Pool(Integer.MAX_VALUE);
		rows.forEach(indexed::decide);
		rows.forEach(whole::decide);
		assertThat(indexed.size()).isEqualTo(2_000);
		// with an e-mail of its own: a row of the name and town alone would be the record
		// again (ADR 0048), not a possible duplicate
		AgencyValues row = row("Maison " + word(17) + " Immo", "", "", "contact@maison-immo.fr", "", "", "Paris");
		List<Candidate> fromIndex = List.copyOf(indexed.candidates(indexed.probe(row)));
		List<Candidate> fromAll = List.copyOf(whole.candidates(whole.probe(row)));
		// reading the town whole, the letters' summary leaves hundreds to score; the
		// index, those sharing a word fewer than 256 agencies share (not "maison")
		assertThat(fromAll).hasSizeGreaterThan(100);
		assertThat(fromIndex).hasSizeLessThan(20)
			.extracting(Candidate::nameKey)
			.contains("maison " + word(17).toLowerCase(java.util.Locale.ROOT) + " immo");
		// as good a possible duplicate either way (which of the equals is offered may
		// differ: the index leaves out names that share only "maison")
		assertThat(Deduplication.best(indexed.probe(row), fromIndex).map(Deduplication.Match::confidence))
			.isEqualTo(Deduplication.best(whole.probe(row), fromAll).map(Deduplication.Match::confidence))
			.hasValue(0.8);
	}

	@Test
	void inALargeTownAWordMostAgenciesShareBringsNoneOfThemButTheSameNameStillMeets() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		for (String quarter : new String[] { "Nord", "Sud", "Est" }) {
			for (int i = 0; i < ImportBatch.Pool.INDEX_FROM / 3 + 50; i++) {
				// namesakes, each with its own e-mail
				pool.decide(row("Maison Habitat " + quarter, "", "", mail(quarter, i), "", "", "Paris"));
			}
		}
		AgencyValues same = row("Maison Habitat Nord", "", "", "", "", "", "PARIS");
		assertThat(pool.candidates(pool.probe(same))).hasSize(ImportBatch.Pool.INDEX_FROM / 3 + 50)
			.allSatisfy((agency) -> assertThat(agency.nameKey()).isEqualTo("maison habitat nord"));
		AgencyValues other = row("Maison Habitat Ouest", "", "", "", "", "", "Paris");
		assertThat(pool.candidates(pool.probe(other))).isEmpty();
		// a town read whole compares it with all of them
		ImportBatch.Pool whole = new ImportBatch.Pool(Integer.MAX_VALUE);
		for (int i = 0; i < 300; i++) {
			whole.decide(row("Maison Habitat Nord", "", "", mail("Nord", i), "", "", "Paris"));
		}
		assertThat(whole.candidates(whole.probe(other))).hasSize(300);
	}

	@Test
	void aNameThousandsOfAgenciesOfATownBearBringsNoneOfThem() {
		// a scraped list where the agencies' names gave way to a label: each new row
		// compared with all the others made the import quadratic (50,000 rows did not
		// end in 7 minutes)
		ImportBatch.Pool pool = new ImportBatch.Pool();
		for (int i = 0; i < 1_000; i++) {
			pool.decide(row("Agence Immobilière", "", "", "contact" + i + "@agence" + i + ".fr", "", "", "Paris"));
		}
		assertThat(pool.size()).isEqualTo(1_000);
		AgencyValues another = row("Agence Immobilière", "", "", "contact@ailleurs.fr", "", "", "Paris");
		assertThat(pool.candidates(pool.probe(another))).isEmpty();
		// its e-mail still finds the agency it belongs to
		AgencyValues known = row("Agence Immobilière", "", "", "contact5@agence5.fr", "", "", "Paris");
		assertThat(pool.candidates(pool.probe(known))).singleElement()
			.satisfies((agency) -> assertThat(agency.position).isEqualTo(5));
	}

	private List<String> decisions(ImportBatch.Pool pool, List<AgencyValues> rows) {
		List<String> decisions = new ArrayList<>();
		for (AgencyValues row : rows) {
			ImportBatch.Pool.Decision decision = pool.decide(row);
			Deduplication.Match m = decision.match();
			decisions.add(((decision.created() != null) ? "CREATED " : "MERGED ") + decision.target().position + " "
					+ ((m != null) ? m.agency().position + " " + m.confidence() + " " + m.reasons() : "-"));
		}
		return decisions;
	}

	/**
	 * Rows of a few places, with what the pool's index must follow: names that share
	 * words or not, typos, rows without a name completed later, postcodes given by a
	 * later row, a switchboard shared by many agencies, rows without a place.
	 */
	private List<AgencyValues> rows(Random random, int count) {
		List<AgencyValues> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = (random.nextInt(12) == 0) ? ""
					: String.join(" ", pick(random, FIRST), pick(random, SURNAMES), pick(random, LAST)).strip();
			if (!name.isEmpty() && random.nextInt(10) == 0) {
				int at = 1 + random.nextInt(name.length() - 1);
				name = name.substring(0, at) + name.substring(at + 1);
			}
			String trade = (random.nextInt(15) == 0) ? pick(random, SURNAMES) + " " + pick(random, LAST) : "";
			String email = (random.nextInt(3) == 0) ? "contact" + random.nextInt(150) + "@exemple.fr" : "";
			String phone = switch (random.nextInt(6)) {
				case 0 -> "01 40 00 00 00";
				case 1 -> String.format("01 4%d %02d %02d %02d", random.nextInt(10), random.nextInt(100),
						random.nextInt(100), random.nextInt(100));
				default -> "";
			};
			String[] place = PLACES[random.nextInt(PLACES.length)];
			String postcode = (random.nextInt(3) == 0) ? "" : place[0];
			String town = (random.nextInt(8) == 0) ? "" : place[1];
			if (name.isEmpty() && email.isEmpty() && phone.isEmpty()) {
				email = "sans-nom" + random.nextInt(40) + "@exemple.fr";
			}
			rows.add(row(name, trade, "", email, phone, postcode, town));
		}
		return rows;
	}

	private static String mail(String quarter, int i) {
		return "agence" + i + "@habitat-" + quarter.toLowerCase(java.util.Locale.ROOT) + i + ".fr";
	}

	private AgencyValues row(String... cells) {
		NormalisedRow row = this.normaliser.normalise(new SourceRow(1, List.of(cells), "", null));
		return row.agency();
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	/** A made-up surname per number, no two alike. */
	private static String word(int i) {
		String syllables = "ba be bi bo bu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu";
		String[] parts = syllables.split(" ");
		StringBuilder word = new StringBuilder("Z");
		int n = i;
		do {
			word.append(parts[n % parts.length]);
			n /= parts.length;
		}
		while (n > 0);
		return word.append("x").toString();
	}

}
