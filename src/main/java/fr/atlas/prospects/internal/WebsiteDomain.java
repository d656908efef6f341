package fr.atlas.prospects.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A website reduced to its host name without {@code www.}:
 * "HTTPS://www.Agence-Gare.fr/contact?x=1" gives {@code agence-gare.fr}.
 *
 * <p>
 * The page is kept when the host is shared by many agencies, so that the website still
 * names one: a network's or a platform's site
 * ("https://www.century21.fr/agence/port-marseille/" gives
 * {@code century21.fr/agence/port-marseille}), or any site's agency page
 * ("abc-immo.fr/agences/lyon"), where a small network lists its agencies.
 */
final class WebsiteDomain {

	/** First segments of a path that name one agency's page. */
	private static final Set<String> AGENCY_PAGES = Set.of("agence", "agences", "agency", "agencies", "nos-agences",
			"notre-agence", "bureau", "bureaux", "office", "offices");

	/** Pages of a shared site that name no agency. */
	private static final Set<String> NO_AGENCY = Set.of("contact", "accueil", "home", "index.php", "index.html",
			"index.htm", "profile.php", "fr", "en", "annonces", "recherche", "search", "people", "pages", "p", "pg",
			"groups", "watch");

	/** Longer than this, a path is a listing or a tracking link, not an agency's page. */
	private static final int LONGEST_PAGE = 160;

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
		Checked<String> domain = printableAscii(host) ? asciiHost(host) : byPatterns(host);
		if (domain.value() == null) {
			return domain;
		}
		String page = page(host, domain.value());
		return (page != null) ? Checked.ok(page) : domain;
	}

	/**
	 * The domain a normalised website's host is a subdomain of ("nantes.agence-x.immo" of
	 * "agence-x.immo"), or null for a page, or a domain of two labels.
	 */
	static @Nullable String parent(@Nullable String website) {
		if (website == null || isPage(website)) {
			return null;
		}
		int dot = website.indexOf('.');
		return (dot > 0 && website.indexOf('.', dot + 1) > 0) ? website.substring(dot + 1) : null;
	}

	/**
	 * Whether an own domain spells an agency's name: each distinctive word of its name,
	 * or of its trade name, is in the domain's letters
	 * ("guerin-giraud-immobilier-blois.fr" spells "Guérin-Giraud Immobilier",
	 * "les5sensimmonantes.fr" "Les 5 Sens Immo"). Words under three letters are left out
	 * ("de", "la"), and what is left must have five letters at least.
	 */
	static boolean spells(@Nullable String domain, NameForms names) {
		if (domain == null || isPage(domain)) {
			return false;
		}
		int tld = domain.lastIndexOf('.');
		String letters = CleanText.words((tld > 0) ? domain.substring(0, tld) : domain).replace(" ", "");
		return spells(letters, names.strippedName()) || spells(letters, names.strippedTrade());
	}

	private static boolean spells(String letters, String stripped) {
		int spelt = 0;
		for (String word : DistinctiveWords.of(stripped)) {
			if (word.length() < 3 && word.chars().noneMatch(Character::isDigit)) {
				continue;
			}
			if (!letters.contains(word)) {
				return false;
			}
			spelt += word.length();
		}
		return spelt >= 5;
	}

	/** Whether a normalised website is a page of a shared site rather than a domain. */
	static boolean isPage(String website) {
		return website.indexOf('/') >= 0;
	}

	/**
	 * The domain and path of a lower-case URL when the path names one agency on a site of
	 * many, or null.
	 */
	static @Nullable String page(String url, String domain) {
		int scheme = url.indexOf("://");
		int from = (scheme >= 0 && scheme < indexOfAny(url, "/?#")) ? scheme + 3 : url.startsWith("//") ? 2 : 0;
		int slash = url.indexOf('/', from);
		if (slash < 0) {
			return null;
		}
		int end = indexOfAny(url.substring(slash), "?#");
		String path = (end < 0) ? url.substring(slash + 1) : url.substring(slash + 1, slash + end);
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		if (segments.isEmpty() || NO_AGENCY.contains(segments.get(0))) {
			return null;
		}
		boolean agencyPage = AGENCY_PAGES.contains(segments.get(0));
		if (agencyPage ? segments.size() < 2 : !Deduplication.sharedDomain(domain)) {
			return null;
		}
		String page = domain + "/" + String.join("/", segments);
		for (int i = 0; i < page.length(); i++) {
			char c = page.charAt(i);
			if (c <= ' ' || c > '~') {
				return null;
			}
		}
		return (page.length() <= LONGEST_PAGE) ? page : null;
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
