package fr.atlas.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case (dossier) as read: where it is in its workflow, its SLA deadline and its fields.
 * {@code version} is the optimistic lock that updates must quote; {@code teamName} is the
 * current name of its team, if it has one.
 */
public record CaseFile(UUID id, String reference, String caseType, int workflowVersion, String state, String title,
		@Nullable UUID assigneeId, @Nullable UUID teamId, @Nullable String teamName, String priority,
		@Nullable LocalDate dueDate, Map<String, Object> fields, List<String> tags, String source,
		Instant stateEnteredAt, @Nullable Instant slaDueAt, @Nullable Instant slaBreachedAt, @Nullable Instant closedAt,
		Instant createdAt, Instant updatedAt, int version) {

	public boolean late() {
		return this.slaBreachedAt != null;
	}

}
