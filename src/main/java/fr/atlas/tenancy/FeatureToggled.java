package fr.atlas.tenancy;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

public record FeatureToggled(OrgId orgId, Feature feature, boolean enabled) implements Auditable {

	@Override
	public String action() {
		return "feature.toggled";
	}

	@Override
	public String entityType() {
		return "feature";
	}

	@Override
	public String entityId() {
		return feature.key();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of(enabled ? "audit.summary.feature.enabled" : "audit.summary.feature.disabled",
				AuditSummary.label("feature.", feature.key()));
	}

}
