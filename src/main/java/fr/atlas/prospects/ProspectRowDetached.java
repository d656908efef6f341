package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * A person detached one imported row from the agency an import had merged it into: a new
 * agency ({@code into}) was made of the row's values, and the agency it left
 * ({@code from}) was worked out again from its other sources (ADR 0092). Published once
 * for each of the two agencies ({@code newAgencySide} for the new one), so that each
 * agency's history says it; {@code detachmentId} lets it be undone.
 */
public record ProspectRowDetached(OrgId orgId, ProspectId from, ProspectId into, UUID detachmentId, String fileName,
		int row, @Nullable String fromName, @Nullable String intoName, boolean newAgencySide) implements Auditable {

	@Override
	public String action() {
		return "prospect.row-detached";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return (this.newAgencySide ? this.into : this.from).toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of(
				this.newAgencySide ? "audit.summary.prospect.row-detached-into" : "audit.summary.prospect.row-detached",
				AuditSummary.text(this.fileName), AuditSummary.count(this.row),
				AgencyWords.of(this.fromName, this.from), AgencyWords.of(this.intoName, this.into));
	}

}
