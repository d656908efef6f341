package fr.atlas.prospects.internal;

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

}
