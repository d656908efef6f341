package fr.atlas.prospects;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person brought an archived agency back among the active ones.
 */
public record ProspectRestored(OrgId orgId, ProspectId prospect, String name) implements Auditable {

	@Override
	public String action() {
		return "prospect.restored";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.prospect.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.restored", AuditSummary.text(this.name));
	}

}
