package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A note was written on a case's timeline.
 */
public record CaseNoteAdded(OrgId orgId, CaseId caseId, String reference) implements Auditable {

	@Override
	public String action() {
		return "case.note-added";
	}

	@Override
	public String entityType() {
		return "case";
	}

	@Override
	public String entityId() {
		return caseId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.case.note-added", AuditSummary.text(reference));
	}

}
