package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;

@NeverExternalized
public record MemberInvited(OrgId orgId, java.util.UUID invitationId, String email, String role) implements Auditable {

	@Override
	public String action() {
		return "member.invited";
	}

	@Override
	public String entityType() {
		return "invitation";
	}

	@Override
	public String entityId() {
		return invitationId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.member.invited", AuditSummary.text(email),
				AuditSummary.label("role.", role));
	}

}
