package fr.atlas.cases.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An appointment as an iCalendar (RFC 5545) invitation, to add to any calendar. Times are
 * in UTC; a cancelled appointment is sent as a cancellation.
 */
public final class AppointmentInvitation {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private AppointmentInvitation() {
	}

	public static String ics(Appointment appointment, CaseFile caseFile, Instant now) {
		boolean cancelled = appointment.outcome() == Appointment.Outcome.CANCELLED;
		StringBuilder ics = new StringBuilder();
		begin(ics, cancelled ? "CANCEL" : "PUBLISH");
		event(ics, appointment, caseFile.reference(), caseFile.title(), now);
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/**
	 * A calendar of several appointments (a member's feed): always published, cancelled
	 * appointments stay in it with the status CANCELLED so that calendars remove them.
	 */
	static String calendar(String name, List<FeedEntry> entries, Instant now) {
		StringBuilder ics = new StringBuilder();
		begin(ics, "PUBLISH");
		line(ics, "X-WR-CALNAME:" + text(name));
		for (FeedEntry entry : entries) {
			event(ics, entry.appointment(), entry.reference(), entry.caseTitle(), now);
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
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
			Instant now) {
		boolean cancelled = appointment.outcome() == Appointment.Outcome.CANCELLED;
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + appointment.id() + "@atlas");
		line(ics, "DTSTAMP:" + UTC.format(now));
		line(ics, "DTSTART:" + UTC.format(appointment.startsAt()));
		line(ics, "DTEND:" + UTC.format(appointment.endsAt()));
		line(ics, "SUMMARY:" + text(appointment.title() + " · " + reference));
		if (appointment.place() != null) {
			line(ics, "LOCATION:" + text(appointment.place()));
		}
		String description = caseTitle
				+ (appointment.participants().isEmpty() ? "" : "\n" + String.join(", ", appointment.participants()));
		line(ics, "DESCRIPTION:" + text(description));
		line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
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
