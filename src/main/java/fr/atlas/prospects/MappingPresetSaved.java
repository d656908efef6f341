package fr.atlas.prospects;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A column mapping was saved under a name (created or replaced) for later imports.
 */
public record MappingPresetSaved(OrgId orgId, UUID presetId, String name) implements Auditable {

	@Override
	public String action() {
		return "import.mapping-preset-saved";
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
		return AuditSummary.of("audit.summary.import.mapping-preset-saved", AuditSummary.text(this.name));
	}

}
