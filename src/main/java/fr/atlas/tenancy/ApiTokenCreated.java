package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

@NeverExternalized
public record ApiTokenCreated(OrgId orgId, java.util.UUID tokenId, UserId userId, String name,
		boolean readOnly) implements Auditable {

	@Override
	public String action() {
		return "api-token.created";
	}

	@Override
	public String entityType() {
		return "api-token";
	}

	@Override
	public String entityId() {
		return tokenId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of(
				readOnly ? "audit.summary.api-token.created-read-only" : "audit.summary.api-token.created",
				AuditSummary.text(name), AuditSummary.member(userId));
	}

}
