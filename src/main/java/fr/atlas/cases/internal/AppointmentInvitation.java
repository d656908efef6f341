package fr.atlas.cases.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import fr.atlas.cases.internal.Appointment.Outcome;

/**
 * An appointment as an iCalendar (RFC 5545) invitation, to add to any calendar. Times are
 * in UTC; a cancelled or rescheduled appointment is sent as a cancellation, a missed one
 * (no-show) stays in the calendar marked as not held.
 * <p>
 * An appointment is revised once at most: its outcome is recorded once, and nothing else
 * of it changes. So its {@code SEQUENCE} is 0 as planned and 1 once an outcome changed
 * what the calendar shows, which is what tells a calendar client that the copy it holds
 * (same {@code UID}) is out of date.
 */
public final class AppointmentInvitation {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private AppointmentInvitation() {
	}

	/**
	 * The invitation of one appointment; {@code outcomes} names an outcome in the
	 * reader's language (the mark of a missed appointment).
	 */
	public static String ics(Appointment appointment, CaseFile caseFile, Instant now,
			Function<Outcome, String> outcomes) {
		StringBuilder ics = new StringBuilder();
		begin(ics, removed(appointment) ? "CANCEL" : "PUBLISH");
		event(ics, appointment, caseFile.reference(), caseFile.title(), now, outcomes);
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/**
	 * A calendar of several appointments (a member's feed): always published, cancelled,
	 * rescheduled and missed appointments stay in it with the status CANCELLED so that
	 * calendars remove them or show them struck out.
	 */
	static String calendar(String name, List<FeedEntry> entries, Instant now, Function<Outcome, String> outcomes) {
		StringBuilder ics = new StringBuilder();
		begin(ics, "PUBLISH");
		line(ics, "X-WR-CALNAME:" + text(name));
		for (FeedEntry entry : entries) {
			event(ics, entry.appointment(), entry.reference(), entry.caseTitle(), now, outcomes);
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/**
	 * Whether the appointment did not or will not take place at its time. RFC 5545 has no
	 * status for "not held": a VEVENT is TENTATIVE, CONFIRMED or CANCELLED, and
	 * CANCELLED, the status a cancelled appointment has always had here, is the one that
	 * says the meeting did not happen, so a no-show has it too. What tells a no-show from
	 * a cancellation is its title, marked with the outcome, and its invitation, published
	 * rather than cancelled so that calendars keep it.
	 */
	static boolean notHeld(Appointment appointment) {
		return appointment.outcome() == Outcome.CANCELLED || appointment.outcome() == Outcome.RESCHEDULED
				|| appointment.outcome() == Outcome.NO_SHOW;
	}

	/**
	 * Whether calendars should drop the event: cancelled, or moved (the new time is
	 * another appointment, with its own invitation).
	 */
	private static boolean removed(Appointment appointment) {
		return appointment.outcome() == Outcome.CANCELLED || appointment.outcome() == Outcome.RESCHEDULED;
	}

	record FeedEntry(Appointment appointment, String reference, String caseTitle) {
	}

	private static void begin(StringBuilder ics, String method) {
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Atlas//Dossiers//FR");
		line(ics, "METHOD:" + method);
	}

	private static void event(StringBuilder ics, Appointment appointment, String reference, String caseTitle,
			Instant now, Function<Outcome, String> outcomes) {
		boolean notHeld = notHeld(appointment);
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + appointment.id() + "@atlas");
		line(ics, "SEQUENCE:" + (notHeld ? 1 : 0));
		line(ics, "DTSTAMP:" + UTC.format(now));
		if (notHeld && appointment.outcomeAt() != null) {
			line(ics, "LAST-MODIFIED:" + UTC.format(appointment.outcomeAt()));
		}
		line(ics, "DTSTART:" + UTC.format(appointment.startsAt()));
		line(ics, "DTEND:" + UTC.format(appointment.endsAt()));
		// a cancellation says itself through its status; a missed or moved appointment is
		// "cancelled" too, so its title says which
		String mark = (notHeld && appointment.outcome() != Outcome.CANCELLED)
				? outcomes.apply(appointment.outcome()) + " · " : "";
		line(ics, "SUMMARY:" + text(mark + appointment.title() + " · " + reference));
		if (appointment.place() != null) {
			line(ics, "LOCATION:" + text(appointment.place()));
		}
		String description = caseTitle
				+ (appointment.participants().isEmpty() ? "" : "\n" + String.join(", ", appointment.participants()));
		line(ics, "DESCRIPTION:" + text(description));
		line(ics, "STATUS:" + (notHeld ? "CANCELLED" : "CONFIRMED"));
		// the slot is free again in the calendar's busy time
		line(ics, "TRANSP:" + (notHeld ? "TRANSPARENT" : "OPAQUE"));
		line(ics, "END:VEVENT");
	}

	static String text(String value) {
		// a CR+LF or a lone CR is a line break too, and a raw one would end the content
		// line
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\r", "\\n")
			.replace("\n", "\\n");
	}

	/** Writes a content line folded at 75 octets, as the RFC asks. */
	private static void line(StringBuilder ics, String content) {
		int octets = 0;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				ics.append(current).append("\r\n ");
				current.setLength(0);
				octets = 1;
			}
			current.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		ics.append(current).append("\r\n");
	}

}
