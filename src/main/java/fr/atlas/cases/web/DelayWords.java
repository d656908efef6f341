package fr.atlas.cases.web;

import java.time.Duration;
import java.util.Locale;

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

}
