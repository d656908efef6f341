package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * Running cases of a type moved to a new published workflow version, with their states
 * mapped.
 */
public record CasesMigrated(OrgId orgId, String caseType, int toVersion, int count) implements Auditable {

	@Override
	public String action() {
		return "workflow.cases-migrated";
	}

	@Override
	public String entityType() {
		return "workflow_definition";
	}

	@Override
	public String entityId() {
		return caseType + "/v" + toVersion;
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.workflow.cases-migrated", AuditSummary.count(count),
				AuditSummary.text(caseType), AuditSummary.count(toVersion));
	}

}
