package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record MemberRolesChanged(OrgId orgId, UserId userId, java.util.List<String> before,
		java.util.List<String> after) implements Auditable {

	@Override
	public String action() {
		return "member.roles-changed";
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
		return AuditSummary.of("audit.summary.member.roles-changed", AuditSummary.labels("role.", before),
				AuditSummary.labels("role.", after));
	}

}
