package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A visit, demo or meeting planned on a case, and how it went.
 */
public record Appointment(UUID id, UUID caseId, String title, Instant startsAt, Instant endsAt, @Nullable String place,
		List<String> participants, @Nullable Outcome outcome, @Nullable Instant outcomeAt, Instant createdAt) {

	public enum Outcome {

		HELD, NO_SHOW, CANCELLED, RESCHEDULED

	}

}
