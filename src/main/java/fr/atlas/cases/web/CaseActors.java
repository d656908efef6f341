package fr.atlas.cases.web;

import fr.atlas.cases.internal.Actor;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Members;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns the logged-in principal into the {@link Actor} the workflow checks roles of, with
 * the member's current roles.
 */
@Component
class CaseActors {

	private final Members members;

	CaseActors(Members members) {
		this.members = members;
	}

	Actor of(AtlasPrincipal principal) {
		return this.members.find(principal.userId())
			.filter((member) -> member.active())
			.map(Actor::of)
			.orElseThrow(() -> new AccessDeniedException("inactive member"));
	}

}
