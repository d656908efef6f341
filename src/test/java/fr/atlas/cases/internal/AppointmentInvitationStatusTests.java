package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import fr.atlas.cases.internal.Appointment.Outcome;
import fr.atlas.cases.internal.AppointmentInvitation.FeedEntry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What calendars are told of an appointment's outcome: a revision (SEQUENCE 1) with the
 * status CANCELLED for a cancelled, moved or missed appointment, a missed one kept and
 * marked in its title.
 */
class AppointmentInvitationStatusTests {

	static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	static final Function<Outcome, String> FRENCH = (o) -> Map
		.of(Outcome.HELD, "Honoré", Outcome.NO_SHOW, "Absent (no-show)", Outcome.CANCELLED, "Annulé",
				Outcome.RESCHEDULED, "Reporté")
		.get(o);

	static final CaseFile CASE = new CaseFile(UUID.randomUUID(), "LEAD-2026-00042", "LEAD_ACHAT", 1, "VISIT",
			"Maison Caluire", null, null, null, "NORMAL", null, Map.of(), List.of(), "MANUAL", NOW, null, null, null,
			NOW, NOW, 0);

	@Test
	void aPlannedOrHeldAppointmentIsConfirmedAtItsFirstSequence() {
		for (Outcome outcome : new Outcome[] { null, Outcome.HELD }) {
			String ics = AppointmentInvitation.ics(appointment(outcome), CASE, NOW, FRENCH);
			assertThat(ics).contains("METHOD:PUBLISH\r\n", "SEQUENCE:0\r\n", "STATUS:CONFIRMED\r\n",
					"TRANSP:OPAQUE\r\n", "SUMMARY:Visite · LEAD-2026-00042\r\n");
		}
	}

	@Test
	void aMissedAppointmentStaysInTheCalendarMarkedAsNotHeld() {
		String ics = AppointmentInvitation.ics(appointment(Outcome.NO_SHOW), CASE, NOW, FRENCH);
		assertThat(ics)
			.contains("METHOD:PUBLISH\r\n", "SEQUENCE:1\r\n", "STATUS:CANCELLED\r\n", "TRANSP:TRANSPARENT\r\n",
					"SUMMARY:Absent (no-show) · Visite · LEAD-2026-00042\r\n", "LAST-MODIFIED:20261202T100000Z\r\n")
			.doesNotContain("CONFIRMED", "METHOD:CANCEL");
		assertThat(AppointmentInvitation.ics(appointment(Outcome.NO_SHOW), CASE, NOW, (o) -> "No-show"))
			.contains("SUMMARY:No-show · Visite");
	}

	@Test
	void aCancelledOrMovedAppointmentIsACancellationOfANewSequence() {
		String cancelled = AppointmentInvitation.ics(appointment(Outcome.CANCELLED), CASE, NOW, FRENCH);
		assertThat(cancelled).contains("METHOD:CANCEL\r\n", "SEQUENCE:1\r\n", "STATUS:CANCELLED\r\n",
				"SUMMARY:Visite · LEAD-2026-00042\r\n");
		String moved = AppointmentInvitation.ics(appointment(Outcome.RESCHEDULED), CASE, NOW, FRENCH);
		assertThat(moved).contains("METHOD:CANCEL\r\n", "SEQUENCE:1\r\n", "STATUS:CANCELLED\r\n",
				"SUMMARY:Reporté · Visite · LEAD-2026-00042\r\n");
	}

	@Test
	void aFeedKeepsEveryAppointmentWithItsOwnStatusAndSequence() {
		String feed = AppointmentInvitation.calendar("Atlas · Léa",
				List.of(new FeedEntry(appointment(null), "A-1", "Un"),
						new FeedEntry(appointment(Outcome.NO_SHOW), "A-2", "Deux"),
						new FeedEntry(appointment(Outcome.CANCELLED), "A-3", "Trois")),
				NOW, FRENCH);
		assertThat(feed).contains("METHOD:PUBLISH").doesNotContain("METHOD:CANCEL");
		String[] events = feed.split("BEGIN:VEVENT");
		assertThat(events).hasSize(4);
		assertThat(events[1]).contains("SEQUENCE:0", "STATUS:CONFIRMED");
		assertThat(events[2]).contains("SEQUENCE:1", "STATUS:CANCELLED", "SUMMARY:Absent (no-show) · Visite · A-2");
		assertThat(events[3]).contains("SEQUENCE:1", "STATUS:CANCELLED", "SUMMARY:Visite · A-3");
	}

	static Appointment appointment(@Nullable Outcome outcome) {
		return new Appointment(UUID.randomUUID(), CASE.id(), "Visite", Instant.parse("2026-12-01T10:00:00Z"),
				Instant.parse("2026-12-01T11:00:00Z"), null, List.of(), outcome,
				(outcome != null) ? Instant.parse("2026-12-02T10:00:00Z") : null,
				Instant.parse("2026-11-20T10:00:00Z"));
	}

}
