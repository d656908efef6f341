package fr.atlas.prospects.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The words of an agency's name that tell it from others ("Dupont" in "Agence Dupont
 * Immobilier"; not "agence", "immo", "cabinet"), and the rule built on them: inside a
 * place, two names are compared letter by letter only when they share such a word up to
 * one typo (or their first five letters), or when neither has one.
 *
 * <p>
 * The rule keeps what Jaro-Winkler alone would pair for its shared beginning ("Agence
 * Dupont" and "Agence Durand" are 0.9 alike, and no typo apart) out of the review queue,
 * and it gives names an index: a word and its one-character deletions are its
 * {@link #forEachKey keys}, and two words share a key exactly when {@link #related} says
 * so. A large place looks up the agencies sharing a key with the row instead of comparing
 * the row with all of them (ADR 0025).
 */
final class DistinctiveWords {

	/** Words of agencies' names that tell no agency from another. */
	private static final Set<String> GENERIC = Set.of("agence", "agences", "immobilier", "immobiliere", "immobilieres",
			"immobiliers", "immo", "immob", "cabinet", "conseil", "conseils", "transaction", "transactions", "gestion",
			"groupe", "patrimoine", "services", "real", "estate", "properties", "property");

	/** {@link #GENERIC} by length, for words read in place. */
	private static final String[][] GENERIC_BY_LENGTH = byLength();

	/**
	 * Words that begin alike over this many characters are related too: "Martin" and
	 * "Martinez" are two names, but close enough for a person to look at.
	 */
	static final int PREFIX = 5;

	private static final long PREFIX_KEY = 0x5851F42D4C957F2DL;

	private static final long NAME_KEY = 0x14057B7EF767814FL;

	/**
	 * The key of a name that has no distinctive word: such names are compared together.
	 */
	static final long NO_WORD = 0x2545F4914F6CDD1DL;

	private DistinctiveWords() {
	}

	/**
	 * Whether the two names may be compared: a distinctive word of one (name or trade
	 * name) is a distinctive word of the other up to one typo, or neither has any.
	 */
	static boolean related(NameForms a, NameForms b) {
		boolean aHas = any(a.strippedName()) || any(a.strippedTrade());
		boolean bHas = any(b.strippedName()) || any(b.strippedTrade());
		if (!aHas || !bHas) {
			return !aHas && !bHas;
		}
		return shareWord(a.strippedName(), b) || shareWord(a.strippedTrade(), b);
	}

	/**
	 * Calls back with the keys of a named agency or row: for each distinctive word, the
	 * word, its first {@link #PREFIX} characters and, from three characters on, the word
	 * without each of its characters (only the word itself when it holds a digit); or
	 * {@link #NO_WORD} when it has none. An agency without a name has no keys: its name
	 * can match nothing.
	 */
	static void forEachKey(NameForms names, LongConsumer action) {
		if (!names.named()) {
			return;
		}
		boolean any = forEachKey(names.strippedName(), action);
		any |= forEachKey(names.strippedTrade(), action);
		if (!any) {
			action.accept(NO_WORD);
		}
	}

	/**
	 * Calls back with the keys of a named agency's or row's whole names (name and trade
	 * name without their brand): the same name meets itself however common its words,
	 * unless the name itself is that common.
	 */
	static void forEachNameKey(NameForms names, LongConsumer action) {
		if (!names.named()) {
			return;
		}
		action.accept(hash(names.strippedName(), 0, names.strippedName().length(), -1) ^ NAME_KEY);
		if (!names.strippedTrade().isEmpty()) {
			action.accept(hash(names.strippedTrade(), 0, names.strippedTrade().length(), -1) ^ NAME_KEY);
		}
	}

	private static boolean forEachKey(String text, LongConsumer action) {
		boolean any = false;
		int from = 0;
		while (from < text.length()) {
			int to = wordEnd(text, from);
			if (to > from && !generic(text, from, to)) {
				any = true;
				action.accept(hash(text, from, to, -1));
				if (to - from >= PREFIX && !number(text, from, to)) {
					action.accept(hash(text, from, from + PREFIX, -1) ^ PREFIX_KEY);
				}
				if (to - from >= 3 && !number(text, from, to)) {
					for (int skip = from; skip < to; skip++) {
						action.accept(hash(text, from, to, skip));
					}
				}
			}
			from = to + 1;
		}
		return any;
	}

	/**
	 * Whether two words share a key of {@link #forEachKey}: equal; one is the other
	 * without one character (the longer has three or more); or, both of the same length
	 * of three or more, they are equal once one character is taken out of each (a typo or
	 * two neighbours swapped). A word holding a digit is related to itself only.
	 */
	static boolean related(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
		int la = aTo - aFrom;
		int lb = bTo - bFrom;
		if (number(a, aFrom, aTo) || number(b, bFrom, bTo)) {
			return la == lb && a.regionMatches(aFrom, b, bFrom, la);
		}
		if (la >= PREFIX && lb >= PREFIX && a.regionMatches(aFrom, b, bFrom, PREFIX)) {
			return true;
		}
		if (la == lb) {
			if (a.regionMatches(aFrom, b, bFrom, la)) {
				return true;
			}
			return la >= 3 && equalOnceEachLosesOne(a, aFrom, b, bFrom, la);
		}
		if (la == lb + 1) {
			return la >= 3 && losesOne(a, aFrom, la, b, bFrom);
		}
		if (lb == la + 1) {
			return lb >= 3 && losesOne(b, bFrom, lb, a, aFrom);
		}
		return false;
	}

	/** The distinctive words of a name key, for comparisons that need them as a set. */
	static Set<String> of(String stripped) {
		Set<String> words = new TreeSet<>();
		int from = 0;
		while (from < stripped.length()) {
			int to = wordEnd(stripped, from);
			if (to > from && !generic(stripped, from, to)) {
				words.add(stripped.substring(from, to));
			}
			from = to + 1;
		}
		return words;
	}

	private static boolean shareWord(String text, NameForms other) {
		int from = 0;
		while (from < text.length()) {
			int to = wordEnd(text, from);
			if (to > from && !generic(text, from, to) && (hasRelated(text, from, to, other.strippedName())
					|| hasRelated(text, from, to, other.strippedTrade()))) {
				return true;
			}
			from = to + 1;
		}
		return false;
	}

	private static boolean hasRelated(String a, int aFrom, int aTo, String text) {
		int from = 0;
		while (from < text.length()) {
			int to = wordEnd(text, from);
			if (to > from && !generic(text, from, to) && related(a, aFrom, aTo, text, from, to)) {
				return true;
			}
			from = to + 1;
		}
		return false;
	}

	private static boolean any(String text) {
		int from = 0;
		while (from < text.length()) {
			int to = wordEnd(text, from);
			if (to > from && !generic(text, from, to)) {
				return true;
			}
			from = to + 1;
		}
		return false;
	}

	/**
	 * Whether a word holds a digit ("21", "2000", "3f"): such a word is related to itself
	 * only. Another number is another agency ("Agence 12", "Agence 13"), not a typo, and
	 * files of numbered agencies would otherwise give each one a dozen keys of its own.
	 */
	static boolean number(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				return true;
			}
		}
		return false;
	}

	private static int wordEnd(String text, int from) {
		int space = text.indexOf(' ', from);
		return (space < 0) ? text.length() : space;
	}

	private static boolean generic(String text, int from, int to) {
		int length = to - from;
		if (length >= GENERIC_BY_LENGTH.length) {
			return false;
		}
		for (String word : GENERIC_BY_LENGTH[length]) {
			if (text.regionMatches(from, word, 0, length)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the shorter word is the longer one without one of its characters. */
	private static boolean losesOne(String longer, int longFrom, int longLength, String shorter, int shortFrom) {
		int prefix = 0;
		while (prefix < longLength - 1 && longer.charAt(longFrom + prefix) == shorter.charAt(shortFrom + prefix)) {
			prefix++;
		}
		// taking out the first character that differs is as good as any other choice
		return longer.regionMatches(longFrom + prefix + 1, shorter, shortFrom + prefix, longLength - 1 - prefix);
	}

	/** Whether, for some i and j, a without its i-th character is b without its j-th. */
	private static boolean equalOnceEachLosesOne(String a, int aFrom, String b, int bFrom, int length) {
		int prefix = 0;
		while (a.charAt(aFrom + prefix) == b.charAt(bFrom + prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (a.charAt(aFrom + length - 1 - suffix) == b.charAt(bFrom + length - 1 - suffix)) {
			suffix++;
		}
		// the shorter of the two removed positions comes no later than the first
		// difference, the other no earlier than the last
		for (int i = 0; i <= prefix; i++) {
			for (int j = Math.max(i, length - 1 - suffix); j < length; j++) {
				if (equalWithout(a, aFrom, i, b, bFrom, j, length) || equalWithout(b, bFrom, i, a, aFrom, j, length)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean equalWithout(String a, int aFrom, int aSkip, String b, int bFrom, int bSkip, int length) {
		int i = 0;
		int j = 0;
		while (i < length && j < length) {
			if (i == aSkip) {
				i++;
				continue;
			}
			if (j == bSkip) {
				j++;
				continue;
			}
			if (a.charAt(aFrom + i) != b.charAt(bFrom + j)) {
				return false;
			}
			i++;
			j++;
		}
		return true;
	}

	/** A 64-bit hash of a word, without the character at {@code skip} (-1 for none). */
	static long hash(String text, int from, int to, int skip) {
		long h = Candidate.hash(text, from, to, skip);
		return (h != NO_WORD) ? h : 1;
	}

	private static String[][] byLength() {
		int longest = GENERIC.stream().mapToInt(String::length).max().orElse(0);
		String[][] byLength = new String[longest + 1][];
		for (int length = 0; length <= longest; length++) {
			int l = length;
			byLength[length] = GENERIC.stream().filter((word) -> word.length() == l).sorted().toArray(String[]::new);
		}
		return byLength;
	}

}
