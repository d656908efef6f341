package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person merged one agency into another; {@code mergeId} lets it be undone.
 */
public record ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed,
		UUID mergeId) implements Auditable {

	@Override
	public String action() {
		return "prospect.merged";
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
		return AuditSummary.of("audit.summary.prospect.merged", AuditSummary.text(this.absorbed.toString()),
				AuditSummary.text(this.survivor.toString()));
	}

}
