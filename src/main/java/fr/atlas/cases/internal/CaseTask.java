package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A task of a case. {@code remindAt} is when its assignee (else the case's) is reminded:
 * the reminder set on it, else its due date; {@code remindedAt} when that happened.
 */
public record CaseTask(UUID id, UUID caseId, String title, @Nullable Instant dueAt, @Nullable Instant remindAt,
		@Nullable Instant remindedAt, @Nullable UUID assigneeId, @Nullable Instant doneAt, Instant createdAt) {

	public CaseTask {
		remindAt = (remindAt != null) ? remindAt : dueAt;
	}

	public boolean done() {
		return this.doneAt != null;
	}

}
