package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record OrganisationCreated(OrgId orgId, String name, UserId ownerId, String ownerEmail) implements Auditable {

	@Override
	public String action() {
		return "organisation.created";
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
		return AuditSummary.of("audit.summary.organisation.created", AuditSummary.text(name),
				AuditSummary.text(ownerEmail));
	}

}
