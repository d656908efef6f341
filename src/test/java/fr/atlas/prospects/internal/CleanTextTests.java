package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTests {

	@Test
	void trimsAndCollapsesAllKindsOfSpaces() {
		assertThat(CleanText.of("  Agence\u00A0 de\t la\n Gare \u202F")).isEqualTo("Agence de la Gare");
	}

	@Test
	void blankIsNull() {
		assertThat(CleanText.of(" \u00A0 ")).isNull();
		assertThat(CleanText.of(null)).isNull();
	}

	@Test
	void foldsCaseAndAccents() {
		assertThat(CleanText.fold("Élodie CŒUR Forêt")).isEqualTo("elodie coeur foret");
		assertThat(CleanText.words("Chiffre d'affaires (€)")).isEqualTo("chiffre d affaires");
	}

}
