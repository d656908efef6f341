package fr.atlas.tenancy.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Role;

/**
 * A line of the members table, with what the viewer may do to it.
 */
record MemberRow(UUID id, String name, String email, List<Role> roles, Role highestRole, boolean active,
		Instant createdAt, boolean self, boolean editable) {

	static MemberRow of(Member member, AtlasPrincipal viewer, boolean viewerIsAdmin, boolean viewerIsOwner) {
		boolean self = member.id().equals(viewer.userId());
		// An admin may not touch an owner; only an owner may.
		boolean editable = viewerIsAdmin && (viewerIsOwner || !member.roles().contains(Role.OWNER));
		return new MemberRow(member.id().value(), member.name(), member.email(), member.roles(), member.highestRole(),
				member.active(), member.createdAt(), self, editable);
	}

}
