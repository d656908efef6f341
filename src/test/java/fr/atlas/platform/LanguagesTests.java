package fr.atlas.platform;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTests {

	@Test
	void speaksFrenchAndEnglishOnly() {
		assertThat(Languages.supports("fr")).isTrue();
		assertThat(Languages.supports("en")).isTrue();
		assertThat(Languages.supports("de")).isFalse();
		assertThat(Languages.supports("EN")).isFalse();
		assertThat(Languages.supports(null)).isFalse();
	}

	@Test
	void anyOtherLanguageReadsAsFrench() {
		assertThat(Languages.codeOf("en")).isEqualTo("en");
		assertThat(Languages.codeOf("es")).isEqualTo("fr");
		assertThat(Languages.codeOf((String) null)).isEqualTo("fr");
		assertThat(Languages.codeOf(Locale.UK)).isEqualTo("en");
		assertThat(Languages.codeOf(Locale.GERMANY)).isEqualTo("fr");
	}

}
