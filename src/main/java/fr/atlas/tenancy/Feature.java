package fr.atlas.tenancy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The modules of Atlas an organisation can switch on or off. Those marked on by default
 * are active for a new organisation.
 */
public enum Feature {

	PROSPECTS(true), ENRICHMENT(true), SCORING(true), MESSAGING(true), CAMPAIGNS(true), ANALYTICS(true), BILLING(true),
	CASES(true), LISTINGS(false), INTEGRATIONS(false);

	private final boolean onByDefault;

	Feature(boolean onByDefault) {
		this.onByDefault = onByDefault;
	}

	public boolean onByDefault() {
		return this.onByDefault;
	}

	public String key() {
		return name().toLowerCase();
	}

	public static Optional<Feature> parse(String value) {
		return Arrays.stream(values()).filter((f) -> f.name().equalsIgnoreCase(value.trim())).findFirst();
	}

}
