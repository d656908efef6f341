package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team of the organisation: a name and the members who work its cases. */
public record CaseTeam(UUID id, String name, List<UUID> members, Instant createdAt) {

	public boolean has(UUID member) {
		return this.members.contains(member);
	}

}
