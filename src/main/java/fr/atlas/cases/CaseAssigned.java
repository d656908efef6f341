package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A new case was given to a member by an assignment rule of its type (manual changes of
 * the assignee are {@link CaseUpdated}).
 */
public record CaseAssigned(OrgId orgId, CaseId caseId, String reference, UserId assignee,
		String rule) implements Auditable {

	@Override
	public String action() {
		return "case.assigned";
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
		return AuditSummary.of("audit.summary.case.assigned", AuditSummary.text(reference),
				AuditSummary.member(assignee), AuditSummary.text(rule));
	}

}
