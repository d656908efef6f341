package fr.atlas.cases;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A party (agency, contact, listing) was linked to a case or removed from it.
 */
public record CasePartyChanged(OrgId orgId, CaseId caseId, String change, String partyType, String partyId,
		String label) implements Auditable {

	@Override
	public String action() {
		return "case.party-" + change;
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
		return AuditSummary.of("audit.summary.case.party-" + change, AuditSummary.label("cases.party.type.", partyType),
				AuditSummary.text(label));
	}

}
