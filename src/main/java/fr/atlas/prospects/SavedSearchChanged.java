package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A search of the agency list was saved under a name (created or replaced) or deleted,
 * for the organisation or as a member's own ({@code personal}).
 */
public record SavedSearchChanged(OrgId orgId, UUID searchId, String name, boolean personal,
		Change change) implements Auditable {

	@Override
	public String action() {
		return switch (this.change) {
			case CREATED, REPLACED -> "prospect.search-saved";
			case DELETED -> "prospect.search-deleted";
		};
	}

	@Override
	public String entityType() {
		return "saved-search";
	}

	@Override
	public String entityId() {
		return this.searchId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.search." + this.change.name().toLowerCase(java.util.Locale.ROOT)
				+ (this.personal ? ".personal" : ""), AuditSummary.text(this.name));
	}

	/** What happened to the search. */
	public enum Change {

		CREATED, REPLACED, DELETED

	}

}
