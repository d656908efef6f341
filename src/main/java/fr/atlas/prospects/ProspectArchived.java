package fr.atlas.prospects;

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
	public String summary() {
		return "Agence archivée : " + this.name + ((this.reason != null) ? " (" + this.reason + ")" : "");
	}

}
