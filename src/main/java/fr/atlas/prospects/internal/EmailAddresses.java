package fr.atlas.prospects.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses in lower case, checked for a plausible shape (local part, @, a domain
 * with a dot and a top-level domain of letters).
 */
final class EmailAddresses {

	private static final Pattern SHAPE = Pattern.compile(
			"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}$");

	private EmailAddresses() {
	}

	static Checked<String> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String email = text.toLowerCase(Locale.ROOT);
		if (email.startsWith("mailto:")) {
			email = email.substring("mailto:".length());
		}
		if (email.startsWith("<") && email.endsWith(">")) {
			email = email.substring(1, email.length() - 1);
		}
		email = email.strip();
		return SHAPE.matcher(email).matches() ? Checked.ok(email) : Checked.invalid("invalid");
	}

}
