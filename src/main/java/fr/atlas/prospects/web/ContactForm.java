package fr.atlas.prospects.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.prospects.internal.ProspectSearch.Contact;
import fr.atlas.prospects.internal.ProspectSearch.Phone;
import org.jspecify.annotations.Nullable;

/**
 * The agency page's contact form: names and role as text, e-mails and phones one per line
 * (or separated by commas), phones as people dial them.
 */
record ContactForm(@Nullable String firstName, @Nullable String lastName, @Nullable String role,
		@Nullable String emails, @Nullable String phones, @Nullable String linkedin) {

	static final ContactForm EMPTY = new ContactForm(null, null, null, null, null, null);

	/** The contact as the agency's page shows it: e-mails with their domain's accents. */
	static ContactForm of(Contact contact) {
		return new ContactForm(contact.firstName(), contact.lastName(), contact.role(),
				String.join("\n", ShownDomains.emails(contact.emails())),
				contact.phones().stream().map(Phone::display).collect(Collectors.joining("\n")), contact.linkedin());
	}

	/**
	 * This form with an e-mail left as {@link #of} showed it given back as the contact
	 * stores it, as {@link AgencyForm#asStored} does for the agency's.
	 */
	ContactForm asStored(Contact contact) {
		return new ContactForm(this.firstName, this.lastName, this.role,
				AgencyForm.storedEmails(this.emails, contact.emails()), this.phones, this.linkedin);
	}

	/** Whether every field was left empty. */
	boolean blank() {
		return Stream.of(this.firstName, this.lastName, this.role, this.emails, this.phones, this.linkedin)
			.allMatch((value) -> value == null || value.isBlank());
	}

	/**
	 * What {@code POST} or {@code PATCH /api/v1/prospects/{id}/contacts} would receive.
	 */
	Map<String, @Nullable Object> values() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("firstName", this.firstName);
		values.put("lastName", this.lastName);
		values.put("role", this.role);
		values.put("emails", AgencyForm.lines(this.emails));
		values.put("phones", AgencyForm.lines(this.phones));
		values.put("linkedin", this.linkedin);
		return values;
	}

}
