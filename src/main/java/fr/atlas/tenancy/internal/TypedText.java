package fr.atlas.tenancy.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A name a person typed or pasted on one line. Every kind of space counts as one, the
 * no-break ones a word processor puts in a pasted name too, and invisible format
 * characters (a zero-width space, a byte-order mark) are dropped at its ends: a name of
 * nothing but those is no name, not a blank one shown in the header.
 */
public final class TypedText {

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern ENDS = Pattern.compile("^[\\s\\p{Z}\\p{Cf}]+|[\\s\\p{Z}\\p{Cf}]+$");

	private TypedText() {
	}

	/**
	 * The text without the spaces and invisible characters around it, as an e-mail
	 * address copied from a mail or a spreadsheet brings them (a no-break space, a
	 * zero-width space).
	 */
	public static String trimmed(@Nullable String raw) {
		return (raw == null) ? "" : ENDS.matcher(raw).replaceAll("");
	}

	/** The name on one line, single spaces between its words, nothing around them. */
	public static String line(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		return ENDS.matcher(SPACES.matcher(raw).replaceAll(" ")).replaceAll("");
	}

}
