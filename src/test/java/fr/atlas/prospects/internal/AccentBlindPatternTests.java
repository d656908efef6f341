package fr.atlas.prospects.internal;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccentBlindPatternTests {

	@Test
	void findsTheTextWhateverTheAccentsCaseAndLigaturesOfTheValue() {
		assertFinds("laforet", "Laforêt Évian Centre");
		assertFinds("LAFORÊT", "laforet evian");
		assertFinds("evian centre", "Laforêt Évian-Centre");
		assertFinds("evian centre", "ÉVIAN  CENTRE");
		assertFinds("coeur", "Immobilier du Cœur");
		assertFinds("COEUR", "IMMOBILIER DU CŒUR");
		assertFinds("strasse", "Maklerbüro Straße");
		assertFinds("bjorn", "Bjørn Immobilier");
		assertFinds("l'adresse", "L’Adresse Annecy");
		assertFinds("21", "Century 21 Lumière");
	}

	@Test
	void findsNoOtherWordAndNoLetterTheTextDoesNotHave() {
		assertThat(matches("laforet", "Lafarge Immobilier")).isFalse();
		assertThat(matches("evian centre", "Évian Centre-Ville")).isTrue();
		assertThat(matches("evian centre", "Évian Centrale")).isFalse();
		assertThat(matches("evian centre", "Éviancentre")).isFalse();
		assertThat(matches("cote", "Côté Sud")).isTrue();
		assertThat(matches("cote", "Cotentin")).isTrue();
		assertThat(matches("cote", "Coeur")).isFalse();
	}

	@Test
	void keepsNothingOfTheTextButLettersAndDigits() {
		assertThat(AccentBlindPattern.of("a.*b")).isEqualTo(AccentBlindPattern.of("a b"));
		assertThat(AccentBlindPattern.of("(x|y)[z]\\")).doesNotContain("\\").doesNotContain("|y");
		assertThat(AccentBlindPattern.of("-- ' .")).isNull();
	}

	private static void assertFinds(String text, String value) {
		assertThat(matches(text, value)).as("%s in %s", text, value).isTrue();
	}

	private static boolean matches(String text, String value) {
		return Pattern.compile(AccentBlindPattern.of(text), Pattern.CASE_INSENSITIVE).matcher(value).find();
	}

}
