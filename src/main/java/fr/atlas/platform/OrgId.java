package fr.atlas.platform;

import java.util.Objects;
import java.io.Serializable;
import java.util.UUID;

/**
 * Identifies an organisation, the unit of tenancy.
 */
public record OrgId(UUID value) implements Serializable {

	public OrgId {
		Objects.requireNonNull(value, "value");
	}

	public static OrgId of(UUID value) {
		return new OrgId(value);
	}

	public static OrgId of(String value) {
		return new OrgId(UUID.fromString(value));
	}

	public static OrgId random() {
		return new OrgId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
