package fr.atlas.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import fr.atlas.audit.AuditQuery;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The audit search as typed in the page or the query string. Dates are ISO: a day
 * ({@code 2026-11-23}, read in Europe/Paris; {@code to} then includes that whole day) or
 * an instant ({@code 2026-11-23T10:15:00Z}).
 */
record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
		@Nullable String entityId, @Nullable String from, @Nullable String to, @Nullable String page,
		@Nullable String size) {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	AuditQuery toQuery() {
		List<FieldProblem> problems = new ArrayList<>();
		Instant start = instant("from", this.from, false, problems);
		Instant end = instant("to", this.to, true, problems);
		int pageNumber = number("page", this.page, 0, problems);
		int pageSize = number("size", this.size, AuditQuery.DEFAULT_SIZE, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new AuditQuery(this.actor, this.action, this.entityType, this.entityId, start, end, pageNumber,
				pageSize);
	}

	private static @Nullable Instant instant(String field, @Nullable String value, boolean endOfDay,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		try {
			if (!text.contains("T")) {
				LocalDate day = inYears(LocalDate.parse(text), LocalDate::getYear);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(PARIS).toInstant();
			}
			try {
				return inYears(OffsetDateTime.parse(text), OffsetDateTime::getYear).toInstant();
			}
			catch (DateTimeException ex) {
				return inYears(LocalDateTime.parse(text), LocalDateTime::getYear).atZone(PARIS).toInstant();
			}
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem(field, "audit.date.invalid"));
			return null;
		}
	}

	/**
	 * A date of the years 1 to 9999, as everywhere in the API: the database keeps no
	 * instant far beyond, and one was a 500 (ADR 0070).
	 */
	private static <T> T inYears(T date, ToIntFunction<T> year) {
		int value = year.applyAsInt(date);
		if (value < 1 || value > 9999) {
			throw new DateTimeException("year " + value + " outside 1 to 9999");
		}
		return date;
	}

	private static int number(String field, @Nullable String value, int absent, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			// the API's code for a parameter that is not a whole number (ADR 0070)
			problems.add(new FieldProblem(field, "json.expected.integer"));
			return absent;
		}
	}

}
