package fr.atlas.tenancy.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import fr.atlas.platform.InvalidInputException;

/**
 * Normalises and checks an e-mail address typed by a person.
 */
final class EmailAddress {

	private static final Pattern SHAPE = Pattern.compile(
			"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

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
