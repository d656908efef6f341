package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A member's password changed, on their account page or from a reset link
 * ({@code byReset}); {@code tokensRevoked} of their API tokens were revoked with it (ADR
 * 0076), each also audited as {@link ApiTokenRevoked}.
 */
@NeverExternalized
public record PasswordChanged(OrgId orgId, UserId userId, boolean byReset, int tokensRevoked) implements Auditable {

	public PasswordChanged(OrgId orgId, UserId userId, boolean byReset) {
		this(orgId, userId, byReset, 0);
	}

	@Override
	public String action() {
		return "member.password-changed";
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
		String key = byReset ? "audit.summary.member.password-reset" : "audit.summary.member.password-changed";
		if (tokensRevoked > 0) {
			return AuditSummary.of(key + ".tokens-revoked", AuditSummary.count(tokensRevoked));
		}
		return AuditSummary.of(key);
	}

}
