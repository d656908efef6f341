package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTests {

	@Test
	void dropsCaseAccentsPunctuationAndLegalForms() {
		assertThat(NameKey.of("SARL L'Agence de la Gare")).isEqualTo("agence gare");
		assertThat(NameKey.of("agence gare")).isEqualTo("agence gare");
		assertThat(NameKey.of("Agence-de-la-Gare, S.A.R.L.")).isEqualTo("agence gare");
	}

	@Test
	void dropsEveryCommonLegalForm() {
		for (String form : new String[] { "SARL", "SAS", "SASU", "EURL", "SCI", "SA", "SNC", "S.A.S.", "Sàrl" }) {
			assertThat(NameKey.of("Immo Sud " + form)).as(form).isEqualTo("immo sud");
		}
	}

	@Test
	void equatesImmobilierAndImmo() {
		assertThat(NameKey.of("Forêt Immobilière")).isEqualTo(NameKey.of("FORET IMMO"));
	}

	@Test
	void keepsDigitsOfBrands() {
		assertThat(NameKey.of("CENTURY 21 Agence du Port")).isEqualTo("century 21 agence port");
	}

	@Test
	void nameOfLittleWordsStillHasAKey() {
		assertThat(NameKey.of("SAS")).isEqualTo("sas");
	}

}
