package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A merge was undone: both agencies are back as they were before it.
 */
public record ProspectsUnmerged(OrgId orgId, ProspectId survivor, ProspectId restored, UUID mergeId,
		@Nullable String survivorName, @Nullable String restoredName) implements Auditable {

	public ProspectsUnmerged(OrgId orgId, ProspectId survivor, ProspectId restored, UUID mergeId) {
		this(orgId, survivor, restored, mergeId, null, null);
	}

	@Override
	public String action() {
		return "prospect.unmerged";
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
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.unmerged", AgencyWords.of(this.restoredName, this.restored),
				AgencyWords.of(this.survivorName, this.survivor));
	}

}
