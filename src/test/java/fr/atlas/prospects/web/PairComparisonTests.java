package fr.atlas.prospects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Phone;
import fr.atlas.prospects.internal.DuplicateQueue.Side;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.prospects.web.PairComparison.Agreement;
import fr.atlas.prospects.web.PairComparison.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairComparisonTests {

	@Test
	void readsCaseAccentsAndPunctuationAsTheSameValue() {
		Summary left = agency("12, rue Pasteur", "agence-girard.fr", List.of("Contact@Agence-Girard.fr"),
				List.of("+33477224547"), 12);
		Summary right = agency("12 RUE PASTEUR", "agence-girard.fr", List.of("contact@agence-girard.fr"),
				List.of("+33477224547"), 12);

		assertThat(PairComparison.of(left, right).lines()).extracting(Line::field, Line::agreement)
			.containsExactly(tuple("address", Agreement.SAME), tuple("website", Agreement.SAME),
					tuple("email", Agreement.SAME), tuple("phone", Agreement.SAME),
					tuple("listing_count", Agreement.SAME));
	}

	/**
	 * A register's abbreviations and a portal's words are one street address, as the
	 * matching reads them: "même adresse" in the reasons, the same value on the page.
	 */
	@Test
	void readsAStreetWrittenShortAsTheSameAddress() {
		Summary left = agency("48 ALL GAMBETTA", null, List.of(), List.of(), null);
		Summary right = agency("48 allée Gambetta", null, List.of(), List.of(), null);
		assertThat(PairComparison.of(left, right).lines()).extracting(Line::field, Line::agreement)
			.containsExactly(tuple("address", Agreement.SAME));
		assertThat(PairComparison.of(left, agency("50 allée Gambetta", null, List.of(), List.of(), null)).lines())
			.extracting(Line::field, Line::agreement)
			.containsExactly(tuple("address", Agreement.DIFFERENT));
	}

	@Test
	void marksWhatContradictsWhatIsSharedAndWhatOnlyOneSideHas() {
		Summary left = agency("9 rue Garibaldi", null, List.of("a@girard.fr", "b@girard.fr"), List.of("+33477224547"),
				120);
		Summary right = agency(null, "girardin.fr", List.of("b@girard.fr"), List.of("+33478421560"), 80);

		List<Line> lines = PairComparison.of(left, right).lines();

		// an address with its street agrees with the same town without one
		assertThat(lines).extracting(Line::field, Line::agreement)
			.containsExactly(tuple("address", Agreement.SHARED), tuple("website", Agreement.ONE_SIDE),
					tuple("email", Agreement.SHARED), tuple("phone", Agreement.DIFFERENT),
					tuple("listing_count", Agreement.DIFFERENT));
		assertThat(lines.get(0).left()).isEqualTo("9 rue Garibaldi, 69007 Lyon");
		assertThat(lines.get(0).right()).isEqualTo("69007 Lyon");
		assertThat(lines.get(0).differs()).isFalse();
		assertThat(lines.get(3).differs()).isTrue();
		// values as the agency page shows them
		assertThat(lines.get(2).left()).isEqualTo("a@girard.fr, b@girard.fr");
		assertThat(lines.get(3).left()).isEqualTo("04 77 22 45 47");
		assertThat(lines.get(4).left()).isEqualTo("120");
	}

	@Test
	void leavesOutWhatNeitherAgencyHas() {
		Summary left = agency(null, null, null, List.of(), List.of(), null);
		Summary right = agency(" ", null, " ", List.of(), List.of(), null);

		assertThat(PairComparison.of(left, right).lines()).isEmpty();
	}

	@Test
	void letsAnEmailOrASiteBreakOnlyBeforeItsAtAndDots() {
		Summary left = agency("12 rue du Président Édouard Herriot", "agence.girard-lyon.fr",
				List.of("contact.direction@agence-girard.fr", "b@girard.fr"), List.of("+33477224547"), null);
		Summary right = agency(null, null, null, List.of(), List.of(), null);

		List<Line> lines = PairComparison.of(left, right).lines();

		assertThat(lines).extracting((line) -> line.pieces(false))
			.containsExactly(List.of("12 rue du Président Édouard Herriot, 69007 Lyon"),
					List.of("agence", ".girard-lyon", ".fr"),
					List.of("contact", ".direction", "@agence-girard", ".fr, b", "@girard", ".fr"),
					List.of("04 77 22 45 47"));
		assertThat(lines).allSatisfy((line) -> assertThat(line.pieces(true)).isEmpty());
	}

	@Test
	void comparesAPagesPairsFromOneReadOfTheirAgenciesAndLeavesOutThoseGone() {
		Summary girard = agency("9 rue Garibaldi", null, List.of(), List.of(), 12);
		Summary girardin = agency("9, RUE GARIBALDI", null, List.of(), List.of(), 40);
		Side one = new Side(girard.id(), "Cabinet Girard", "69007", "Lyon");
		Side two = new Side(girardin.id(), "Cabinet Girardin", "69007", "Lyon");
		Side gone = new Side(UUID.randomUUID(), "Cabinet Parti", "69007", "Lyon");
		Duplicate kept = new Duplicate(UUID.randomUUID(), two, one, 0.6, List.of());
		Duplicate orphan = new Duplicate(UUID.randomUUID(), gone, one, 0.6, List.of());
		List<Set<UUID>> reads = new ArrayList<>();

		Map<UUID, PairComparison> comparisons = PairComparison.byPair(List.of(kept, orphan), (d) -> d.other().id(),
				(d) -> d.agency().id(), (ids) -> {
					reads.add(ids);
					return Map.of(girard.id(), girard, girardin.id(), girardin);
				});

		assertThat(reads).singleElement().isEqualTo(Set.of(girard.id(), girardin.id(), gone.id()));
		assertThat(comparisons).containsOnlyKeys(kept.id());
		assertThat(comparisons.get(kept.id()).lines()).extracting(Line::left, Line::right, Line::agreement)
			.containsExactly(tuple("9 rue Garibaldi, 69007 Lyon", "9, RUE GARIBALDI, 69007 Lyon", Agreement.SAME),
					tuple("12", "40", Agreement.DIFFERENT));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	@Test
	void offersToKeepEitherSideWhereBothHaveValuesThatDiffer() {
		Summary left = new Summary(UUID.randomUUID(), "Agence Bordelaise", "Bordelaise Transactions", "732829320",
				"73282932000074", null, "3 rue Sainte-Catherine", "33000", "BORDEAUX", "33", null, List.of(),
				List.of(new Phone("+33556000001", "FIXED")), null, 12, null, null, List.of(), "ACTIVE", null, null,
				null, null, 0);
		Summary right = new Summary(UUID.randomUUID(), "L'Agence Bordelaise SAS", "bordelaise transactions",
				"542051180", "54205118000066", null, "18 cours de l'Intendance", "33000", "Bordeaux", "33",
				"agencebordelaise.fr", List.of(), List.of(new Phone("+33556000002", "FIXED")), null, 30, null, null,
				List.of(), "ACTIVE", null, null, null, null, 0);

		List<Line> lines = PairComparison.of(left, right).lines();

		// the names differ, so they are a line; the SIREN and SIRET are chosen together,
		// on the first of their lines; phones are joined, a site on one side filled
		assertThat(lines).extracting(Line::field, Line::agreement, Line::choice)
			.containsExactly(tuple("name", Agreement.DIFFERENT, "name"), tuple("trade_name", Agreement.SAME, null),
					tuple("siren", Agreement.DIFFERENT, "siret"), tuple("siret", Agreement.DIFFERENT, null),
					tuple("address", Agreement.DIFFERENT, "address"), tuple("website", Agreement.ONE_SIDE, null),
					tuple("phone", Agreement.DIFFERENT, null),
					tuple("listing_count", Agreement.DIFFERENT, "listingCount"));
		assertThat(lines.get(4).right()).isEqualTo("18 cours de l'Intendance, 33000 Bordeaux");
		assertThat(PairComparison.of(left, right).hasChoices()).isTrue();
		assertThat(PairComparison.of(left, left).lines()).extracting(Line::field).doesNotContain("name");
		assertThat(PairComparison.of(left, left).hasChoices()).isFalse();
	}

	@Test
	void aMergesConfirmationComparesEveryFieldAMergeChooses() {
		UUID lea = UUID.randomUUID();
		UUID marc = UUID.randomUUID();
		Summary left = new Summary(UUID.randomUUID(), "Agence Bordelaise", null, null, null, "6831Z", null, null, null,
				null, null, List.of(), List.of(), "transaction", null, 50_000_000L, "11", List.of(), "ACTIVE", lea,
				"Salon", null, null, 0);
		Summary right = new Summary(UUID.randomUUID(), "Agence Bordelaise", null, null, null, "6832A", null, null, null,
				null, null, List.of(), List.of(), "gestion", null, 150_000_000L, "12", List.of(), "ACTIVE", marc,
				"Fichier", null, null, 0);

		List<Line> lines = PairComparison
			.full(left, right, Map.of(lea, "Léa Garnier", marc, "Marc Petit"), (cents) -> (cents / 100) + " €")
			.lines();

		assertThat(lines).extracting(Line::field, Line::left, Line::right, Line::choice)
			.containsExactly(tuple("naf", "6831Z", "6832A", "naf"),
					tuple("specialty", "transaction", "gestion", "specialty"),
					tuple("revenue", "500000 €", "1500000 €", "revenue"),
					tuple("headcount", "11", "12", "headcountBand"),
					tuple("owner", "Léa Garnier", "Marc Petit", "owner"),
					tuple("source", "Salon", "Fichier", "source"));
	}

	private static Summary agency(String address, String website, List<String> emails, List<String> phones,
			Integer listings) {
		return agency(address, website, "69007", emails, phones, listings);
	}

	private static Summary agency(String address, String website, String postcode, List<String> emails,
			List<String> phones, Integer listings) {
		return new Summary(UUID.randomUUID(), "Cabinet Girard", null, null, null, null, address, postcode,
				(postcode != null && !postcode.isBlank()) ? "LYON" : null, "69", website, emails,
				phones.stream().map((p) -> new Phone(p, "FIXED")).toList(), null, listings, null, null, List.of(),
				"ACTIVE", null, "import", null, null, 0);
	}

}
