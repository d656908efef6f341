package fr.atlas.prospects.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPaceTests {

	private final ImportPace pace = new ImportPace(bundles());

	@Test
	void saysTheTimeLeftInMinutesOnceItIsAMinuteOrMore() {
		assertThat(this.pace.of(400.2, 369, Locale.FRENCH)).isEqualTo("400 lignes/s, environ 7 minutes restantes");
		assertThat(this.pace.of(400, 61, Locale.ENGLISH)).isEqualTo("400 rows/s, about 2 minutes left");
		assertThat(this.pace.of(400, 60, Locale.FRENCH)).isEqualTo("400 lignes/s, environ 1 minute restante");
		assertThat(this.pace.of(400, 42, Locale.FRENCH)).isEqualTo("400 lignes/s, environ 42 s restantes");
	}

	@Test
	void groupsTheRateAsTheCountsOfThePage() {
		assertThat(this.pace.of(14_285.7, 5, Locale.FRENCH)).isEqualTo("14\u202F286 lignes/s, environ 5 s restantes");
		assertThat(this.pace.of(14_285.7, 5, Locale.ENGLISH)).isEqualTo("14,286 rows/s, about 5 s left");
	}

	@Test
	void saysNothingBeforeAPaceIsKnown() {
		assertThat(this.pace.of(0, -1, Locale.FRENCH)).isNull();
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/prospects");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
