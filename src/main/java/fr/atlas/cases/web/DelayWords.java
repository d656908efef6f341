package fr.atlas.cases.web;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A workflow's delay as the pages say it in the reader's language ("2 j", "2 d", "4 h"),
 * as its diagram does, rather than its ISO code (PT48H).
 */
@Component("delayWords")
public class DelayWords {

	private final MessageSource messages;

	DelayWords(MessageSource messages) {
		this.messages = messages;
	}

	/** The delay in the words of the current request's language. */
	public String of(Duration delay) {
		return of(delay, LocaleContextHolder.getLocale());
	}

	public String of(Duration delay, Locale locale) {
		if (delay.toDays() > 0 && delay.toHours() % 24 == 0) {
			return this.messages.getMessage("cases.delay.days", new Object[] { delay.toDays() }, locale);
		}
		if (delay.toHours() > 0 && delay.toMinutes() % 60 == 0) {
			return this.messages.getMessage("cases.delay.hours", new Object[] { delay.toHours() }, locale);
		}
		return this.messages.getMessage("cases.delay.minutes", new Object[] { delay.toMinutes() }, locale);
	}

	/**
	 * A time that went by, given in hours (a report's median), as a French user reads it:
	 * "2 j 4 h", "3 h 20 min", "45 min", "moins d'une minute". "52,0 h" left the reader
	 * to divide by 24, and "0,1 h" to multiply by 60. Days are of 24 hours (the time a
	 * lead waited, not working days), given to the hour; under a day, to the minute.
	 */
	public String elapsed(@Nullable Double hours) {
		return elapsed(hours, LocaleContextHolder.getLocale());
	}

	public String elapsed(@Nullable Double hours, Locale locale) {
		if (hours == null || hours.isNaN()) {
			return "—";
		}
		double seconds = Math.max(0, hours) * 3600;
		if (seconds < 60) {
			return this.messages.getMessage("cases.elapsed.under-a-minute", null, locale);
		}
		long minutes = Math.round(seconds / 60);
		if (minutes < 60) {
			return this.messages.getMessage("cases.elapsed.minutes", new Object[] { minutes }, locale);
		}
		if (minutes < 24 * 60) {
			long h = minutes / 60;
			long m = minutes % 60;
			return (m == 0) ? this.messages.getMessage("cases.elapsed.hours", new Object[] { h }, locale)
					: this.messages.getMessage("cases.elapsed.hours-minutes", new Object[] { h, m }, locale);
		}
		long wholeHours = Math.round(minutes / 60.0);
		long d = wholeHours / 24;
		long h = wholeHours % 24;
		return (h == 0) ? this.messages.getMessage("cases.elapsed.days", new Object[] { d }, locale)
				: this.messages.getMessage("cases.elapsed.days-hours", new Object[] { d, h }, locale);
	}

}
