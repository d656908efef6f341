package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeadcountTests {

	@Test
	void readsCountsAndRangesAsFilesWriteThem() {
		assertThat(Headcount.in("12")).contains(new Headcount(12, 12));
		assertThat(Headcount.in("12 salariés")).contains(new Headcount(12, 12));
		assertThat(Headcount.in("Effectif : 3 personnes")).contains(new Headcount(3, 3));
		assertThat(Headcount.in("20 à 49 salariés")).contains(new Headcount(20, 49));
		assertThat(Headcount.in("de 10 a 19")).contains(new Headcount(10, 19));
		assertThat(Headcount.in("10-19")).contains(new Headcount(10, 19));
		assertThat(Headcount.in("10 – 19")).contains(new Headcount(10, 19));
		assertThat(Headcount.in("entre 6 et 9 salariés")).contains(new Headcount(6, 9));
		assertThat(Headcount.in("50 to 99 employees")).contains(new Headcount(50, 99));
		assertThat(Headcount.in("1 000 à 1 999 salariés")).contains(new Headcount(1000, 1999));
		assertThat(Headcount.in("1\u202f000 à 1\u202f999")).contains(new Headcount(1000, 1999));
		assertThat(Headcount.in("1 000 000")).contains(new Headcount(1_000_000, 1_000_000));
		assertThat(Headcount.in("19-10")).contains(new Headcount(10, 19));
	}

	@Test
	void readsOpenRangesAndNobody() {
		assertThat(Headcount.in("250+")).contains(new Headcount(250, null));
		assertThat(Headcount.in("250 salariés et plus")).contains(new Headcount(250, null));
		assertThat(Headcount.in("Plus de 50 salariés")).contains(new Headcount(51, null));
		assertThat(Headcount.in("> 50")).contains(new Headcount(51, null));
		assertThat(Headcount.in("au moins 5")).contains(new Headcount(5, null));
		assertThat(Headcount.in("Moins de 10 salariés")).contains(new Headcount(0, 9));
		assertThat(Headcount.in("jusqu'à 5")).contains(new Headcount(0, 5));
		assertThat(Headcount.in("Aucun salarié")).contains(new Headcount(0, 0));
		assertThat(Headcount.in("0 salarié")).contains(new Headcount(0, 0));
		assertThat(Headcount.in("NN")).contains(new Headcount(0, 0));
		assertThat(Headcount.in("no employees")).contains(new Headcount(0, 0));
	}

	/**
	 * INSEE's codes with a leading zero are no count anybody writes; the others ("12")
	 * are read as counts unless the column says it holds bands.
	 */
	@Test
	void readsInseeCodesThatCannotBeCounts() {
		assertThat(Headcount.in("00")).contains(new Headcount(0, 0));
		assertThat(Headcount.in("01")).contains(new Headcount(1, 2));
		assertThat(Headcount.in("02")).contains(new Headcount(3, 5));
		assertThat(Headcount.in("03")).contains(new Headcount(6, 9));
		assertThat(Headcount.in("12")).contains(new Headcount(12, 12));
		assertThat(Headcount.in(Headcount.fromBandColumn("12"))).contains(new Headcount(20, 49));
		assertThat(Headcount.in(Headcount.fromBandColumn("53"))).contains(new Headcount(10000, null));
		assertThat(Headcount.in(Headcount.fromBandColumn("nn"))).contains(new Headcount(0, 0));
		assertThat(Headcount.fromBandColumn("20 à 49 salariés")).isEqualTo("20 à 49 salariés");
		assertThat(Headcount.fromBandColumn("13")).isEqualTo("13");
	}

	@Test
	void saysNothingOfTextsWithoutANumberOfPeople() {
		assertThat(Headcount.in(null)).isEmpty();
		assertThat(Headcount.in(" ")).isEmpty();
		assertThat(Headcount.in("PME")).isEmpty();
		assertThat(Headcount.in("1,5")).isEmpty();
		assertThat(Headcount.in("2 salariés + 1 apprenti")).isEmpty();
		assertThat(Headcount.in("3, 4, 5")).isEmpty();
		assertThat(Headcount.in("moins de 0")).isEmpty();
		assertThat(Headcount.in("123456789")).isEmpty();
	}

	@Test
	void rangesMeetWhenTheyShareANumber() {
		Headcount tenToNineteen = new Headcount(10, 19);
		assertThat(new Headcount(12, 12).overlaps(tenToNineteen)).isTrue();
		assertThat(new Headcount(5, 10).overlaps(tenToNineteen)).isTrue();
		assertThat(new Headcount(20, null).overlaps(tenToNineteen)).isFalse();
		assertThat(new Headcount(15, null).overlaps(tenToNineteen)).isTrue();
		assertThat(new Headcount(0, 9).overlaps(tenToNineteen)).isFalse();
		assertThat(tenToNineteen.overlaps(new Headcount(250, null))).isFalse();
	}

	/** The menu's ranges and each range's code read back as themselves. */
	@Test
	void codesReadBackAsTheirRange() {
		for (Headcount band : Headcount.BANDS) {
			assertThat(Headcount.in(band.code())).as(band.code()).contains(band);
		}
		assertThat(List.of(new Headcount(12, 12).code(), new Headcount(0, 0).code(), new Headcount(250, null).code()))
			.containsExactly("12", "0", "250+");
	}

	@Test
	void wordedInBothLanguages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/prospects");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Map<Headcount, List<String>> expected = Map.of(new Headcount(0, 0), List.of("Aucun salarié", "No employees"),
				new Headcount(1, 1), List.of("1 salarié", "1 employee"), new Headcount(12, 12),
				List.of("12 salariés", "12 employees"), new Headcount(20, 49),
				List.of("20 à 49 salariés", "20 to 49 employees"), new Headcount(250, null),
				List.of("250 salariés ou plus", "250 employees or more"));
		expected.forEach((range, wordings) -> {
			assertThat(label(messages, range, Locale.FRENCH)).isEqualTo(wordings.get(0));
			assertThat(label(messages, range, Locale.ENGLISH)).isEqualTo(wordings.get(1));
		});
		assertThat(label(messages, new Headcount(1000, 1999), Locale.ENGLISH)).isEqualTo("1,000 to 1,999 employees");
	}

	private static String label(ResourceBundleMessageSource messages, Headcount range, Locale locale) {
		return messages.getMessage(range.labelCode(), new Object[] { range.min(), range.max() }, locale);
	}

}
