package fr.atlas.tenancy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Roles of a member, from most to least powerful. A role includes every role below it.
 */
public enum Role {

	OWNER, ADMIN, MANAGER, AGENT, VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	public boolean includes(Role other) {
		return ordinal() <= other.ordinal();
	}

	public static Optional<Role> parse(String value) {
		return Arrays.stream(values()).filter((role) -> role.name().equalsIgnoreCase(value.trim())).findFirst();
	}

}
