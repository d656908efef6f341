package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record MemberProfileChanged(OrgId orgId, UserId userId, String what) implements Auditable {

	@Override
	public String action() {
		return "member.profile-changed";
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
		// the changes published: the language, as "locale=<code>", and the name
		if (what.startsWith("locale=")) {
			return AuditSummary.of("audit.summary.member.language-changed",
					AuditSummary.label("language.", what.substring("locale=".length())));
		}
		if ("name".equals(what)) {
			return AuditSummary.of("audit.summary.member.name-changed");
		}
		return AuditSummary.of("audit.summary.member.profile-changed");
	}

}
