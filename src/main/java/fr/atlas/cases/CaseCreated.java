package fr.atlas.cases;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A case was opened in the initial state of its workflow.
 */
public record CaseCreated(OrgId orgId, CaseId caseId, String caseType, String reference,
		String state) implements Auditable {

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
	public String summary() {
		return "Dossier " + reference + " créé (" + caseType + ", état " + state + ")";
	}

}
