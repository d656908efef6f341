package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person merged one agency into another; {@code mergeId} lets it be undone.
 */
public record ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed, UUID mergeId,
		@Nullable String survivorName, @Nullable String absorbedName) implements Auditable {

	public ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed, UUID mergeId) {
		this(orgId, survivor, absorbed, mergeId, null, null);
	}

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
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.merged", AgencyWords.of(this.absorbedName, this.absorbed),
				AgencyWords.of(this.survivorName, this.survivor));
	}

}
