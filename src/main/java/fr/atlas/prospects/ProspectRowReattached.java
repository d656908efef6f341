package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A detachment was undone (ADR 0092): the row is back in the agency it was detached from,
 * which is as it was before, and the agency made of the row is merged back into it.
 */
public record ProspectRowReattached(OrgId orgId, ProspectId from, ProspectId into, UUID detachmentId, String fileName,
		int row, @Nullable String fromName, @Nullable String intoName) implements Auditable {

	@Override
	public String action() {
		return "prospect.row-reattached";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.from.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.prospect.row-reattached", AuditSummary.text(this.fileName),
				AuditSummary.count(this.row), AgencyWords.of(this.fromName, this.from),
				AgencyWords.of(this.intoName, this.into));
	}

}
