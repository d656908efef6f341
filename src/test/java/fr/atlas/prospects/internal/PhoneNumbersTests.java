package fr.atlas.prospects.internal;

import java.util.Random;

import fr.atlas.prospects.internal.PhoneNumbers.Kind;
import fr.atlas.prospects.internal.PhoneNumbers.Phone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void acceptsEveryFrenchWritingOfTheSameNumber() {
		for (String raw : new String[] { "01 23 45 67 89", "01.23.45.67.89", "0123456789", "+33 1 23 45 67 89",
				"0033 1 23 45 67 89", "+33 (0)1 23 45 67 89", "01-23-45-67-89", "123456789", "123456789.0",
				"0123456789.00", "1.23456789E+8", "1,23456789E+8" }) {
			assertThat(PhoneNumbers.normalise(raw).value()).as(raw)
				.isEqualTo(new PhoneNumbers.Phone("+33123456789", Kind.FIXED));
		}
	}

	@Test
	void readsANumberASpreadsheetWroteInScientificNotationOnlyWithItsDigits() {
		assertThat(PhoneNumbers.normalise("6,12345678E+8").value().e164()).isEqualTo("+33612345678");
		assertThat(PhoneNumbers.normalise("6.123456E+8").value().e164()).isEqualTo("+33612345600");
		// six digits of nine: the number is lost
		assertThat(PhoneNumbers.normalise("6,12346E+8").problem()).isEqualTo("invalid");
	}

	@Test
	void tellsMobilesFromFixedLines() {
		assertThat(PhoneNumbers.normalise("06 12 34 56 78").value().kind()).isEqualTo(Kind.MOBILE);
		assertThat(PhoneNumbers.normalise("07 81 23 45 67").value().e164()).isEqualTo("+33781234567");
		assertThat(PhoneNumbers.normalise("04 91 00 00 00").value().kind()).isEqualTo(Kind.FIXED);
	}

	@Test
	void givesOverseasDepartmentsTheirOwnCountryCode() {
		// dialled with a 0 like metropolitan numbers, but +262, +590, +596, +594
		assertThat(PhoneNumbers.normalise("0262 12 34 56").value())
			.isEqualTo(new PhoneNumbers.Phone("+262262123456", Kind.FIXED));
		assertThat(PhoneNumbers.normalise("06 92 12 34 56").value())
			.isEqualTo(new PhoneNumbers.Phone("+262692123456", Kind.MOBILE));
		assertThat(PhoneNumbers.normalise("0690 12 34 56").value().e164()).isEqualTo("+590690123456");
		assertThat(PhoneNumbers.normalise("0696.61.23.45").value().e164()).isEqualTo("+596696612345");
		assertThat(PhoneNumbers.normalise("0262/12/34/56").value().e164()).isEqualTo("+262262123456");
		assertThat(PhoneNumbers.normalise("0694 20 12 34").value().e164()).isEqualTo("+594694201234");
		assertThat(PhoneNumbers.normalise("+262 262 12 34 56").value().e164()).isEqualTo("+262262123456");
		// fixed lines of Martinique and Mayotte, which France's plan takes too, are one
		// number however written
		assertThat(PhoneNumbers.normalise("0596 60 00 00").value())
			.isEqualTo(new PhoneNumbers.Phone("+596596600000", Kind.FIXED));
		assertThat(PhoneNumbers.normalise("+596 596 60 00 00").value().e164()).isEqualTo("+596596600000");
		assertThat(PhoneNumbers.normalise("+33 5 96 60 00 00").value().e164()).isEqualTo("+596596600000");
		assertThat(PhoneNumbers.normalise("0269 61 00 00").value().e164()).isEqualTo("+262269610000");
		assertThat(PhoneNumbers.normalise("+262 269 61 00 00").value().e164()).isEqualTo("+262269610000");
		assertThat(PhoneNumbers.normalise("0590 12 34 56").value().e164()).isEqualTo("+590590123456");
		// a metropolitan number stays French
		assertThat(PhoneNumbers.normalise("06 12 34 56 78").value().e164()).isEqualTo("+33612345678");
	}

	@Test
	void keepsForeignNumbersWithTheirCountryCode() {
		assertThat(PhoneNumbers.normalise("+49 30 12345678").value().e164()).isEqualTo("+493012345678");
	}

	@Test
	void readsMonacoNumbersWithTheirCountryCodeAnywhereAndWithoutItInMonaco() {
		// written with +377 or 00377: Monaco's wherever the agency is
		assertThat(PhoneNumbers.normalise("+377 93 15 20 00").value())
			.isEqualTo(new PhoneNumbers.Phone("+37793152000", Kind.FIXED));
		assertThat(PhoneNumbers.normalise("00377 93 15 20 00").value().e164()).isEqualTo("+37793152000");
		assertThat(PhoneNumbers.normalise("+377 6 12 34 56 78").value())
			.isEqualTo(new PhoneNumbers.Phone("+377612345678", Kind.MOBILE));
		// eight digits are no French number...
		assertThat(PhoneNumbers.normalise("93 15 20 00").problem()).isEqualTo("invalid");
		assertThat(PhoneNumbers.normalise("93 15 20 00", null).problem()).isEqualTo("invalid");
		// ...but Monaco's national number for an agency there
		assertThat(PhoneNumbers.normalise("93 15 20 00", "MC").value())
			.isEqualTo(new PhoneNumbers.Phone("+37793152000", Kind.FIXED));
		assertThat(PhoneNumbers.normalise("93.15.20.00 poste 12", "MC").value().e164()).isEqualTo("+37793152000");
		// a French number stays French in Monaco, as do the overseas ones
		assertThat(PhoneNumbers.normalise("06 12 34 56 78", "MC").value().e164()).isEqualTo("+33612345678");
		assertThat(PhoneNumbers.normalise("04 93 00 00 00", "MC").value().e164()).isEqualTo("+33493000000");
		assertThat(PhoneNumbers.normalise("0262 12 34 56", "MC").value().e164()).isEqualTo("+262262123456");
		assertThat(PhoneNumbers.normalise("01 23", "MC").problem()).isEqualTo("invalid");
	}

	@Test
	void rejectsWhatIsNotANumber() {
		assertThat(PhoneNumbers.normalise("01 23").problem()).isEqualTo("invalid");
		assertThat(PhoneNumbers.normalise("pas de tel").problem()).isEqualTo("invalid");
	}

	@Test
	void givesWhatLibphonenumberGivesForAnyWriting() {
		// the French shapes skip libphonenumber: many generated writings, valid or not,
		// must come out as libphonenumber reads them
		Random random = new Random(2026);
		String[] starts = { "", "", "0", "0", "+33", "+33 ", "0033", "0033 ", "+33 (0)", "+33(0)", "+33 (0) ", "+",
				"00", "+32 ", "+330", "0033 0", "+33 0", "(0)", "+ 33 ", "33" };
		String[] separators = { " ", ".", "-", "", "", " ", "/", ". ", "  ", "\u00A0" };
		for (int i = 0; i < 30_000; i++) {
			StringBuilder raw = new StringBuilder(starts[random.nextInt(starts.length)]);
			int length = 7 + random.nextInt(8);
			String separator = separators[random.nextInt(separators.length)];
			for (int d = 0; d < length; d++) {
				if (d > 0 && random.nextInt(3) == 0) {
					raw.append(separator);
				}
				raw.append((char) ('0' + random.nextInt(10)));
			}
			if (random.nextInt(50) == 0) {
				raw.insert(random.nextInt(raw.length() + 1), "abx+()".charAt(random.nextInt(6)));
			}
			String text = raw.toString();
			assertThat(PhoneNumbers.normalise(text)).as(text).isEqualTo(libphonenumber(text));
		}
	}

	@Test
	void givesWhatLibphonenumberGivesForEveryFrenchShape() {
		Random random = new Random(7);
		for (int i = 0; i < 5_000; i++) {
			String significant = String.valueOf(100_000_000 + random.nextInt(900_000_000));
			String pairs = significant.charAt(0) + " " + significant.substring(1, 3) + " " + significant.substring(3, 5)
					+ " " + significant.substring(5, 7) + " " + significant.substring(7);
			for (String text : new String[] { significant, "0" + significant, "0" + pairs,
					"0" + pairs.replace(' ', '.'), "0" + pairs.replace(' ', '-'), "+33" + significant, "+33 " + pairs,
					"0033 " + pairs, "+33 (0)" + significant, "+33 (0)" + pairs, "+33(0)" + pairs }) {
				assertThat(PhoneNumbers.normalise(text)).as(text).isEqualTo(libphonenumber(text));
			}
		}
	}

	/**
	 * The normalisation through libphonenumber alone, the leading-zero repair and the
	 * overseas departments kept.
	 */
	private static Checked<Phone> libphonenumber(String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String digits = text.replaceAll("[^0-9+]", "");
		if (digits.length() == 9 && digits.charAt(0) != '0' && digits.indexOf('+') < 0) {
			text = "0" + digits;
			digits = text;
		}
		Checked<Phone> phone = PhoneNumbers.parse(text);
		// France's plan takes the fixed lines of Martinique and Mayotte too: they get
		// their own code, as their other numbers do
		if (!phone.isInvalid()
				&& (phone.value().e164().startsWith("+33596") || phone.value().e164().startsWith("+33269"))) {
			return PhoneNumbers.overseas("0" + phone.value().e164().substring(3), phone);
		}
		return phone.isInvalid() ? PhoneNumbers.overseas(digits, phone) : phone;
	}

	@Test
	void readsTheNumberBeforeAnExtension() {
		for (String raw : new String[] { "01 23 45 67 89 poste 12", "01 23 45 67 89 (poste 186)",
				"01.23.45.67.89 p.202", "0123456789 P106", "01 23 45 67 89 ext. 101", "01 23 45 67 89 - poste 177",
				"01 23 45 67 89 x12", "+33 1 23 45 67 89 Poste : 4" }) {
			assertThat(PhoneNumbers.normalise(raw).value()).as(raw)
				.isEqualTo(new PhoneNumbers.Phone("+33123456789", Kind.FIXED));
		}
		assertThat(PhoneNumbers.normalise("poste 12").value()).isNull();
		assertThat(PhoneNumbers.normalise("poste 12").isInvalid()).isFalse();
		assertThat(PhoneNumbers.normalise("06 12 34 56 78").value().e164()).isEqualTo("+33612345678");
	}

}
