package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person merged one agency into another; {@code mergeId} lets it be undone.
 */
public record ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed,
		UUID mergeId) implements Auditable {

	@Override
	public String action() {
		return "prospect.merged";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.survivor.toString();
	}

	@Override
	public String summary() {
		return "Agence " + this.absorbed + " fusionnée dans " + this.survivor;
	}

}
