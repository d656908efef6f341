package fr.atlas.tenancy;

import java.time.Instant;
import java.util.List;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A member of an organisation, as other modules see it.
 */
public record Member(UserId id, OrgId orgId, String email, String name, List<Role> roles, boolean active, String locale,
		Instant createdAt) {

	public boolean has(Role role) {
		return this.roles.stream().anyMatch((held) -> held.includes(role));
	}

	public Role highestRole() {
		return this.roles.stream().min(Enum::compareTo).orElse(Role.VIEWER);
	}

}
