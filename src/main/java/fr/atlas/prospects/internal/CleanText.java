package fr.atlas.prospects.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Trims and collapses the white space of raw cells (spreadsheets bring non-breaking and
 * narrow spaces, tabs and line breaks), and folds text for comparisons.
 */
final class CleanText {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private CleanText() {
	}

	/** Trimmed, with runs of white space collapsed to one space; null when blank. */
	static @Nullable String of(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		// most cells need nothing: skip the regex unless a space other than a single ' '
		// is there
		String text = needsCollapse(raw) ? SPACES.matcher(raw).replaceAll(" ") : raw;
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

	private static boolean needsCollapse(String raw) {
		boolean previousSpace = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
					|| c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
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
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return MARKS.matcher(decomposed)
			.replaceAll("")
			.replace("œ", "oe")
			.replace("Œ", "oe")
			.replace("æ", "ae")
			.replace("ß", "ss")
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * Folded, with every run of anything but letters and digits turned into one space.
	 */
	static String words(String text) {
		String folded = fold(text);
		StringBuilder words = new StringBuilder(folded.length());
		boolean gap = false;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
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
