package fr.atlas.prospects.internal;

import fr.atlas.prospects.internal.PhoneNumbers.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void acceptsEveryFrenchWritingOfTheSameNumber() {
		for (String raw : new String[] { "01 23 45 67 89", "01.23.45.67.89", "0123456789", "+33 1 23 45 67 89",
				"0033 1 23 45 67 89", "+33 (0)1 23 45 67 89", "01-23-45-67-89", "123456789" }) {
			assertThat(PhoneNumbers.normalise(raw).value()).as(raw)
				.isEqualTo(new PhoneNumbers.Phone("+33123456789", Kind.FIXED));
		}
	}

	@Test
	void tellsMobilesFromFixedLines() {
		assertThat(PhoneNumbers.normalise("06 12 34 56 78").value().kind()).isEqualTo(Kind.MOBILE);
		assertThat(PhoneNumbers.normalise("07 81 23 45 67").value().e164()).isEqualTo("+33781234567");
		assertThat(PhoneNumbers.normalise("04 91 00 00 00").value().kind()).isEqualTo(Kind.FIXED);
	}

	@Test
	void keepsForeignNumbersWithTheirCountryCode() {
		assertThat(PhoneNumbers.normalise("+49 30 12345678").value().e164()).isEqualTo("+493012345678");
	}

	@Test
	void rejectsWhatIsNotANumber() {
		assertThat(PhoneNumbers.normalise("01 23").problem()).isEqualTo("invalid");
		assertThat(PhoneNumbers.normalise("pas de tel").problem()).isEqualTo("invalid");
	}

}
