package fr.atlas.cases;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case stayed in a state longer than the state's SLA allows.
 */
public record CaseSlaBreached(OrgId orgId, CaseId caseId, String reference, String state, java.time.Instant dueAt,
		Map<String, String> stateLabels) implements Auditable {

	public CaseSlaBreached {
		stateLabels = Map.copyOf(stateLabels);
	}

	/** A breach whose state is named by its key only. */
	public CaseSlaBreached(OrgId orgId, CaseId caseId, String reference, String state, java.time.Instant dueAt) {
		this(orgId, caseId, reference, state, dueAt, Map.of());
	}

	@Override
	public String action() {
		return "case.sla-breached";
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
		return AuditSummary.of("audit.summary.case.sla-breached", AuditSummary.text(reference),
				AuditSummary.translated(stateLabels, state));
	}

}
