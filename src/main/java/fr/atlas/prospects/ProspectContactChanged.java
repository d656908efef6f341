package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person added, changed or removed one of an agency's contacts by hand; {@code change}
 * is {@code added}, {@code updated} or {@code removed}, {@code name} how the contact is
 * called (a name, else an e-mail, a phone or a profile).
 */
public record ProspectContactChanged(OrgId orgId, ProspectId prospect, UUID contactId, String change,
		String name) implements Auditable {

	@Override
	public String action() {
		return "prospect.contact-" + this.change;
	}

	@Override
	public String entityType() {
		return "contact";
	}

	@Override
	public String entityId() {
		return this.contactId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.contact-" + this.change, AuditSummary.text(this.name));
	}

}
