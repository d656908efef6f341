package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person decided that two agencies flagged as possible duplicates are different.
 */
public record DuplicateDismissed(OrgId orgId, UUID candidateId, ProspectId agency, ProspectId other,
		@Nullable String agencyName, @Nullable String otherName) implements Auditable {

	public DuplicateDismissed(OrgId orgId, UUID candidateId, ProspectId agency, ProspectId other) {
		this(orgId, candidateId, agency, other, null, null);
	}

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
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.duplicate-dismissed",
				AgencyWords.of(this.agencyName, this.agency), AgencyWords.of(this.otherName, this.other));
	}

}
