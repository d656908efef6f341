package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodesTests {

	@Test
	void keepsFiveDigitsAndRestoresTheLostLeadingZero() {
		assertThat(Postcodes.normalise("75 008").value()).isEqualTo("75008");
		assertThat(Postcodes.normalise("1000").value()).isEqualTo("01000");
		assertThat(Postcodes.normalise("1000.0").value()).isEqualTo("01000");
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

}
