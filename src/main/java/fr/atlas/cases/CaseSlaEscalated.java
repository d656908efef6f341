package fr.atlas.cases;

import java.time.Instant;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A late case was still in its state when the state's escalation delay ran out: the
 * managers of the organisation are told. Happens at most once per stay in a state.
 */
public record CaseSlaEscalated(OrgId orgId, CaseId caseId, String reference, String state, Instant slaDueAt,
		Instant escalatedAt, Map<String, String> stateLabels) implements Auditable {

	public CaseSlaEscalated {
		stateLabels = Map.copyOf(stateLabels);
	}

	/** An escalation whose state is named by its key only. */
	public CaseSlaEscalated(OrgId orgId, CaseId caseId, String reference, String state, Instant slaDueAt,
			Instant escalatedAt) {
		this(orgId, caseId, reference, state, slaDueAt, escalatedAt, Map.of());
	}

	@Override
	public String action() {
		return "case.sla-escalated";
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
		return AuditSummary.of("audit.summary.case.sla-escalated", AuditSummary.text(reference),
				AuditSummary.translated(stateLabels, state));
	}

}
