package fr.atlas.cases;

import java.time.Instant;
import java.util.UUID;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The reminder of an open task fell due; {@code recipient} is the task's assignee, else
 * the case's. Published once per task, by the job that marks it reminded.
 */
public record CaseTaskReminderTriggered(OrgId orgId, CaseId caseId, String reference, UUID taskId, String title,
		UserId recipient, Instant remindAt, @Nullable Instant dueAt) {
}
