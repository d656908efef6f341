package fr.atlas.cases;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case was opened in the initial state of its workflow.
 */
public record CaseCreated(OrgId orgId, CaseId caseId, String caseType, String reference, String state,
		Map<String, String> typeLabels, Map<String, String> stateLabels) implements Auditable {

	public CaseCreated {
		typeLabels = Map.copyOf(typeLabels);
		stateLabels = Map.copyOf(stateLabels);
	}

	/** A case whose type and state are named by their keys only. */
	public CaseCreated(OrgId orgId, CaseId caseId, String caseType, String reference, String state) {
		this(orgId, caseId, caseType, reference, state, Map.of(), Map.of());
	}

	@Override
	public String action() {
		return "case.created";
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
		return AuditSummary.of("audit.summary.case.created", AuditSummary.text(reference),
				AuditSummary.translated(typeLabels, caseType), AuditSummary.translated(stateLabels, state));
	}

}
