package fr.atlas.cases;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case stayed in a state longer than the state's SLA allows.
 */
public record CaseSlaBreached(OrgId orgId, CaseId caseId, String reference, String state,
		java.time.Instant dueAt) implements Auditable {

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
	public String summary() {
		return "Délai dépassé pour le dossier " + reference + " en état " + state;
	}

}
