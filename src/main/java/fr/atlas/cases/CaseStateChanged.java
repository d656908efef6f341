package fr.atlas.cases;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case moved from one state to another through a transition of its workflow (or a
 * migration).
 */
public record CaseStateChanged(OrgId orgId, CaseId caseId, String reference, String transition, String from, String to,
		Map<String, String> fromLabels, Map<String, String> toLabels) implements Auditable {

	public CaseStateChanged {
		fromLabels = Map.copyOf(fromLabels);
		toLabels = Map.copyOf(toLabels);
	}

	/** A change whose states are named by their keys only. */
	public CaseStateChanged(OrgId orgId, CaseId caseId, String reference, String transition, String from, String to) {
		this(orgId, caseId, reference, transition, from, to, Map.of(), Map.of());
	}

	@Override
	public String action() {
		return "case.state-changed";
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
		return AuditSummary.of("audit.summary.case.state-changed", AuditSummary.text(reference),
				AuditSummary.translated(fromLabels, from), AuditSummary.translated(toLabels, to));
	}

}
