package fr.atlas.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A day or an instant a page or a report's parameters give is within the years 1 to 9999,
 * as the API's JSON values are (platform's FourDigitYears). Parameters are bound by
 * Spring's own conversion, which reads {@code -999999999-01-01}: the timestamp made of it
 * overflowed, and the report, its CSV and the board were a 500.
 */
public final class FourDigitDays {

	private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant PAST_LAST = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private FourDigitDays() {
	}

	/** {@code day}, or invalid input on {@code field} outside the years 1 to 9999. */
	public static @Nullable LocalDate checked(String field, @Nullable LocalDate day) {
		if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
			throw new InvalidInputException(field, "json.expected.date");
		}
		return day;
	}

	/** {@code instant}, or invalid input on {@code field} outside the years 1 to 9999. */
	public static Instant checked(String field, Instant instant) {
		// compared, not converted: an instant of the year -1000000000 has no date
		if (instant.isBefore(FIRST) || !instant.isBefore(PAST_LAST)) {
			throw new InvalidInputException(field, "field.invalid");
		}
		return instant;
	}

}
