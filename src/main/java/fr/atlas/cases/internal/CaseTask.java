package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record CaseTask(UUID id, UUID caseId, String title, @Nullable Instant dueAt, @Nullable UUID assigneeId,
		@Nullable Instant doneAt, Instant createdAt) {

	public boolean done() {
		return this.doneAt != null;
	}

}
