package fr.atlas.prospects;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an agency, the prospect of Atlas Prospect.
 */
public record ProspectId(UUID value) {

	public ProspectId {
		Objects.requireNonNull(value, "value");
	}

	public static ProspectId of(UUID value) {
		return new ProspectId(value);
	}

	public static ProspectId of(String value) {
		return new ProspectId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
