package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A task of a case was created or completed (change is created or completed).
 */
public record CaseTaskChanged(OrgId orgId, CaseId caseId, java.util.UUID taskId, String change,
		String title) implements Auditable {

	@Override
	public String action() {
		return "case.task-" + change;
	}

	@Override
	public String entityType() {
		return "case_task";
	}

	@Override
	public String entityId() {
		return taskId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.case.task-" + change, AuditSummary.text(title));
	}

}
