package fr.atlas.prospects.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Trims and collapses the white space of raw cells (spreadsheets bring non-breaking and
 * narrow spaces, tabs and line breaks), leaves out the characters nobody sees, and folds
 * text for comparisons.
 */
final class CleanText {

	/**
	 * White space, and control characters (a terminal's colours, a bell, a form feed
	 * pasted from an old system's export), which no name or address holds: between two
	 * words they were their space. A zero-width space, from a web page, marks where a
	 * line may break: a space too.
	 */
	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cc}\\u00A0\\u2007\\u202F\\uFEFF\\u200B]+");

	/**
	 * A soft hyphen or a word joiner (a word processor's, inside a word): the word
	 * without it, as it reads.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u2060]");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** End of Latin Extended-B: the letters of French and its neighbours. */
	private static final char LATIN_END = 0x250;

	/** The fold of each Latin letter after ASCII, worked out once. */
	private static final String[] LATIN = latinFolds();

	private CleanText() {
	}

	/** Trimmed, with runs of white space collapsed to one space; null when blank. */
	static @Nullable String of(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		// most cells need nothing: skip the regex unless a space other than a single '
		// ' is there, or a character nobody sees
		String text = needsCollapse(raw) ? SPACES.matcher(INVISIBLE.matcher(raw).replaceAll("")).replaceAll(" ") : raw;
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Whether a character is white space as a cell reads it: Java's, and the no-break
	 * spaces a spreadsheet or a word processor puts (which {@link String#isBlank} does
	 * not count).
	 */
	static boolean isSpace(char c) {
		return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
	}

	private static boolean needsCollapse(String raw) {
		boolean previousSpace = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c > ' ' && c < 0x7F) {
				// the usual printable ASCII
				previousSpace = false;
				continue;
			}
			if (c < ' ' || (c >= 0x7F && c <= 0x9F) || c == '\u200B' || c == '\u00AD' || c == '\u2060') {
				// a tab, a line break or a control character, or one nobody sees
				return true;
			}
			boolean space = c == ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
			if (space && (c != ' ' || previousSpace)) {
				return true;
			}
			previousSpace = space;
		}
		return false;
	}

	/** Lower case without accents, for keys and header matching. */
	static String fold(String text) {
		if (ascii(text)) {
			// nothing to decompose or replace
			return text.toLowerCase(Locale.ROOT);
		}
		StringBuilder folded = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
			}
			else if (c < LATIN_END && LATIN[c] != null) {
				folded.append(LATIN[c]);
			}
			else {
				return foldByNormalizer(text);
			}
		}
		return folded.toString();
	}

	/**
	 * {@link #fold} the long way: canonical decomposition, marks removed, lower case,
	 * then the letters no decomposition takes apart: ligatures spelled out, and the
	 * Nordic, Polish, Croatian and Turkish letters whose stroke or missing dot is part of
	 * the letter ("Bjørn" reads "bjorn", "Łódź" "lodz"), as a French typist writes them.
	 */
	static String foldByNormalizer(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return MARKS.matcher(decomposed)
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("œ", "oe")
			.replace("æ", "ae")
			.replace("ß", "ss")
			.replace("ø", "o")
			.replace("ł", "l")
			.replace("đ", "d")
			.replace("ı", "i");
	}

	private static String[] latinFolds() {
		String[] folds = new String[LATIN_END];
		for (char c = 0x80; c < LATIN_END; c++) {
			String one = String.valueOf(c);
			// a letter that decomposes into a base and its marks folds the same alone and
			// in a word: no mark of its own can move next to another letter's
			if (Normalizer.normalize(one, Normalizer.Form.NFD).charAt(0) < 0x300) {
				folds[c] = foldByNormalizer(one);
			}
		}
		return folds;
	}

	/**
	 * The text without white space (what {@code \s} matches) and without the given
	 * separators; the same instance when it has none, as most values have.
	 */
	static String without(String text, String separators) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean separator = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
					|| separators.indexOf(c) >= 0;
			if (kept == null) {
				if (separator) {
					kept = new StringBuilder(text.length());
					kept.append(text, 0, i);
				}
			}
			else if (!separator) {
				kept.append(c);
			}
		}
		return (kept != null) ? kept.toString() : text;
	}

	/**
	 * Folded, with every run of anything but letters and digits turned into one space.
	 */
	static String words(String text) {
		// ASCII folds to its lower case: done here, without the folded copy
		String folded = ascii(text) ? text : fold(text);
		StringBuilder words = new StringBuilder(folded.length());
		boolean gap = false;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (gap && !words.isEmpty()) {
					words.append(' ');
				}
				words.append(c);
				gap = false;
			}
			else {
				gap = true;
			}
		}
		return words.toString();
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
