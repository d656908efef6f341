package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record MemberJoined(OrgId orgId, UserId userId, String email,
		java.util.List<String> roles) implements Auditable {

	@Override
	public String action() {
		return "member.joined";
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
		return AuditSummary.of("audit.summary.member.joined", AuditSummary.text(email),
				AuditSummary.labels("role.", roles));
	}

}
