package fr.atlas.prospects;

import java.util.List;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person corrected an agency's values; {@code fields} are the columns that changed.
 */
public record ProspectEdited(OrgId orgId, ProspectId prospect, List<String> fields) implements Auditable {

	@Override
	public String action() {
		return "prospect.edited";
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
		return AuditSummary.of("audit.summary.prospect.edited",
				AuditSummary.labels("prospects.sources.field.", this.fields));
	}

}
