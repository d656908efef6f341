package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyIdentifiersTests {

	@Test
	void acceptsSirenWithSpaces() {
		assertThat(CompanyIdentifiers.siren("542 051 180").value()).isEqualTo("542051180");
		assertThat(CompanyIdentifiers.siren("542.051.180").value()).isEqualTo("542051180");
	}

	@Test
	void rejectsBadLuhnKey() {
		assertThat(CompanyIdentifiers.siren("542051181").problem()).isEqualTo("invalid_checksum");
		assertThat(CompanyIdentifiers.siret("54205118000067").problem()).isEqualTo("invalid_checksum");
	}

	@Test
	void rejectsWrongLengthOrLetters() {
		assertThat(CompanyIdentifiers.siren("54205118").problem()).isEqualTo("invalid_format");
		assertThat(CompanyIdentifiers.siret("542 051 180").problem()).isEqualTo("invalid_format");
		assertThat(CompanyIdentifiers.siret("5420511800006A").problem()).isEqualTo("invalid_format");
	}

	@Test
	void refusesZerosThatPassTheLuhnCheck() {
		assertThat(CompanyIdentifiers.luhn("00000000000000")).isTrue();
		assertThat(CompanyIdentifiers.siret("000 000 000 00000").problem()).isEqualTo("zeros");
		assertThat(CompanyIdentifiers.siren("000000000").problem()).isEqualTo("zeros");
		assertThat(CompanyIdentifiers.siren("000000018").value()).isEqualTo("000000018");
	}

	@Test
	void acceptsSiretWithSpacesAndSpreadsheetDecimals() {
		assertThat(CompanyIdentifiers.siret("542 051 180 00066").value()).isEqualTo("54205118000066");
		assertThat(CompanyIdentifiers.siret("54205118000066.0").value()).isEqualTo("54205118000066");
	}

	@Test
	void laPosteSiretsAreCheckedByTheirDigitSum() {
		assertThat(CompanyIdentifiers.siren("356000000").value()).isEqualTo("356000000");
		// not a Luhn number, but its digits add up to a multiple of 5
		assertThat(CompanyIdentifiers.luhn("35600000049837")).isFalse();
		assertThat(CompanyIdentifiers.siret("356 000 000 49837").value()).isEqualTo("35600000049837");
		// the head office keeps a Luhn key (its digits add up to 26)
		assertThat(CompanyIdentifiers.siret("356 000 000 00048").value()).isEqualTo("35600000000048");
		assertThat(CompanyIdentifiers.siret("35600000000049").problem()).isEqualTo("invalid_checksum");
		assertThat(CompanyIdentifiers.siret("35600000049838").problem()).isEqualTo("invalid_checksum");
	}

	@Test
	void readsANumberInScientificNotationThatKeptEveryDigit() {
		// as a spreadsheet or a script writes a number of 14 digits, dot or comma
		assertThat(CompanyIdentifiers.siret("4.0123456200015E+13").value()).isEqualTo("40123456200015");
		assertThat(CompanyIdentifiers.siret("4,0123456200015E+13").value()).isEqualTo("40123456200015");
		assertThat(CompanyIdentifiers.siret("5.4205118000066e13").value()).isEqualTo("54205118000066");
		assertThat(CompanyIdentifiers.siret(" 5,42051180000660E+13\u00A0").value()).isEqualTo("54205118000066");
		// a writer that gives the shortest form leaves out the last zeros
		assertThat(CompanyIdentifiers.siret("5.420511800009E+13").value()).isEqualTo("54205118000090");
		assertThat(CompanyIdentifiers.siret("5.42051180009E+13").value()).isEqualTo("54205118000900");
		assertThat(CompanyIdentifiers.siren("5.4205118E+8").value()).isEqualTo("542051180");
		// nine digits in the SIRET column are still a SIREN's
		assertThat(CompanyIdentifiers.siret("5.4205118E+8").problem()).isEqualTo("invalid_format");
	}

	@Test
	void saysANumberASpreadsheetRoundedInScientificNotationHasLostItsDigits() {
		// Excel's General format shows six digits of a 14-digit number, and a CSV export
		// writes what it shows
		assertThat(CompanyIdentifiers.siret("4,01235E+13").problem()).isEqualTo("scientific_notation");
		assertThat(CompanyIdentifiers.siret("5.42051E+13").problem()).isEqualTo("scientific_notation");
		assertThat(CompanyIdentifiers.siret("5E+13").problem()).isEqualTo("scientific_notation");
		assertThat(CompanyIdentifiers.siren("5,42051E+8").problem()).isEqualTo("scientific_notation");
		// three zeros left out may be digits lost: not read
		assertThat(CompanyIdentifiers.siret("5.4205118000E+13").problem()).isEqualTo("scientific_notation");
		// other bad values keep their code
		assertThat(CompanyIdentifiers.siret("5,42051E+13 et 1").problem()).isEqualTo("invalid_format");
		assertThat(CompanyIdentifiers.siret("5.42051E-13").problem()).isEqualTo("invalid_format");
		assertThat(CompanyIdentifiers.siret("4.01234562000151E+13").problem()).isEqualTo("invalid_format");
	}

	@Test
	void readsDigitsAsTheRegularExpressions() {
		MessyText messy = new MessyText(5);
		String[] pieces = { "0", "1", "5", "9", "123", "356000000", " ", ".", "..", ".0", ".00", "-", "_", "/", "\t",
				"\u00A0", "\u000B", "e", "E+8", ",", "a", "0.", "\u2007" };
		for (int i = 0; i < 50_000; i++) {
			String raw = messy.of(pieces, 8);
			assertThat(CompanyIdentifiers.digits(raw)).as(raw).isEqualTo(digitsByPatterns(raw));
		}
	}

	/**
	 * {@link CompanyIdentifiers#digits} as it was, through regular expressions, after the
	 * label a cell may name its number with ({@link #readsTheNumberOfACellThatNamesIt}).
	 */
	private static String digitsByPatterns(String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return null;
		}
		text = CompanyIdentifiers.withoutLabel(text);
		if (text.matches("[0-9]+\\.0+")) {
			text = text.substring(0, text.indexOf('.'));
		}
		java.util.regex.Matcher scientific = java.util.regex.Pattern
			.compile("([1-9])(?:[.,](?=[0-9])([0-9]*?)0*)?[eE]\\+?([0-9]{1,2})")
			.matcher(text);
		if (scientific.matches()) {
			String decimals = (scientific.group(2) != null) ? scientific.group(2) : "";
			int leftOut = Integer.parseInt(scientific.group(3)) - decimals.length();
			if (leftOut >= 0 && leftOut <= 2) {
				text = scientific.group(1) + decimals + "0".repeat(leftOut);
			}
		}
		String stripped = text.replaceAll("[\\s.\\-_/]", "");
		return stripped.isEmpty() ? null : stripped;
	}

	@Test
	void readsTheNumberOfACellThatNamesIt() {
		assertThat(CompanyIdentifiers.siret("SIRET : 542 051 180 00066").value()).isEqualTo("54205118000066");
		assertThat(CompanyIdentifiers.siret("Siret 54205118000066").value()).isEqualTo("54205118000066");
		assertThat(CompanyIdentifiers.siret("N° SIRET: 542.051.180.00066").value()).isEqualTo("54205118000066");
		assertThat(CompanyIdentifiers.siren("RCS Lyon B 542 051 180").value()).isEqualTo("542051180");
		assertThat(CompanyIdentifiers.siren("R.C.S. Nanterre 542051180").value()).isEqualTo("542051180");
		assertThat(CompanyIdentifiers.siren("FR12 542051180").value()).isEqualTo("542051180");
		assertThat(CompanyIdentifiers.siren("N° TVA : FR 12 542 051 180").value()).isEqualTo("542051180");
		assertThat(CompanyIdentifiers.siren("331629519 RCS Cholet").value()).isEqualTo("331629519");
		assertThat(CompanyIdentifiers.siren("397 674 136 R.C.S. Cannes").value()).isEqualTo("397674136");
		// a spreadsheet's rounded number stays unreadable
		assertThat(CompanyIdentifiers.siret("5,42051E+13").isInvalid()).isTrue();
		assertThat(CompanyIdentifiers.siret("en cours").isInvalid()).isTrue();
		// a long cell is read at once, and is no identifier
		String longCell = "SIRET " + "1 ".repeat(50_000) + "x";
		assertThat(CompanyIdentifiers.siret(longCell).isInvalid()).isTrue();
		assertThat(PhoneNumbers.normalise("p" + "1 ".repeat(50_000) + "x").isInvalid()).isTrue();
		assertThat(PlaceInAddress.of("1 rue X, " + "1 ".repeat(50_000) + "Paris")).isEmpty();
	}

}
