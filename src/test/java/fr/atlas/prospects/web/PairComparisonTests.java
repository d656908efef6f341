package fr.atlas.prospects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.prospects.internal.ProspectSearch.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Phone;
import fr.atlas.prospects.internal.ProspectSearch.Side;
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

	@Test
	void marksWhatContradictsWhatIsSharedAndWhatOnlyOneSideHas() {
		Summary left = agency("9 rue Garibaldi", null, List.of("a@girard.fr", "b@girard.fr"), List.of("+33477224547"),
				120);
		Summary right = agency(null, "girardin.fr", List.of("b@girard.fr"), List.of("+33478421560"), 80);

		List<Line> lines = PairComparison.of(left, right).lines();

		assertThat(lines).extracting(Line::field, Line::agreement)
			.containsExactly(tuple("address", Agreement.ONE_SIDE), tuple("website", Agreement.ONE_SIDE),
					tuple("email", Agreement.SHARED), tuple("phone", Agreement.DIFFERENT),
					tuple("listing_count", Agreement.DIFFERENT));
		assertThat(lines.get(0).left()).isEqualTo("9 rue Garibaldi");
		assertThat(lines.get(0).right()).isNull();
		assertThat(lines.get(0).differs()).isFalse();
		assertThat(lines.get(3).differs()).isTrue();
		// values as the agency page shows them
		assertThat(lines.get(2).left()).isEqualTo("a@girard.fr, b@girard.fr");
		assertThat(lines.get(3).left()).isEqualTo("04 77 22 45 47");
		assertThat(lines.get(4).left()).isEqualTo("120");
	}

	@Test
	void leavesOutWhatNeitherAgencyHas() {
		Summary left = agency(null, null, List.of(), List.of(), null);
		Summary right = agency(" ", null, List.of(), List.of(), null);

		assertThat(PairComparison.of(left, right).lines()).isEmpty();
	}

	@Test
	void letsAnEmailOrASiteBreakOnlyBeforeItsAtAndDots() {
		Summary left = agency("12 rue du Président Édouard Herriot", "agence.girard-lyon.fr",
				List.of("contact.direction@agence-girard.fr", "b@girard.fr"), List.of("+33477224547"), null);
		Summary right = agency(null, null, List.of(), List.of(), null);

		List<Line> lines = PairComparison.of(left, right).lines();

		assertThat(lines).extracting((line) -> line.pieces(false))
			.containsExactly(List.of("12 rue du Président Édouard Herriot"), List.of("agence", ".girard-lyon", ".fr"),
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
			.containsExactly(tuple("9 rue Garibaldi", "9, RUE GARIBALDI", Agreement.SAME),
					tuple("12", "40", Agreement.DIFFERENT));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static Summary agency(String address, String website, List<String> emails, List<String> phones,
			Integer listings) {
		return new Summary(UUID.randomUUID(), "Cabinet Girard", null, null, null, null, address, "69007", "LYON", "69",
				website, emails, phones.stream().map((p) -> new Phone(p, "FIXED")).toList(), null, listings, null, null,
				List.of(), "ACTIVE", null, "import", null, null, 0);
	}

}
