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
		return printableAscii(host) ? asciiHost(host) : byPatterns(host);
	}

	/**
	 * {@link #byPatterns} without regular expressions nor IDN, for printable ASCII (no
	 * line terminator for a {@code $} to stop before, nothing for IDN to encode).
	 */
	private static Checked<String> asciiHost(String url) {
		int from = 0;
		if (!url.isEmpty() && url.charAt(0) >= 'a' && url.charAt(0) <= 'z') {
			// ^[a-z][a-z0-9+.-]*://
			int i = 1;
			while (i < url.length() && schemeCharacter(url.charAt(i))) {
				i++;
			}
			if (url.startsWith("://", i)) {
				from = i + 3;
			}
		}
		if (url.startsWith("//", from)) {
			from += 2;
		}
		int end = url.length();
		for (int i = from; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		int at = url.lastIndexOf('@', end - 1);
		if (at >= from) {
			from = at + 1;
		}
		// :[0-9]+$, the first colon that only digits follow
		int colon = url.indexOf(':', from);
		while (colon >= 0 && colon < end) {
			if (colon + 1 < end && digits(url, colon + 1, end)) {
				end = colon;
				break;
			}
			colon = url.indexOf(':', colon + 1);
		}
		if (end > from && url.charAt(end - 1) == '.') {
			end--;
		}
		if (url.startsWith("www.", from) && from + 4 <= end) {
			from += 4;
		}
		String host = url.substring(from, Math.max(from, end));
		// IDN keeps an ASCII name as it is, but refuses labels over 63 characters
		return (hasShape(host) && labelsFitDns(host)) ? Checked.ok(host) : Checked.invalid("invalid");
	}

	/**
	 * {@link #HOST} without a regex: labels of a-z, 0-9 and inner dashes, then 2 to 24
	 * letters.
	 */
	static boolean hasShape(String host) {
		int lastDot = host.lastIndexOf('.');
		if (lastDot <= 0) {
			return false;
		}
		int tld = host.length() - lastDot - 1;
		if (tld < 2 || tld > 24) {
			return false;
		}
		for (int i = lastDot + 1; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		int start = 0;
		while (start <= lastDot) {
			int dot = host.indexOf('.', start);
			int length = dot - start;
			if (length == 0 || host.charAt(start) == '-' || host.charAt(dot - 1) == '-') {
				return false;
			}
			for (int i = start; i < dot; i++) {
				char c = host.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
					return false;
				}
			}
			start = dot + 1;
		}
		return true;
	}

	private static boolean labelsFitDns(String host) {
		int start = 0;
		while (start <= host.length()) {
			int dot = host.indexOf('.', start);
			if (dot < 0) {
				dot = host.length();
			}
			if (dot - start > 63) {
				return false;
			}
			start = dot + 1;
		}
		return true;
	}

	/** The host of a lower-case URL through regular expressions and IDN. */
	static Checked<String> byPatterns(String url) {
		String host = url.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
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

	private static boolean printableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private static boolean schemeCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
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
