package fr.atlas.prospects;

import java.util.List;
import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A member asked to change more agencies than one request changes at once: a background
 * job ({@code jobId}) will change the {@code agencies} chosen ({@code fields} as in
 * {@link ProspectsBulkEdited}), which is audited when it ends. Also published when a
 * failed job is queued again.
 */
public record ProspectsBulkQueued(OrgId orgId, UUID jobId, int agencies, List<String> fields) implements Auditable {

	public ProspectsBulkQueued {
		fields = List.copyOf(fields);
	}

	@Override
	public String action() {
		return "prospect.bulk-queued";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.jobId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.bulk-queued", AuditSummary.count(this.agencies),
				AuditSummary.labels("prospects.sources.field.", this.fields));
	}

}
