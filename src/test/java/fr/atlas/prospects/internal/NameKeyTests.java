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

	@Test
	void givesTheKeyOfTheRegularExpressions() {
		MessyText messy = new MessyText(2);
		String[] pieces = { "agence", "immo", "immobilière", "sarl", "s.a.r.l.", "S.A.S", "s.a", "a.b.c", "l'", "de",
				"la", " ", " ", "  ", ".", "..", "-", "&", "_", "a", "b.", ".c", "x.y", "1.2", "a1.b", "é.", "è", "st",
				"ste", "Œuvre", "ß", "ø.a", "a.ø", "\u0301", "e\u0301.a", "a.\u0301", "Σ.", "\uD83C\uDFE0", "21",
				"century", "'s", "A.", ".B", "_.a", "a._", "j.-p.", "\u00A0", "\u2028", "(", ")", "/" };
		for (int i = 0; i < 50_000; i++) {
			String name = messy.of(pieces, 9);
			String expected = NameKey.byPatterns(CleanText.foldByNormalizer(name).replace("&", " et "));
			assertThat(NameKey.of(name)).as(name).isEqualTo(expected);
		}
	}

}
