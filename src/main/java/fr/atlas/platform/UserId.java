package fr.atlas.platform;

import java.util.Objects;
import java.io.Serializable;
import java.util.UUID;

/**
 * Identifies a user (a member of one organisation).
 */
public record UserId(UUID value) implements Serializable {

	public UserId {
		Objects.requireNonNull(value, "value");
	}

	public static UserId of(UUID value) {
		return new UserId(value);
	}

	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
