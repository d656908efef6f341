package fr.atlas.prospects.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

import fr.atlas.prospects.internal.ImportJob;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A running import's pace on its page: rows a second, grouped as every count of the page
 * ("12 000 lignes/s", not "12000"), and the time left in minutes once it is a minute or
 * more: "environ 369 s restantes" made a person count (ADR 0122).
 */
@Component("importPace")
public class ImportPace {

	private final MessageSource messages;

	ImportPace(MessageSource messages) {
		this.messages = messages;
	}

	/** The line for a running job, or null when its pace is not known yet. */
	public @Nullable String of(ImportJob job, Instant now, Locale locale) {
		return of(job.rate(now), job.secondsLeft(now), locale);
	}

	@Nullable String of(double rate, long secondsLeft, Locale locale) {
		if (rate <= 0 || secondsLeft < 0) {
			return null;
		}
		NumberFormat grouped = NumberFormat.getIntegerInstance(locale);
		String rows = grouped.format(Math.max(1, Math.round(rate)));
		if (secondsLeft < 60) {
			return this.messages.getMessage("prospects.import.rate", new Object[] { rows, secondsLeft }, locale);
		}
		// whole minutes, up: "about 1 min" for 61 s would promise too much
		long minutes = (secondsLeft + 59) / 60;
		return this.messages.getMessage("prospects.import.rate.minutes", new Object[] { rows, minutes }, locale);
	}

}
