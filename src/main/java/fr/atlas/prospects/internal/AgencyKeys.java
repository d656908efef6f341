package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * The keys an agency is matched, sorted and searched by, worked out from its stored name
 * and town, and the version of the rules that work them out ({@link NameKey},
 * {@link TownKey}). Keys are stored when an agency is written. When those rules change,
 * {@link #RULES} goes up: an import then works out again the keys of the agencies it
 * loads, and {@link AgencyKeyRefresh} rewrites the stored ones, organisation by
 * organisation (ADR 0035).
 */
final class AgencyKeys {

	/**
	 * The version of the key rules. Raise it with any change to what {@link NameKey} or
	 * {@link TownKey} gives for some text.
	 */
	static final int RULES = 4;

	private AgencyKeys() {
	}

	/**
	 * The name key of a stored agency. An agency with no name has an empty key, whatever
	 * its displayed name (a website, an e-mail) is.
	 */
	static String nameKey(String name, String storedKey, @Nullable String city) {
		return storedKey.isEmpty() ? "" : NameKey.withoutTown(name, city);
	}

	static @Nullable String cityKey(@Nullable String city) {
		return TownKey.of(city);
	}

}
