package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * The standard case types were created for an organisation.
 */
public record CaseTypesSeeded(OrgId orgId, java.util.List<String> keys) implements Auditable {

	@Override
	public String action() {
		return "case-types.seeded";
	}

	@Override
	public String entityType() {
		return "case_type";
	}

	@Override
	public String entityId() {
		return String.join(",", keys);
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.case-types.seeded", AuditSummary.text(String.join(", ", keys)));
	}

}
