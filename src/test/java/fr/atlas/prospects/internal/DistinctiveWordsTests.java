package fr.atlas.prospects.internal;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctiveWordsTests {

	@Test
	void namesAreComparedWhenTheyShareADistinctiveWordUpToATypo() {
		assertThat(related("Agence Dupont", "Dupont Immobilier")).isTrue();
		assertThat(related("Agence Dupont", "Agence Dupond")).isTrue();
		assertThat(related("Agence Lefebvre", "Agence Lefevre")).isTrue();
		assertThat(related("Agence de la Gare", "Agence de la Grae")).isTrue();
		assertThat(related("Cabinet Roy", "Cabinet Ryo")).isTrue();
		assertThat(related("Agence Martin", "Agence Martinez")).isTrue();
		assertThat(related("Agence Dupont", "Agence Durand")).isFalse();
		assertThat(related("Agence Gare", "Agence Port")).isFalse();
	}

	@Test
	void aNumberIsRelatedToItselfOnly() {
		assertThat(related("Agence 12", "Agence 12 Immobilier")).isTrue();
		assertThat(related("Agence 12", "Agence 13")).isFalse();
		assertThat(related("Agence 123456", "Agence 123457")).isFalse();
		assertThat(related("Agence 123456", "Agence 12345")).isFalse();
		assertThat(related("Century 21 Dupont", "Century 21 Dupond")).isTrue();
	}

	@Test
	void namesOfGenericWordsOnlyAreComparedWithEachOtherOnly() {
		assertThat(related("Agence Immobilière", "Cabinet Immobilier Conseil")).isTrue();
		assertThat(related("Agence Immobilière", "Agence Immobilière Dupont")).isFalse();
	}

	@Test
	void theTradeNameCountsAsMuchAsTheName() {
		NameForms withTrade = NameForms.of(NameKey.of("SARL Dupont et Fils"), "Les Toits de Vannes");
		assertThat(DistinctiveWords.related(withTrade, names("Toits de Vannes Immobilier"))).isTrue();
		assertThat(DistinctiveWords.related(names("Toits de Vannes Immobilier"), withTrade)).isTrue();
	}

	@Test
	void twoWordsAreRelatedExactlyWhenTheyShareAKey() {
		// small alphabets make many words one typo apart, and many that are not
		Random random = new Random(42);
		String[] alphabets = { "ab", "abc", "abcdef", "a1", "ab12" };
		int related = 0;
		for (int i = 0; i < 200_000; i++) {
			String letters = alphabets[i % alphabets.length];
			String a = word(random, letters);
			String b = word(random, letters);
			boolean expected = shareKey(a, b);
			related += expected ? 1 : 0;
			assertThat(DistinctiveWords.related(a, 0, a.length(), b, 0, b.length())).as(a + " / " + b)
				.isEqualTo(expected);
		}
		assertThat(related).isBetween(5_000, 195_000);
	}

	@Test
	void theRelationIsTheBoundedEditDistanceForWordsOfThreeOrMore() {
		Random random = new Random(7);
		for (int i = 0; i < 100_000; i++) {
			String a = word(random, "abcd");
			String b = word(random, "abcd");
			if (a.length() >= 3 && b.length() >= 3 && Deduplication.editDistance(a, b, 1) <= 1) {
				assertThat(DistinctiveWords.related(a, 0, a.length(), b, 0, b.length())).as(a + " / " + b).isTrue();
			}
		}
	}

	@Test
	void wordsAreReadInPlaceInsideLongerText() {
		String text = "xx dupont yy";
		String other = "dupond";
		assertThat(DistinctiveWords.related(text, 3, 9, other, 0, 6)).isTrue();
		assertThat(DistinctiveWords.related(text, 0, 2, other, 0, 6)).isFalse();
	}

	private static boolean related(String a, String b) {
		return DistinctiveWords.related(names(a), names(b));
	}

	private static NameForms names(String name) {
		return NameForms.of(NameKey.of(name), null);
	}

	private static String word(Random random, String letters) {
		int length = 1 + random.nextInt(7);
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append(letters.charAt(random.nextInt(letters.length())));
		}
		return word.toString();
	}

	/** The keys of the class's definition, as strings: the index relies on them. */
	private static boolean shareKey(String a, String b) {
		Set<String> keys = keys(a);
		keys.retainAll(keys(b));
		return !keys.isEmpty();
	}

	private static Set<String> keys(String word) {
		Set<String> keys = new HashSet<>();
		keys.add("=" + word);
		if (word.chars().anyMatch(Character::isDigit)) {
			return keys;
		}
		if (word.length() >= DistinctiveWords.PREFIX) {
			keys.add("^" + word.substring(0, DistinctiveWords.PREFIX));
		}
		if (word.length() >= 3) {
			for (int i = 0; i < word.length(); i++) {
				keys.add("=" + word.substring(0, i) + word.substring(i + 1));
			}
		}
		return keys;
	}

}
