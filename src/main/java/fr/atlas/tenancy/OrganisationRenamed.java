package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

public record OrganisationRenamed(OrgId orgId, String before, String after) implements Auditable {

	@Override
	public String action() {
		return "organisation.renamed";
	}

	@Override
	public String entityType() {
		return "organisation";
	}

	@Override
	public String entityId() {
		return orgId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.organisation.renamed", AuditSummary.text(this.before),
				AuditSummary.text(this.after));
	}

}
