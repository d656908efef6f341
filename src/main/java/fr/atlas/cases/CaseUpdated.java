package fr.atlas.cases;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * Fields of a case changed (title, assignee, priority, due date, custom fields, tags).
 */
public record CaseUpdated(OrgId orgId, CaseId caseId, String reference,
		java.util.List<String> changed) implements Auditable {

	@Override
	public String action() {
		return "case.updated";
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
		return "Dossier " + reference + " modifié : " + String.join(", ", changed);
	}

}
