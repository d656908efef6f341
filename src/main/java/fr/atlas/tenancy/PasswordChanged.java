package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

@NeverExternalized
public record PasswordChanged(OrgId orgId, UserId userId, boolean byReset) implements Auditable {

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
		return AuditSummary
			.of(byReset ? "audit.summary.member.password-reset" : "audit.summary.member.password-changed");
	}

}
