package fr.atlas.tenancy;

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
	public String summary() {
		return "Module " + feature.key() + (enabled ? " activé" : " désactivé");
	}

}
