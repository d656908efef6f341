package fr.atlas.prospects;

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
	public String summary() {
		return "Agence ajoutée à la main : " + this.name
				+ ((this.resembles != null) ? " (doublon possible de " + this.resembles + ")" : "");
	}

}
