package fr.atlas.cases;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case was deleted with its timeline, tasks, appointments, parties and notifications
 * (ADR 0057); the audit log keeps what it was.
 */
public record CaseDeleted(OrgId orgId, CaseId caseId, String caseType, String reference, String title, String state,
		Map<String, String> stateLabels) implements Auditable {

	public CaseDeleted {
		stateLabels = Map.copyOf(stateLabels);
	}

	@Override
	public String action() {
		return "case.deleted";
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
		return AuditSummary.of("audit.summary.case.deleted", AuditSummary.text(reference), AuditSummary.text(title),
				AuditSummary.translated(stateLabels, state));
	}

}
