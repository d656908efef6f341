package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * The right password was given for a member who was deactivated: someone who left still
 * tries to come in, which an administrator wants to know. The entry has no actor, only
 * the client address.
 */
@NeverExternalized
public record SignInRefused(OrgId orgId, UserId userId, SignInMethod method) implements Auditable {

	@Override
	public String action() {
		return "member.sign-in-refused";
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
		return AuditSummary.of("audit.summary.member.sign-in-refused",
				AuditSummary.label("sign-in.method.", this.method.name()));
	}

}
