package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

@NeverExternalized
public record AccountLocked(OrgId orgId, UserId userId, int failures) implements Auditable {

	@Override
	public String action() {
		return "member.locked";
	}

	@Override
	public String entityType() {
		return "member";
	}

	@Override
	public String entityId() {
		return userId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.member.locked", AuditSummary.count(failures));
	}

}
