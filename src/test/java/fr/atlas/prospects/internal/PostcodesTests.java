package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodesTests {

	@Test
	void keepsFiveDigitsAndRestoresTheLostLeadingZero() {
		assertThat(Postcodes.normalise("75 008").value()).isEqualTo("75008");
		assertThat(Postcodes.normalise("1000").value()).isEqualTo("01000");
		assertThat(Postcodes.normalise("1000.0").value()).isEqualTo("01000");
		assertThat(Postcodes.normalise("7,5008E+4").value()).isEqualTo("75008");
		assertThat(Postcodes.normalise("1.5E+3").value()).isEqualTo("01500");
	}

	@Test
	void rejectsWhatIsNotAFrenchPostcode() {
		assertThat(Postcodes.normalise("750").problem()).isEqualTo("invalid");
		assertThat(Postcodes.normalise("7500A").problem()).isEqualTo("invalid");
		assertThat(Postcodes.normalise("00100").problem()).isEqualTo("invalid");
	}

	@Test
	void derivesDepartments() {
		assertThat(Postcodes.department("75008")).isEqualTo("75");
		assertThat(Postcodes.department("01000")).isEqualTo("01");
		assertThat(Postcodes.department("20000")).isEqualTo("2A");
		assertThat(Postcodes.department("20190")).isEqualTo("2A");
		assertThat(Postcodes.department("20200")).isEqualTo("2B");
		assertThat(Postcodes.department("20600")).isEqualTo("2B");
		assertThat(Postcodes.department("97400")).isEqualTo("974");
		assertThat(Postcodes.department("97100")).isEqualTo("971");
		assertThat(Postcodes.department("98800")).isEqualTo("988");
	}

	@Test
	void monacoHasFrenchPostcodesButNoDepartment() {
		assertThat(Postcodes.normalise("98000").value()).isEqualTo("98000");
		assertThat(Postcodes.monaco("98000")).isTrue();
		assertThat(Postcodes.department("98000")).isNull();
		assertThat(Postcodes.department("98015")).isNull();
		// the collectivities beside it keep theirs
		assertThat(Postcodes.monaco("98600")).isFalse();
		assertThat(Postcodes.department("98600")).isEqualTo("986");
		assertThat(Postcodes.monaco("06000")).isFalse();
		assertThat(Postcodes.monaco(null)).isFalse();
	}

	@Test
	void checksAsTheRegularExpressions() {
		MessyText messy = new MessyText(6);
		String[] pieces = { "0", "1", "2", "7", "9", "75", "008", "96", "99", "00", " ", ".", "..", ".0", ".00", "-",
				"\t", "\u00A0", "a", "0.", "1000", "\u2007" };
		for (int i = 0; i < 50_000; i++) {
			String raw = messy.of(pieces, 6);
			assertThat(Postcodes.normalise(raw)).as(raw).isEqualTo(byPatterns(raw));
		}
	}

	/** {@link Postcodes#normalise} as it was, through regular expressions. */
	private static Checked<String> byPatterns(String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		if (text.matches("[0-9]+\\.0+")) {
			text = text.substring(0, text.indexOf('.'));
		}
		String digits = text.replaceAll("[\\s.]", "");
		if (digits.matches("[1-9][0-9]{3}")) {
			digits = "0" + digits;
		}
		if (!digits.matches("[0-9]{5}") || digits.startsWith("00") || digits.startsWith("96")
				|| digits.startsWith("99")) {
			return Checked.invalid("invalid");
		}
		return Checked.ok(digits);
	}

}
