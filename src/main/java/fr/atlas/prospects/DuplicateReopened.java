package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A pair dismissed by mistake put back in the queue of possible duplicates.
 */
public record DuplicateReopened(OrgId orgId, UUID candidateId, ProspectId agency, ProspectId other,
		@Nullable String agencyName, @Nullable String otherName) implements Auditable {

	public DuplicateReopened(OrgId orgId, UUID candidateId, ProspectId agency, ProspectId other) {
		this(orgId, candidateId, agency, other, null, null);
	}

	@Override
	public String action() {
		return "prospect.duplicate-reopened";
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
		return AuditSummary.of("audit.summary.prospect.duplicate-reopened",
				AgencyWords.of(this.agencyName, this.agency), AgencyWords.of(this.otherName, this.other));
	}

}
