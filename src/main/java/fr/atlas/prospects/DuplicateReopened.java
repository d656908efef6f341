package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A pair dismissed by mistake put back in the queue of possible duplicates.
 */
public record DuplicateReopened(OrgId orgId, UUID candidateId, ProspectId agency,
		ProspectId other) implements Auditable {

	@Override
	public String action() {
		return "prospect.duplicate-reopened";
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
		return AuditSummary.of("audit.summary.prospect.duplicate-reopened", AuditSummary.text(this.agency.toString()),
				AuditSummary.text(this.other.toString()));
	}

}
