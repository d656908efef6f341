package fr.atlas.tenancy.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import fr.atlas.platform.InvalidInputException;

/**
 * Normalises and checks an e-mail address typed by a person.
 */
final class EmailAddress {

	/**
	 * RFC 5322's dot-atom before the {@code @}: dots between characters, never first,
	 * last or two in a row. Jakarta Mail refuses the others ("Local address contains
	 * dot-dot"), so a mail to {@code jean..dupont@…} was never sent, and nobody was told
	 * (ADR 0119).
	 */
	private static final String LOCAL_PART = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	/** A domain of labels whose last one, the top-level domain, is not a number. */
	private static final Pattern SHAPE = Pattern
		.compile("^" + LOCAL_PART + "@" + LABEL + "(?:\\." + LABEL + ")*\\.(?![0-9]+$)" + LABEL + "$");

	private EmailAddress() {
	}

	static String normalise(String field, String raw) {
		String email = TypedText.trimmed(raw).toLowerCase(Locale.ROOT);
		if (email.isEmpty()) {
			throw new InvalidInputException(field, "field.required");
		}
		// RFC 5321 (4.5.3.1.1): at most 64 characters before the @, or mail to it bounces
		if (email.length() > 254 || email.indexOf('@') > 64 || !SHAPE.matcher(email).matches()) {
			throw new InvalidInputException(field, "email.invalid");
		}
		return email;
	}

}
