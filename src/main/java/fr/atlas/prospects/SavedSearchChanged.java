package fr.atlas.prospects;

import java.util.UUID;

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
	public String summary() {
		String whose = this.personal ? " (personnelle)" : "";
		return switch (this.change) {
			case CREATED -> "Recherche « " + this.name + " »" + whose + " enregistrée";
			case REPLACED -> "Recherche « " + this.name + " »" + whose + " remplacée";
			case DELETED -> "Recherche « " + this.name + " »" + whose + " supprimée";
		};
	}

	/** What happened to the search. */
	public enum Change {

		CREATED, REPLACED, DELETED

	}

}
