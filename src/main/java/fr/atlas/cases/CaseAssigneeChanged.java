package fr.atlas.cases;

import java.time.Instant;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A case was given to a member, on creation or later; {@code assignedBy} is empty when
 * the system did it (automatic assignment, demo data). The change itself is audited
 * through {@link CaseCreated} and {@link CaseUpdated}; this event tells the new assignee.
 * {@code at} is when the assignment took effect (earlier than now for backdated work).
 */
public record CaseAssigneeChanged(OrgId orgId, CaseId caseId, String reference, UserId assignee,
		@Nullable UserId assignedBy, Instant at) {
}
