package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A workflow version of a case type was drafted, edited or published.
 */
public record WorkflowVersionChanged(OrgId orgId, String caseType, int version, String change) implements Auditable {

	@Override
	public String action() {
		return "workflow." + change;
	}

	@Override
	public String entityType() {
		return "workflow_definition";
	}

	@Override
	public String entityId() {
		return caseType + "/v" + version;
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.workflow." + change, AuditSummary.text(caseType),
				AuditSummary.count(version));
	}

}
