package fr.atlas.cases.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A date and time typed in a form's {@code datetime-local} field, which has no zone: read
 * as the wall clock in Paris shows it (ADR 0077). A time the clocks skip in spring (2:30
 * on the last Sunday of March) is refused, as no instant has it and moving it silently
 * planned a visit an hour off; a time they show twice in autumn is the first of the two,
 * in summer time, and {@link #repeated()} says so, so the page can tell the member.
 *
 * @param instant the moment meant
 * @param repeated the clock change when the time was shown twice that night, else null
 */
record WallClockTime(Instant instant, @Nullable ZoneOffsetTransition repeated) {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * The moment a field's value means, or null for an empty field.
	 * @param field the field, as problems name it
	 * @param days how the member's language writes a day, for the messages
	 */
	static @Nullable WallClockTime read(String field, @Nullable String value, DateTimeFormatter days) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "field.invalid");
		}
		// as the API (FourDigitYears): no timestamp column holds the year +999999999
		if (local.getYear() < 1 || local.getYear() > 9999) {
			throw new InvalidInputException(field, "field.invalid");
		}
		ZoneRules rules = PARIS.getRules();
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		if (offsets.isEmpty()) {
			ZoneOffsetTransition gap = rules.getTransition(local);
			throw new InvalidInputException(field, "cases.time.skipped", days.format(local), HOUR.format(local),
					HOUR.format(gap.getDateTimeBefore()), HOUR.format(gap.getDateTimeAfter()));
		}
		// in an overlap the offsets come in the order of the clocks: the first is the
		// earlier moment, still in summer time
		return new WallClockTime(local.atOffset(offsets.getFirst()).toInstant(),
				(offsets.size() > 1) ? rules.getTransition(local) : null);
	}

	static @Nullable Instant instantOf(@Nullable WallClockTime time) {
		return (time != null) ? time.instant() : null;
	}

}
