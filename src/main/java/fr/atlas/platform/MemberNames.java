package fr.atlas.platform;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The names of the current organisation's members, former members' too, for a module that
 * shows who did or underwent something without depending on the one that holds the
 * members (the audit log). Contributed as a bean; reads under row-level security, so ids
 * of another organisation's members are never named.
 */
public interface MemberNames {

	/**
	 * The name of each member found among {@code ids}, by id; unknown ids are left out.
	 */
	Map<UUID, String> namesOf(Collection<UUID> ids);

}
