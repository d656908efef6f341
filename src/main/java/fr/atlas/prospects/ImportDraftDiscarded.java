package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A file sent to the import wizard was deleted before its import started: a person
 * abandoned it, or it was left at the columns step longer than drafts are kept
 * ({@code abandoned}). Nothing had been imported from it.
 */
public record ImportDraftDiscarded(OrgId orgId, UUID jobId, String fileName, int totalRows,
		boolean abandoned) implements Auditable {

	@Override
	public String action() {
		return "import.discarded";
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
		return AuditSummary.of(this.abandoned ? "audit.summary.import.abandoned" : "audit.summary.import.discarded",
				AuditSummary.text(this.fileName), AuditSummary.count(this.totalRows));
	}

}
