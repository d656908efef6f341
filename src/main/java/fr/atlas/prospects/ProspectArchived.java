package fr.atlas.prospects;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person set an agency aside (closed, out of scope, asked not to be contacted), with
 * the reason given, if any.
 */
public record ProspectArchived(OrgId orgId, ProspectId prospect, String name,
		@Nullable String reason) implements Auditable {

	@Override
	public String action() {
		return "prospect.archived";
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
		return (this.reason != null)
				? AuditSummary.of("audit.summary.prospect.archived-because", AuditSummary.text(this.name),
						AuditSummary.text(this.reason))
				: AuditSummary.of("audit.summary.prospect.archived", AuditSummary.text(this.name));
	}

}
