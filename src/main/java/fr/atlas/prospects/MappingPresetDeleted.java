package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A saved column mapping was deleted.
 */
public record MappingPresetDeleted(OrgId orgId, UUID presetId, String name) implements Auditable {

	@Override
	public String action() {
		return "import.mapping-preset-deleted";
	}

	@Override
	public String entityType() {
		return "mapping-preset";
	}

	@Override
	public String entityId() {
		return this.presetId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.import.mapping-preset-deleted", AuditSummary.text(this.name));
	}

}
