package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A member signed in with their password. The audit entry has the client address and the
 * member as actor; the password is never part of it.
 */
@NeverExternalized
public record MemberSignedIn(OrgId orgId, UserId userId, SignInMethod method) implements Auditable {

	@Override
	public String action() {
		return "member.signed-in";
	}

	@Override
	public String entityType() {
		return "member";
	}

	@Override
	public String entityId() {
		return this.userId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.member.signed-in",
				AuditSummary.label("sign-in.method.", this.method.name()));
	}

}
