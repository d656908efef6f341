package fr.atlas.prospects.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses in lower case, checked for a plausible shape (local part, @, a domain
 * with a dot and a top-level domain of letters).
 */
final class EmailAddresses {

	static final Pattern SHAPE = Pattern.compile(
			"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}$");

	private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

	/** Mail services anyone has an address with: their domain names no agency. */
	private static final Set<String> MAIL_SERVICES = Set.of("gmail.com", "googlemail.com", "hotmail.fr", "hotmail.com",
			"outlook.fr", "outlook.com", "live.fr", "live.com", "msn.com", "orange.fr", "wanadoo.fr", "free.fr",
			"sfr.fr", "neuf.fr", "club-internet.fr", "cegetel.net", "numericable.fr", "bbox.fr", "laposte.net",
			"yahoo.fr", "yahoo.com", "icloud.com", "me.com", "aol.com", "aol.fr", "gmx.fr", "gmx.com", "protonmail.com",
			"proton.me", "aliceadsl.fr", "voila.fr", "mailo.com", "netcourrier.com", "ymail.com", "tutanota.com",
			"yopmail.com");

	private EmailAddresses() {
	}

	static Checked<String> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String email = text.toLowerCase(Locale.ROOT);
		if (email.length() <= 256 && mayBeObfuscated(email)) {
			email = unobfuscated(email);
		}
		// as a mail client copies it: "Agence du Lac <contact@agence-du-lac.fr>"
		int open = email.lastIndexOf('<');
		int close = (open >= 0) ? email.indexOf('>', open) : -1;
		if (close > open + 1) {
			email = email.substring(open + 1, close);
		}
		email = withoutWrapping(email);
		if (email.startsWith("mailto:")) {
			email = email.substring("mailto:".length());
		}
		email = asciiDomain(email.strip());
		return hasShape(email) ? Checked.ok(email) : Checked.invalid("invalid");
	}

	/**
	 * The address with its domain as DNS reads it: "contact@immobilière-dupont.fr" is
	 * "contact@xn--immobilire-dupont-zsb.fr", as a website's host is kept
	 * ({@link WebsiteDomain}), so that the two still compare. A local part with accents
	 * stays refused: few mail services accept one, and it is most often a typo.
	 */
	private static String asciiDomain(String email) {
		int at = email.lastIndexOf('@');
		if (at < 0 || email.chars().skip(at + 1).allMatch((c) -> c < 0x80)) {
			return email;
		}
		try {
			return email.substring(0, at + 1) + IDN.toASCII(email.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException notADomain) {
			return email;
		}
	}

	/**
	 * A stored address as a person writes it, its domain with its accents
	 * ("contact@xn--immobilire-dupont-zsb.fr" is "contact@immobilière-dupont.fr"), for
	 * what Atlas hands on to be read as text (a case's e-mail field); as stored when its
	 * domain is no IDN or cannot be read back.
	 */
	static @Nullable String readable(@Nullable String email) {
		int at = (email != null) ? email.lastIndexOf('@') : -1;
		if (email == null || at < 0 || !email.toLowerCase(Locale.ROOT).contains("xn--")) {
			return email;
		}
		try {
			return email.substring(0, at + 1) + IDN.toUnicode(email.substring(at + 1), IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException notADomain) {
			return email;
		}
	}

	/**
	 * "contact [at] agence.fr", "contact(arobase)agence(dot)fr", "contact @ agence.fr".
	 */
	private static final Pattern AT = Pattern.compile("\\s*[\\[({]\\s*(?:at|arobase|@)\\s*[\\])}]\\s*");

	private static final Pattern DOT = Pattern.compile("\\s*[\\[({]\\s*(?:dot|point)\\s*[\\])}]\\s*");

	private static final Pattern SPELT_AT = Pattern.compile("^([^\\s@]+)\\s+(?:at|arobase)\\s+([^\\s@]+\\.[^\\s@]+)$");

	private static boolean mayBeObfuscated(String email) {
		return email.indexOf('@') < 0 || email.contains(" @") || email.contains("@ ") || email.contains("[@")
				|| email.contains("(@") || email.contains("(dot") || email.contains("[dot");
	}

	/**
	 * An address written so that robots do not read it, as people still read it:
	 * {@code contact[at]agence.fr}, {@code contact (at) agence (dot) fr},
	 * {@code contact(arobase)agence.fr}, {@code contact @ agence.fr}.
	 */
	static String unobfuscated(String email) {
		String text = DOT.matcher(AT.matcher(email).replaceAll("@")).replaceAll(".");
		java.util.regex.Matcher spelt = SPELT_AT.matcher(text);
		if (spelt.matches()) {
			text = spelt.group(1) + "@" + spelt.group(2);
		}
		int at = text.indexOf('@');
		if (at > 0 && at == text.lastIndexOf('@')) {
			text = text.substring(0, at).strip() + "@" + text.substring(at + 1).strip();
		}
		return text;
	}

	/**
	 * Without the quotes, brackets and end punctuation a spreadsheet's cell often wraps
	 * an address in: {@code "contact@agence.fr;"}, {@code (contact@agence.fr).}
	 */
	private static String withoutWrapping(String email) {
		int from = 0;
		int to = email.length();
		while (from < to && "\"'«»([< ".indexOf(email.charAt(from)) >= 0) {
			from++;
		}
		while (to > from && "\"'«»)]> .,;:".indexOf(email.charAt(to - 1)) >= 0) {
			to--;
		}
		return email.substring(from, to);
	}

	/**
	 * The domain of an agency's own address ("contact@agence-gare.fr" gives
	 * {@code agence-gare.fr}), which its website may have; null for a mail service's or a
	 * network's, which name no agency.
	 */
	static @Nullable String ownDomain(String email) {
		String domain = email.substring(email.indexOf('@') + 1);
		return (MAIL_SERVICES.contains(domain) || Deduplication.sharedDomain(domain)) ? null : domain;
	}

	/** {@link #SHAPE}, checked by hand for printable ASCII, the regex otherwise. */
	static boolean hasShape(String email) {
		int at = email.indexOf('@');
		if (at < 0) {
			return false;
		}
		for (int i = 0; i < email.length(); i++) {
			char c = email.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return SHAPE.matcher(email).matches();
			}
		}
		// the local part: atoms of its characters joined by single dots
		if (at == 0 || email.charAt(0) == '.' || email.charAt(at - 1) == '.') {
			return false;
		}
		for (int i = 0; i < at; i++) {
			char c = email.charAt(i);
			if (c == '.') {
				if (email.charAt(i + 1) == '.') {
					return false;
				}
			}
			else if (!localCharacter(c)) {
				return false;
			}
		}
		// the domain: as a website's host, no second @
		return WebsiteDomain.hasShape(email.substring(at + 1));
	}

	private static boolean localCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || LOCAL_SYMBOLS.indexOf(c) >= 0;
	}

}
