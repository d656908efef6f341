package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A person decided that two agencies flagged as possible duplicates are different.
 */
public record DuplicateDismissed(OrgId orgId, UUID candidateId, ProspectId agency,
		ProspectId other) implements Auditable {

	@Override
	public String action() {
		return "prospect.duplicate-dismissed";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.agency.toString();
	}

	@Override
	public String summary() {
		return "Doublon possible écarté : " + this.agency + " et " + this.other + " sont différentes";
	}

}
