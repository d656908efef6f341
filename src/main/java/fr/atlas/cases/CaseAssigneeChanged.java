package fr.atlas.cases;

import java.time.Instant;
import java.util.UUID;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A case was given to a member, on creation or later; {@code assignedBy} is empty when
 * the system did it (automatic assignment, demo data). The change itself is audited
 * through {@link CaseCreated} and {@link CaseUpdated}; this event tells the new assignee.
 * {@code at} is when the assignment took effect (earlier than now for backdated work).
 * {@code batch} names the operation that opened many cases at once (a bulk change of the
 * agency list): their assignee is told once for all of them.
 */
public record CaseAssigneeChanged(OrgId orgId, CaseId caseId, String reference, UserId assignee,
		@Nullable UserId assignedBy, Instant at, @Nullable UUID batch) {

	public CaseAssigneeChanged(OrgId orgId, CaseId caseId, String reference, UserId assignee,
			@Nullable UserId assignedBy, Instant at) {
		this(orgId, caseId, reference, assignee, assignedBy, at, null);
	}

}
