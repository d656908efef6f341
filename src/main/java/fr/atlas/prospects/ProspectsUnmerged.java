package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A merge was undone: both agencies are back as they were before it.
 */
public record ProspectsUnmerged(OrgId orgId, ProspectId survivor, ProspectId restored,
		UUID mergeId) implements Auditable {

	@Override
	public String action() {
		return "prospect.unmerged";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.survivor.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.unmerged", AuditSummary.text(this.restored.toString()),
				AuditSummary.text(this.survivor.toString()));
	}

}
