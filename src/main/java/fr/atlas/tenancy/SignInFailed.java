package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A wrong password was given for a member's account ({@code failures}: how many in a row,
 * this one included; the account locks at the limit, {@link AccountLocked}). Who tried is
 * not known: the audit entry has no actor, only the client address. Neither the password
 * tried nor anything derived from it is kept.
 */
@NeverExternalized
public record SignInFailed(OrgId orgId, UserId userId, SignInMethod method, int failures) implements Auditable {

	@Override
	public String action() {
		return "member.sign-in-failed";
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
		return AuditSummary.of("audit.summary.member.sign-in-failed",
				AuditSummary.label("sign-in.method.", this.method.name()), AuditSummary.count(this.failures));
	}

}
