package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A file was sent to the import wizard, to have its columns reviewed before its import
 * starts: a draft, which is then started ({@link ImportJobQueued}) or discarded
 * ({@link ImportDraftDiscarded}). Names the file, never what it holds.
 */
public record ImportDraftUploaded(OrgId orgId, UUID jobId, String fileName, int totalRows) implements Auditable {

	@Override
	public String action() {
		return "import.uploaded";
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
		return AuditSummary.of("audit.summary.import.uploaded", AuditSummary.text(this.fileName),
				AuditSummary.count(this.totalRows));
	}

}
