package fr.atlas.cases;

import java.time.Instant;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A late case was still in its state when the state's escalation delay ran out: the
 * managers of the organisation are told. Happens at most once per stay in a state.
 */
public record CaseSlaEscalated(OrgId orgId, CaseId caseId, String reference, String state, Instant slaDueAt,
		Instant escalatedAt) implements Auditable {

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
	public String summary() {
		return "Escalade aux responsables : dossier " + reference + " en retard en état " + state;
	}

}
