package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record MemberActivationChanged(OrgId orgId, UserId userId, boolean active) implements Auditable {

	@Override
	public String action() {
		return "member.activation-changed";
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
		return AuditSummary.of(active ? "audit.summary.member.reactivated" : "audit.summary.member.deactivated");
	}

}
