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
		assertThat(JaroWinkler.textbook("martha", "marhta")).isCloseTo(0.961, within(0.001));
		assertThat(JaroWinkler.textbook("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
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
	void givesTheTextbookAlgorithmsValueForShortNames() {
		Random random = new Random(42);
		for (int pair = 0; pair < 20_000; pair++) {
			String a = randomName(random);
			String b = (random.nextInt(3) == 0) ? typo(a, random) : randomName(random);
			assertThat(JaroWinkler.similarity(a, b)).as("%s / %s", a, b).isEqualTo(JaroWinkler.textbook(a, b));
		}
	}

	private static String randomName(Random random) {
		// mostly short names, some up to the 64 characters of the bits path
		int length = (random.nextInt(10) == 0) ? 50 + random.nextInt(15) : random.nextInt(30);
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

}
