package fr.atlas.prospects;

import java.util.List;
import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person merged one agency into another; {@code mergeId} lets it be undone.
 * {@code keptFromAbsorbed} names the fields (the API's {@code keep} keys) whose absorbed
 * agency's value the person chose over the survivor's (ADR 0063).
 */
public record ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed, UUID mergeId,
		@Nullable String survivorName, @Nullable String absorbedName,
		List<String> keptFromAbsorbed) implements Auditable {

	public ProspectsMerged {
		// an event stored before the choice existed has none
		keptFromAbsorbed = (keptFromAbsorbed != null) ? List.copyOf(keptFromAbsorbed) : List.of();
	}

	public ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed, UUID mergeId) {
		this(orgId, survivor, absorbed, mergeId, null, null, List.of());
	}

	public ProspectsMerged(OrgId orgId, ProspectId survivor, ProspectId absorbed, UUID mergeId,
			@Nullable String survivorName, @Nullable String absorbedName) {
		this(orgId, survivor, absorbed, mergeId, survivorName, absorbedName, List.of());
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
		if (!this.keptFromAbsorbed.isEmpty()) {
			return AuditSummary.of("audit.summary.prospect.merged-keeping",
					AgencyWords.of(this.absorbedName, this.absorbed), AgencyWords.of(this.survivorName, this.survivor),
					AuditSummary.labels("prospects.merge.keep.field.", this.keptFromAbsorbed));
		}
		return AuditSummary.of("audit.summary.prospect.merged", AgencyWords.of(this.absorbedName, this.absorbed),
				AgencyWords.of(this.survivorName, this.survivor));
	}

}
