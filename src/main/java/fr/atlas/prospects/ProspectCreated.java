package fr.atlas.prospects;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person added an agency by hand; {@code resembles}, an agency of the organisation it
 * may duplicate, now in the review queue with it.
 */
public record ProspectCreated(OrgId orgId, ProspectId prospect, String name,
		@Nullable ProspectId resembles) implements Auditable {

	@Override
	public String action() {
		return "prospect.created";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.prospect.toString();
	}

	@Override
	public AuditSummary summary() {
		return (this.resembles != null)
				? AuditSummary.of("audit.summary.prospect.created-resembling", AuditSummary.text(this.name),
						AuditSummary.text(this.resembles.toString()))
				: AuditSummary.of("audit.summary.prospect.created", AuditSummary.text(this.name));
	}

}
