package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * An appointment of a case was scheduled or its outcome (HELD, NO_SHOW, CANCELLED,
 * RESCHEDULED) recorded.
 */
public record AppointmentChanged(OrgId orgId, CaseId caseId, java.util.UUID appointmentId, String change,
		String title) implements Auditable {

	@Override
	public String action() {
		return "appointment." + change;
	}

	@Override
	public String entityType() {
		return "appointment";
	}

	@Override
	public String entityId() {
		return appointmentId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.appointment." + change, AuditSummary.text(title));
	}

}
