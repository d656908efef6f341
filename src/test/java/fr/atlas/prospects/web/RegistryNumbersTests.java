package fr.atlas.prospects.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryNumbersTests {

	private final RegistryNumbers numbers = new RegistryNumbers();

	@Test
	void groupsASirenInThrees() {
		assertThat(this.numbers.siren("732829320")).isEqualTo("732 829 320");
	}

	@Test
	void groupsASiretAsItsSirenThenItsEstablishment() {
		assertThat(this.numbers.siret("73282932000074")).isEqualTo("732 829 320 00074");
	}

	@Test
	void leavesAnythingElseAsItIs() {
		assertThat(this.numbers.siret(null)).isNull();
		assertThat(this.numbers.siret("7328293200007")).isEqualTo("7328293200007");
		assertThat(this.numbers.siren("73282932A")).isEqualTo("73282932A");
		assertThat(this.numbers.siret("")).isEmpty();
	}

}
