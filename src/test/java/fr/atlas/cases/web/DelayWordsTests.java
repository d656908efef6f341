package fr.atlas.cases.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time that went by, as the dashboard says it: "52,0 h" left a French reader to divide
 * by 24, "0,3 h" to multiply by 60.
 */
class DelayWordsTests {

	static final String NBSP = "\u00a0";

	final DelayWords words;

	DelayWordsTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/cases");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.words = new DelayWords(messages);
	}

	String french(Double hours) {
		return this.words.elapsed(hours, Locale.FRENCH).replace(NBSP, " ");
	}

	String english(Double hours) {
		return this.words.elapsed(hours, Locale.ENGLISH).replace(NBSP, " ");
	}

	@Test
	void saysATimeThatWentByInDaysHoursAndMinutes() {
		assertThat(french(52.0)).isEqualTo("2 j 4 h");
		assertThat(french(48.2)).isEqualTo("2 j");
		assertThat(french(3 + 20 / 60.0)).isEqualTo("3 h 20 min");
		assertThat(french(5.0)).isEqualTo("5 h");
		assertThat(french(0.75)).isEqualTo("45 min");
		assertThat(french(0.01)).isEqualTo("moins d’une minute");
		assertThat(french(0.0)).isEqualTo("moins d’une minute");
		// 23 h 59 min 50 s is a day, not "24 h"
		assertThat(french(24 - 10 / 3600.0)).isEqualTo("1 j");
		assertThat(french(null)).isEqualTo("—");
		assertThat(english(52.0)).isEqualTo("2 d 4 h");
		assertThat(english(3 + 20 / 60.0)).isEqualTo("3 h 20 min");
		assertThat(english(0.01)).isEqualTo("less than a minute");
	}

	@Test
	void keepsANumberAndItsUnitOnOneLine() {
		assertThat(this.words.elapsed(52.0, Locale.FRENCH)).isEqualTo("2" + NBSP + "j" + NBSP + "4" + NBSP + "h");
	}

}
