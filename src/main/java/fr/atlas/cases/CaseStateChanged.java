package fr.atlas.cases;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case moved from one state to another through a transition of its workflow (or a
 * migration).
 */
public record CaseStateChanged(OrgId orgId, CaseId caseId, String reference, String transition, String from,
		String to) implements Auditable {

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
	public String summary() {
		return "Dossier " + reference + " : " + from + " → " + to + " (" + transition + ")";
	}

}
