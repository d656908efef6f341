package fr.atlas.prospects.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The clean values one import row gives about a person of the agency.
 */
record ContactValues(@Nullable String firstName, @Nullable String lastName, @Nullable String role, List<String> emails,
		List<String> phones, @Nullable String linkedin) {

	boolean samePerson(ContactValues other) {
		if (!this.emails.isEmpty() && other.emails.stream().anyMatch(this.emails::contains)) {
			return true;
		}
		return this.lastName != null && other.lastName != null
				&& NameKey.of(this.lastName).equals(NameKey.of(other.lastName)) && (this.firstName == null
						|| other.firstName == null || NameKey.of(this.firstName).equals(NameKey.of(other.firstName)));
	}

}
