package fr.atlas.cases.internal;

import java.util.EnumSet;
import java.util.Set;

import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who works on a case: a member with roles, or the system (demo data, scheduled checks),
 * which holds every role. A role includes those below it, as in Spring Security.
 */
public record Actor(@Nullable UserId userId, Set<Role> roles) {

	public static Actor system() {
		return new Actor(null, EnumSet.allOf(Role.class));
	}

	public static Actor of(Member member) {
		return new Actor(member.id(), Set.copyOf(member.roles()));
	}

	public boolean hasRole(String role) {
		return Role.parse(role)
			.map((wanted) -> this.roles.stream().anyMatch((held) -> held.includes(wanted)))
			.orElse(false);
	}

}
