package fr.atlas.prospects.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A website reduced to its host name without {@code www.}:
 * "HTTPS://www.Agence-Gare.fr/contact?x=1" gives {@code agence-gare.fr}.
 */
final class WebsiteDomain {

	private static final Pattern HOST = Pattern.compile("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}$");

	private WebsiteDomain() {
	}

	static Checked<String> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String host = text.toLowerCase(Locale.ROOT);
		if (host.contains("@") && !host.contains("/")) {
			return Checked.invalid("invalid");
		}
		host = host.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
		host = host.replaceFirst("^//", "");
		int end = indexOfAny(host, "/?#");
		if (end >= 0) {
			host = host.substring(0, end);
		}
		int at = host.lastIndexOf('@');
		if (at >= 0) {
			host = host.substring(at + 1);
		}
		host = host.replaceFirst(":[0-9]+$", "").replaceFirst("\\.$", "");
		if (host.startsWith("www.")) {
			host = host.substring(4);
		}
		try {
			host = IDN.toASCII(host);
		}
		catch (IllegalArgumentException ex) {
			return Checked.invalid("invalid");
		}
		return HOST.matcher(host).matches() ? Checked.ok(host) : Checked.invalid("invalid");
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
