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

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private CleanText() {
	}

	/** Trimmed, with runs of white space collapsed to one space; null when blank. */
	static @Nullable String of(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String text = SPACES.matcher(raw).replaceAll(" ").strip();
		return text.isEmpty() ? null : text;
	}

	/** Lower case without accents, for keys and header matching. */
	static String fold(String text) {
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
		return NOT_ALPHANUMERIC.matcher(fold(text)).replaceAll(" ").strip();
	}

}
