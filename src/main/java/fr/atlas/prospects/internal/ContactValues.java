package fr.atlas.prospects.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The clean values one import row gives about a person of the agency.
 */
record ContactValues(@Nullable String firstName, @Nullable String lastName, @Nullable String role, List<String> emails,
		List<String> phones, @Nullable String linkedin) {

	static final ContactValues NONE = new ContactValues(null, null, null, List.of(), List.of(), null);

	/** The values as the API names them. */
	Map<String, @Nullable Object> asFields() {
		Map<String, @Nullable Object> fields = new HashMap<>();
		fields.put("firstName", this.firstName);
		fields.put("lastName", this.lastName);
		fields.put("role", this.role);
		fields.put("emails", this.emails);
		fields.put("phones", this.phones);
		fields.put("linkedin", this.linkedin);
		return fields;
	}

	/** How people call the contact: the name, else an e-mail, a phone or the profile. */
	String label() {
		String name = ((this.firstName != null ? this.firstName : "") + " "
				+ (this.lastName != null ? this.lastName : ""))
			.strip();
		if (!name.isEmpty()) {
			return name;
		}
		if (!this.emails.isEmpty()) {
			return this.emails.get(0);
		}
		if (!this.phones.isEmpty()) {
			return PhoneDisplay.of(this.phones.get(0));
		}
		return (this.linkedin != null) ? this.linkedin : "";
	}

	boolean samePerson(ContactValues other) {
		if (!this.emails.isEmpty() && other.emails.stream().anyMatch(this.emails::contains)) {
			return true;
		}
		return this.lastName != null && other.lastName != null
				&& NameKey.of(this.lastName).equals(NameKey.of(other.lastName)) && (this.firstName == null
						|| other.firstName == null || NameKey.of(this.firstName).equals(NameKey.of(other.firstName)));
	}

}
