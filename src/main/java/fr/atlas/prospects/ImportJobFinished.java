package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * An import ended: {@code status} is DONE, FAILED or CANCELLED.
 */
public record ImportJobFinished(OrgId orgId, UUID jobId, String status, int created, int merged,
		int rejected) implements Auditable {

	@Override
	public String action() {
		return "import." + this.status.toLowerCase();
	}

	@Override
	public String entityType() {
		return "import";
	}

	@Override
	public String entityId() {
		return this.jobId.toString();
	}

	@Override
	public String summary() {
		return "Import " + this.status + " : " + this.created + " créées, " + this.merged + " fusionnées, "
				+ this.rejected + " rejetées";
	}

}
