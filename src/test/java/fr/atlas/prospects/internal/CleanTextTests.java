package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTests {

	@Test
	void trimsAndCollapsesAllKindsOfSpaces() {
		assertThat(CleanText.of("  Agence\u00A0 de\t la\n Gare \u202F")).isEqualTo("Agence de la Gare");
	}

	@Test
	void leavesOutTheCharactersNobodySees() {
		// a bell, a terminal's colour, a NUL, DEL and a C1 control between words are
		// spaces
		assertThat(CleanText.of("Immo\u0007Sud\u001B[0m")).isEqualTo("Immo Sud [0m");
		assertThat(CleanText.of("\u0000Agence\u007Fdu\u0085Lac\u0008")).isEqualTo("Agence du Lac");
		// a zero-width space marks a break, a soft hyphen or a word joiner sits in a word
		assertThat(CleanText.of("Immo\u00ADbilier\u2060 du\u200BParc\u200B")).isEqualTo("Immobilier du Parc");
		assertThat(CleanText.of("\u200B\u0007\u00AD")).isNull();
		// most cells have none of them, and are kept as they came
		String plain = "Agence du Lac, 12 rue d'Évian";
		assertThat(CleanText.of(plain)).isSameAs(plain);
	}

	@Test
	void blankIsNull() {
		assertThat(CleanText.of(" \u00A0 ")).isNull();
		assertThat(CleanText.of(null)).isNull();
	}

	@Test
	void foldsCaseAndAccents() {
		assertThat(CleanText.fold("Élodie CŒUR Forêt")).isEqualTo("elodie coeur foret");
		// letters no decomposition takes apart, capitals included
		assertThat(CleanText.fold("Bjørn ØSTBY Łódź Đaković ÆGIR Straße ıŞık"))
			.isEqualTo("bjorn ostby lodz dakovic aegir strasse isik");
		assertThat(CleanText.words("Chiffre d'affaires (€)")).isEqualTo("chiffre d affaires");
	}

	@Test
	void foldsLetterByLetterAsTheNormalizerDoes() {
		MessyText messy = new MessyText(1);
		String[] pieces = { "a", "Z", " ", "-", ".", "'", "é", "È", "ç", "Ç", "à", "ô", "ï", "Ÿ", "œ", "Œ", "æ", "Æ",
				"ß", "ø", "ł", "Ł", "đ", "ı", "İ", "ǅ", "ǈ", "ȷ", "\u00A0", "\u00BD", "\u0085", "e\u0301", "\u0327",
				"\u0308", "Σ", "ς", "ﬁ", "Å", "\u212B", "\uD83C\uDFE0", "ő", "ň", "ŉ", "ſ", "ǰ", "0", "9", "_",
				"\u0250" };
		for (int i = 0; i < 50_000; i++) {
			String text = messy.of(pieces, 8);
			assertThat(CleanText.fold(text)).as(text).isEqualTo(CleanText.foldByNormalizer(text));
		}
		for (char c = 0; c < 0x400; c++) {
			String text = "x" + c + "Y" + c;
			assertThat(CleanText.fold(text)).as(text).isEqualTo(CleanText.foldByNormalizer(text));
		}
	}

	@Test
	void wordsAreThoseOfTheFoldedText() {
		MessyText messy = new MessyText(11);
		String[] pieces = { "Rue", "du", "Général", "de", "GAULLE", " ", "-", "'", "12", "bis", "Œ", "ß", "\u00A0", "_",
				"St", "é\u0301" };
		for (int i = 0; i < 20_000; i++) {
			String text = messy.of(pieces, 8);
			String folded = CleanText.foldByNormalizer(text);
			StringBuilder words = new StringBuilder();
			for (String word : folded.split("[^a-z0-9]+")) {
				if (!word.isEmpty()) {
					words.append(words.isEmpty() ? "" : " ").append(word);
				}
			}
			assertThat(CleanText.words(text)).as(text).isEqualTo(words.toString());
		}
	}

}
