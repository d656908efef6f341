package fr.atlas.cases;

import java.util.List;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * The assignment rules of a case type were replaced; {@code rules} are their names, in
 * order.
 */
public record CaseAssignmentRulesChanged(OrgId orgId, String caseType, List<String> rules) implements Auditable {

	@Override
	public String action() {
		return "case-type.assignment-rules-changed";
	}

	@Override
	public String entityType() {
		return "case-type";
	}

	@Override
	public String entityId() {
		return caseType;
	}

	@Override
	public AuditSummary summary() {
		return rules.isEmpty()
				? AuditSummary.of("audit.summary.case-type.no-assignment-rules", AuditSummary.text(caseType))
				: AuditSummary.of("audit.summary.case-type.assignment-rules-changed", AuditSummary.text(caseType),
						AuditSummary.text(String.join(" → ", rules)));
	}

}
