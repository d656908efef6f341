package fr.atlas.tenancy.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.atlas.tenancy.Role;

/**
 * Reads and writes the {@code text[]} column that holds roles.
 */
final class RoleColumn {

	private RoleColumn() {
	}

	static List<Role> read(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Role::parse).flatMap(Optional::stream).sorted().toList();
	}

	/** A PostgreSQL array literal, to bind with {@code ::text[]}. */
	static String literal(Collection<Role> roles) {
		return "{" + String.join(",", roles.stream().sorted().map(Role::name).toList()) + "}";
	}

}
