package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneDisplayTests {

	@Test
	void showsFrenchNumbersInTheNationalFormat() {
		assertThat(PhoneDisplay.of("+33123456789")).isEqualTo("01 23 45 67 89");
		assertThat(PhoneDisplay.of("+33612345678")).isEqualTo("06 12 34 56 78");
	}

	@Test
	void showsOtherCountriesInTheInternationalFormat() {
		assertThat(PhoneDisplay.of("+3222345678")).isEqualTo("+32 2 234 56 78");
		assertThat(PhoneDisplay.of("+41446681800")).isEqualTo("+41 44 668 18 00");
	}

	@Test
	void leavesWhatDoesNotParseAsItIs() {
		assertThat(PhoneDisplay.of("standard")).isEqualTo("standard");
	}

}
