package fr.atlas.cases.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When an organisation works: opening hours per day of the week in a time zone, French
 * public holidays off or not. SLAs count only this time: whole days of an SLA (24 h each,
 * {@code P2D}) are working days, the rest ({@code PT2H}) working hours. A lead created on
 * Friday at 17:30 with "first contact within 2 working hours" is due on Monday at 10:30.
 */
public record WorkingHours(ZoneId zone, Map<DayOfWeek, Opening> days,
		boolean frenchPublicHolidays) implements SlaCalendar {

	/** Monday to Friday, 09:00–18:00, Europe/Paris, French public holidays off. */
	public static final WorkingHours DEFAULT = defaults();

	// Far enough for any SLA, short enough that a bad calendar cannot loop for long.
	private static final int MAX_DAYS_SEARCHED = 3_660;

	public WorkingHours {
		Objects.requireNonNull(zone, "zone");
		days = Map.copyOf(days);
		if (days.isEmpty()) {
			throw new IllegalArgumentException("no working day");
		}
	}

	private static WorkingHours defaults() {
		Map<DayOfWeek, Opening> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				days.put(day, new Opening(LocalTime.of(9, 0), LocalTime.of(18, 0)));
			}
		}
		return new WorkingHours(ZoneId.of("Europe/Paris"), days, true);
	}

	/** The opening of a calendar day, or null when it is not worked. */
	public @Nullable Opening openingOn(LocalDate date) {
		if (this.frenchPublicHolidays && FrenchPublicHolidays.contains(date)) {
			return null;
		}
		return this.days.get(date.getDayOfWeek());
	}

	public boolean isWorkingDay(LocalDate date) {
		return openingOn(date) != null;
	}

	@Override
	public Instant deadline(Instant start, Duration sla) {
		if (sla.isNegative()) {
			throw new IllegalArgumentException("negative SLA");
		}
		ZonedDateTime at = nextWorkingMoment(start.atZone(this.zone));
		for (long day = 0; day < sla.toDays(); day++) {
			at = sameTimeNextWorkingDay(at);
		}
		return plusWorkingTime(at, sla.minusDays(sla.toDays())).toInstant();
	}

	/** {@code start} itself when it falls in working hours, else the next opening. */
	private ZonedDateTime nextWorkingMoment(ZonedDateTime start) {
		ZonedDateTime at = start;
		for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
			LocalDate date = at.toLocalDate();
			Opening opening = openingOn(date);
			if (opening != null) {
				ZonedDateTime opens = ZonedDateTime.of(date, opening.opens(), this.zone);
				ZonedDateTime closes = ZonedDateTime.of(date, opening.closes(), this.zone);
				if (at.isBefore(opens)) {
					return opens;
				}
				if (at.isBefore(closes)) {
					return at;
				}
			}
			at = ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, this.zone);
		}
		throw new IllegalStateException("no working time within ten years");
	}

	private ZonedDateTime sameTimeNextWorkingDay(ZonedDateTime at) {
		LocalDate date = at.toLocalDate().plusDays(1);
		for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
			Opening opening = openingOn(date);
			if (opening != null) {
				LocalTime time = at.toLocalTime();
				if (time.isBefore(opening.opens())) {
					time = opening.opens();
				}
				else if (time.isAfter(opening.closes())) {
					time = opening.closes();
				}
				return ZonedDateTime.of(date, time, this.zone);
			}
		}
		throw new IllegalStateException("no working day within ten years");
	}

	private ZonedDateTime plusWorkingTime(ZonedDateTime start, Duration work) {
		ZonedDateTime at = start;
		Duration remaining = work;
		for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
			if (remaining.isZero()) {
				return at;
			}
			at = nextWorkingMoment(at);
			LocalDate date = at.toLocalDate();
			ZonedDateTime closes = ZonedDateTime.of(date, openingOn(date).closes(), this.zone);
			Duration available = Duration.between(at, closes);
			if (remaining.compareTo(available) <= 0) {
				return at.plus(remaining);
			}
			remaining = remaining.minus(available);
			at = ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, this.zone);
		}
		throw new IllegalStateException("no working time within ten years");
	}

	/** Opening hours of one day: {@code opens} strictly before {@code closes}. */
	public record Opening(LocalTime opens, LocalTime closes) {

		public Opening {
			Objects.requireNonNull(opens, "opens");
			Objects.requireNonNull(closes, "closes");
			if (!opens.isBefore(closes)) {
				throw new IllegalArgumentException("opens must be before closes");
			}
		}

	}

}
