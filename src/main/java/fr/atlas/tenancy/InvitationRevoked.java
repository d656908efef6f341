package fr.atlas.tenancy;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;

/**
 * A pending invitation that can no longer be accepted: an admin cancelled it, or the
 * member who sent it lost the right to invite (deactivated, or no longer an admin).
 */
@NeverExternalized
public record InvitationRevoked(OrgId orgId, UUID invitationId, String email, Reason reason) implements Auditable {

	public enum Reason {

		CANCELLED, INVITER_LEFT

	}

	@Override
	public String action() {
		return "member.invitation-revoked";
	}

	@Override
	public String entityType() {
		return "invitation";
	}

	@Override
	public String entityId() {
		return this.invitationId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of((this.reason == Reason.CANCELLED) ? "audit.summary.invitation.cancelled"
				: "audit.summary.invitation.inviter-left", AuditSummary.text(this.email));
	}

}
