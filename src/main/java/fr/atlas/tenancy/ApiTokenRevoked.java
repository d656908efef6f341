package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

@NeverExternalized
public record ApiTokenRevoked(OrgId orgId, java.util.UUID tokenId, UserId userId) implements Auditable {

	@Override
	public String action() {
		return "api-token.revoked";
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
		return AuditSummary.of("audit.summary.api-token.revoked");
	}

}
