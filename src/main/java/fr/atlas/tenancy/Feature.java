package fr.atlas.tenancy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The modules of Atlas an organisation can switch on or off. Those marked on by default
 * are active for a new organisation. A module not built yet is listed as coming soon: it
 * is never active and cannot be switched; making it available is changing its line.
 */
public enum Feature {

	PROSPECTS(true, Availability.AVAILABLE), ENRICHMENT(true, Availability.COMING_SOON),
	SCORING(true, Availability.COMING_SOON), MESSAGING(true, Availability.COMING_SOON),
	CAMPAIGNS(true, Availability.COMING_SOON), ANALYTICS(true, Availability.COMING_SOON),
	BILLING(true, Availability.COMING_SOON), CASES(true, Availability.AVAILABLE),
	LISTINGS(false, Availability.COMING_SOON), INTEGRATIONS(false, Availability.COMING_SOON);

	private final boolean onByDefault;

	private final Availability availability;

	Feature(boolean onByDefault, Availability availability) {
		this.onByDefault = onByDefault;
		this.availability = availability;
	}

	public boolean onByDefault() {
		return this.onByDefault;
	}

	/** Whether the module is built: one not available yet has no page nor API. */
	public boolean available() {
		return this.availability == Availability.AVAILABLE;
	}

	public String key() {
		return name().toLowerCase();
	}

	public static Optional<Feature> parse(String value) {
		return Arrays.stream(values()).filter((f) -> f.name().equalsIgnoreCase(value.trim())).findFirst();
	}

	private enum Availability {

		AVAILABLE, COMING_SOON

	}

}
