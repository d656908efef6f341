package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * The organisation changed the working hours its SLAs are counted in.
 */
public record WorkingHoursChanged(OrgId orgId, String description) implements Auditable {

	@Override
	public String action() {
		return "cases.working-hours-changed";
	}

	@Override
	public String entityType() {
		return "organisation";
	}

	@Override
	public String entityId() {
		return orgId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.cases.working-hours-changed", AuditSummary.text(description));
	}

}
