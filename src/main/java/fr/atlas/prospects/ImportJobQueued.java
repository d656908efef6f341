package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A file was accepted for import and waits for a worker.
 */
public record ImportJobQueued(OrgId orgId, UUID jobId, String fileName, int totalRows) implements Auditable {

	@Override
	public String action() {
		return "import.queued";
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
		return AuditSummary.of("audit.summary.import.queued", AuditSummary.text(this.fileName),
				AuditSummary.count(this.totalRows));
	}

}
