package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A member was given a new secret calendar feed URL; the previous one no longer works.
 */
@NeverExternalized
public record CalendarFeedIssued(OrgId orgId, UserId userId) implements Auditable {

	@Override
	public String action() {
		return "calendar-feed.issued";
	}

	@Override
	public String entityType() {
		return "calendar-feed";
	}

	@Override
	public String entityId() {
		return userId.value().toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.calendar-feed.issued");
	}

}
