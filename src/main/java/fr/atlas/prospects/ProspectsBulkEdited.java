package fr.atlas.prospects;

import java.util.List;
import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A member changed many agencies at once ({@code fields}: {@code owner_id},
 * {@code tags}); each agency keeps its own source lines, this is the one entry of the
 * operation.
 */
public record ProspectsBulkEdited(OrgId orgId, UUID operationId, int agencies,
		List<String> fields) implements Auditable {

	@Override
	public String action() {
		return "prospect.bulk-edited";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.operationId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.bulk-edited", AuditSummary.count(this.agencies),
				AuditSummary.labels("prospects.sources.field.", this.fields));
	}

}
