package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The best way to show an agency's name. The stored name is the first spelling seen
 * (often ALL CAPS from purchased lists); for display only:
 * <ol>
 * <li>among the spellings the agency received (first seen first) that are the same name
 * once case and accents are ignored, the first one in mixed case wins: "Agence de la
 * Gare" over "AGENCE DE LA GARE";</li>
 * <li>when every such spelling is in capitals (or in lower case), the first one is
 * title-cased the French way: little words in lower case inside the name ("de", "la",
 * "d’"…), legal forms in capitals (SARL, SAS…), "L’AGENCE" as "L’Agence".</li>
 * </ol>
 * Other spellings (a different name for the same agency) never replace the stored name.
 */
public final class NameDisplay {

	private static final Set<String> LITTLE_WORDS = Set.of("de", "du", "des", "la", "le", "les", "et", "en", "sur",
			"sous", "à", "au", "aux", "d", "l", "par", "pour");

	private static final Set<String> CAPITALS = Set.of("SARL", "SAS", "SASU", "EURL", "SCI", "SA", "SNC", "SELARL",
			"SELAS", "SCP", "SCA", "SCS", "SEM", "EIRL", "EI", "GIE", "SCM", "SCCV", "IAD", "ERA", "FNAIM", "BNP",
			"CIC", "LCL", "II", "III", "IV");

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	/** The endings of a French ordinal number, written after its digits ("2e", "1er"). */
	private static final Set<String> ORDINALS = Set.of("e", "er", "re", "eme", "ème", "nd", "nde");

	private static final Pattern WEBSITE = Pattern.compile("[\\p{Ll}0-9-]+(\\.[\\p{Ll}0-9-]+)*\\.\\p{Ll}{2,}(/\\S*)?");

	private NameDisplay() {
	}

	/** The display form of one spelling. */
	public static String of(String name) {
		return best(name, List.of());
	}

	/**
	 * The display form of the stored name, given the other spellings the agency received
	 * in the order they were seen.
	 */
	public static String best(String stored, List<String> spellings) {
		if (standsInForAName(stored)) {
			return stored;
		}
		String same = same(stored);
		if (mixedCase(stored)) {
			return stored;
		}
		for (String spelling : spellings) {
			if (spelling != null && mixedCase(spelling) && same(spelling).equals(same)) {
				return spelling;
			}
		}
		return titleCase(stored);
	}

	/**
	 * An agency imported without a name is named after its website or e-mail
	 * ({@link AgencyValues#displayName}): shown as written, never title-cased into
	 * "Contact@Agence.Fr".
	 */
	private static boolean standsInForAName(String stored) {
		return stored.indexOf(' ') < 0 && (stored.indexOf('@') > 0 || WEBSITE.matcher(stored).matches());
	}

	/**
	 * The display form of a town: as written when someone chose its case
	 * ("Saint-Étienne"), else title-cased the French way ("AIX-EN-PROVENCE" as
	 * "Aix-en-Provence").
	 */
	public static @Nullable String town(@Nullable String city) {
		return (city == null || mixedCase(city)) ? city : titleCase(city);
	}

	/** Letters in both cases: someone chose this spelling. */
	static boolean mixedCase(String text) {
		boolean upper = false;
		boolean lower = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			upper |= Character.isUpperCase(c);
			lower |= Character.isLowerCase(c);
		}
		return upper && lower;
	}

	static String titleCase(String text) {
		Matcher words = WORD.matcher(text);
		StringBuilder out = new StringBuilder();
		int last = 0;
		boolean first = true;
		while (words.find()) {
			out.append(text, last, words.start());
			String word = words.group();
			String upper = word.toUpperCase(Locale.FRENCH);
			String lower = word.toLowerCase(Locale.FRENCH);
			boolean elided = words.end() < text.length() && isApostrophe(text.charAt(words.end()));
			boolean afterDigit = words.start() > 0 && Character.isDigit(text.charAt(words.start() - 1));
			if (afterDigit && ORDINALS.contains(lower)) {
				// an arrondissement or a floor: "LYON 2E" is "Lyon 2e" (not "Lyon
				// 2E"), "PARIS 8EME" is "Paris 8ème"
				out.append(lower.equals("eme") ? "ème" : lower);
				first = false;
				last = words.end();
				continue;
			}
			if (CAPITALS.contains(upper) && !elided) {
				// "SARL L'AGENCE": the name proper starts after the legal form
				out.append(upper);
				last = words.end();
				continue;
			}
			else if (!first && LITTLE_WORDS.contains(lower)) {
				out.append(lower);
			}
			else {
				out.append(Character.toUpperCase(lower.charAt(0))).append(lower, 1, lower.length());
			}
			first = false;
			last = words.end();
		}
		out.append(text, last, text.length());
		return out.toString();
	}

	private static boolean isApostrophe(char c) {
		return c == '\'' || c == '’';
	}

	private static String same(String text) {
		return CleanText.words(text);
	}

}
