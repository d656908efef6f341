package fr.atlas.tenancy.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.InvalidInputException.FieldProblem;

/**
 * A web address inside a name: an organisation's or a member's name goes into the mails
 * Atlas sends to people outside the organisation (an invitation), and a mail client makes
 * a link of what reads as an address. A name that held one would let whoever signed up
 * send a link of their choice from our domain (ADR 0075). Refused are: a scheme
 * ({@code https://}, {@code mailto:}), {@code www.}, a domain ending in a top-level
 * domain clients link ({@code exemple.fr}, {@code secure-login.com}) and an IPv4 address.
 * Kept are the dots of abbreviations and initials ({@code S.A.R.L.}, {@code St.Jean},
 * {@code J.-P. Martin}), whose last part is no top-level domain.
 */
public final class LinkInName {

	/** The problem's code, in the bundles of every language. */
	public static final String PROBLEM = "name.web-address";

	private static final Pattern SCHEME = Pattern.compile("://|(?<![\\p{L}\\p{N}])(?:mailto|javascript|vbscript):",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WWW = Pattern.compile("(?<![\\p{L}\\p{N}])www\\d{0,3}\\.", Pattern.CASE_INSENSITIVE);

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d])");

	/** A label of a domain: letters and digits, hyphens inside. */
	private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";

	/**
	 * A label, a dot and a last label, with maybe a path after it: the last label is
	 * looked up among {@link #TOP_LEVEL_DOMAINS}.
	 */
	private static final Pattern DOMAIN = Pattern
		.compile("(?<![\\p{L}\\p{N}])(?:" + LABEL + "\\.)+(" + LABEL + ")(?![\\p{L}\\p{N}-])");

	/**
	 * Top-level domains a mail client links, or a reader takes for an address: the
	 * generic ones, France's and its neighbours', France's regions and overseas, those of
	 * the trade (immo, realestate…) and those short-link and phishing sites favour. Left
	 * out on purpose: those that are French abbreviations in a name, {@code sa} (société
	 * anonyme), {@code st} (saint), {@code la}, {@code le}, {@code et}.
	 */
	private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("com", "net", "org", "info", "biz", "edu", "gov", "int",
			"mil", "io", "co", "me", "app", "dev", "xyz", "online", "site", "website", "shop", "store", "tech", "cloud",
			"link", "click", "live", "pro", "name", "mobi", "top", "club", "vip", "fun", "page", "zip", "mov", "ai",
			"tv", "cc", "ws", "gg", "sh", "so", "ly", "gl", "to", "tk", "ml", "ga", "cf", "gq", "ru", "cn", "su", "in",
			"jp", "br", "au", "us", "ca", "fr", "eu", "be", "ch", "lu", "mc", "de", "uk", "es", "it", "pt", "nl", "at",
			"ie", "pl", "dk", "se", "no", "fi", "cz", "gr", "ro", "ma", "tn", "dz", "sn", "ci", "re", "gp", "mq", "gf",
			"yt", "pm", "nc", "pf", "wf", "tf", "bzh", "alsace", "corsica", "paris", "immo", "immobilien", "realestate",
			"realty", "estate", "house", "homes", "property", "properties", "apartments", "casa", "rent", "rentals",
			"agency", "lease", "land", "villas", "email", "mail", "help", "support", "secure", "login", "bank", "money",
			"finance", "pay", "news", "blog", "media", "group", "company", "business", "services", "solutions", "today",
			"world", "global", "network");

	private LinkInName() {
	}

	/**
	 * Whether the name holds something a mail client would make a link of. Read as the
	 * client shows it: compatibility forms folded ({@code ｗｗｗ．} is {@code www.}), and
	 * invisible format characters, which some clients drop, left out.
	 */
	public static boolean found(String name) {
		String shown = shown(name);
		if (SCHEME.matcher(shown).find() || WWW.matcher(shown).find() || IPV4.matcher(shown).find()) {
			return true;
		}
		Matcher domain = DOMAIN.matcher(shown);
		while (domain.find()) {
			if (TOP_LEVEL_DOMAINS.contains(domain.group(1).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** Adds the problem of a name holding a web address to {@code problems}. */
	public static void check(String field, String name, List<FieldProblem> problems) {
		if (found(name)) {
			problems.add(new FieldProblem(field, PROBLEM));
		}
	}

	/**
	 * The name as a plain-text mail may show it: one written before the rule (ADR 0075)
	 * may still hold an address, whose dots and colons are then put in brackets
	 * ({@code exemple[.]fr}, {@code https[:]//}), the way security teams quote an address
	 * nobody should follow, so that no client makes a link of it. A name without one is
	 * unchanged.
	 */
	public static String defused(String name) {
		if (!found(name)) {
			return name;
		}
		String shown = shown(name);
		return shown.replace(":", "[:]").replace(".", "[.]").replace("@", "[@]");
	}

	private static String shown(String name) {
		// an ideographic full stop is a dot in a host name
		return Normalizer.normalize(name, Normalizer.Form.NFKC)
			.replaceAll("\\p{Cf}", "")
			.replaceAll("[\u3002\uFF61]", ".");
	}

}
