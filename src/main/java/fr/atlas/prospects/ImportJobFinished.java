package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * An import ended: {@code status} is DONE, FAILED or CANCELLED.
 */
public record ImportJobFinished(OrgId orgId, UUID jobId, String status, int created, int merged,
		int rejected) implements Auditable {

	@Override
	public String action() {
		return "import." + this.status.toLowerCase();
	}

	@Override
	public String entityType() {
		return "import";
	}

	@Override
	public String entityId() {
		return this.jobId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.import." + this.status.toLowerCase(java.util.Locale.ROOT),
				AuditSummary.count(this.created), AuditSummary.count(this.merged), AuditSummary.count(this.rejected));
	}

}
