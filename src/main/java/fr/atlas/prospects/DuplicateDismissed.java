package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person decided that two agencies flagged as possible duplicates are different.
 */
public record DuplicateDismissed(OrgId orgId, UUID candidateId, ProspectId agency,
		ProspectId other) implements Auditable {

	@Override
	public String action() {
		return "prospect.duplicate-dismissed";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.agency.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.duplicate-dismissed", AuditSummary.text(this.agency.toString()),
				AuditSummary.text(this.other.toString()));
	}

}
