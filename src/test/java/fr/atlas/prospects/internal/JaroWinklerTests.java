package fr.atlas.prospects.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JaroWinklerTests {

	@Test
	void matchesTheTextbookValues() {
		assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
		assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
	}

	@Test
	void identicalIsOneAndDisjointIsZero() {
		assertThat(JaroWinkler.similarity("agence gare", "agence gare")).isEqualTo(1.0);
		assertThat(JaroWinkler.similarity("abc", "xyz")).isEqualTo(0.0);
		assertThat(JaroWinkler.similarity("", "abc")).isEqualTo(0.0);
	}

	@Test
	void toleratesATypo() {
		assertThat(JaroWinkler.similarity("agence gare", "agence gar")).isGreaterThan(0.97);
	}

	@Test
	void givesTheTextbookAlgorithmsValueForShortAndLongNames() {
		Random random = new Random(42);
		for (int pair = 0; pair < 20_000; pair++) {
			String a = randomName(random);
			String b = (random.nextInt(3) == 0) ? typo(a, random) : randomName(random);
			assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", a, b).isEqualTo(textbook(a, b));
		}
	}

	private static String randomName(Random random) {
		// mostly short names, some of 64 characters and more (the long path)
		int length = (random.nextInt(10) == 0) ? 60 + random.nextInt(20) : random.nextInt(30);
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < length; i++) {
			name.append("aeimnorst ".charAt(random.nextInt(10)));
		}
		return name.toString();
	}

	private static String typo(String name, Random random) {
		if (name.length() < 2) {
			return name + "x";
		}
		int at = random.nextInt(name.length() - 1);
		return name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
	}

	/** Jaro-Winkler as textbooks write it, with arrays of flags. */
	private static double textbook(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (a.isEmpty() || b.isEmpty()) {
			return 0.0;
		}
		int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
		boolean[] matchedA = new boolean[a.length()];
		boolean[] matchedB = new boolean[b.length()];
		int matches = 0;
		for (int i = 0; i < a.length(); i++) {
			for (int j = Math.max(0, i - window); j <= Math.min(b.length() - 1, i + window); j++) {
				if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
					matchedA[i] = true;
					matchedB[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0.0;
		}
		int transpositions = 0;
		int k = 0;
		for (int i = 0; i < a.length(); i++) {
			if (matchedA[i]) {
				while (!matchedB[k]) {
					k++;
				}
				if (a.charAt(i) != b.charAt(k)) {
					transpositions++;
				}
				k++;
			}
		}
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1.0 - jaro);
	}

}
