package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * French postcodes (five digits; spreadsheets that stored them as numbers lost the
 * leading zero of "01000") and the department they belong to: the first two digits, 2A or
 * 2B for Corsica (200xx-201xx South, 202xx-206xx North) and three digits overseas (971 to
 * 976, and 98x for the overseas collectivities).
 */
final class Postcodes {

	private static final java.util.regex.Pattern SPREADSHEET_DECIMAL = java.util.regex.Pattern.compile("[0-9]+\\.0+");

	private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s.]");

	private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("[1-9][0-9]{3}");

	private static final java.util.regex.Pattern FIVE_DIGITS = java.util.regex.Pattern.compile("[0-9]{5}");

	private Postcodes() {
	}

	static Checked<String> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		if (SPREADSHEET_DECIMAL.matcher(text).matches()) {
			text = text.substring(0, text.indexOf('.'));
		}
		String digits = SEPARATORS.matcher(text).replaceAll("");
		if (FOUR_DIGITS.matcher(digits).matches()) {
			digits = "0" + digits;
		}
		if (!FIVE_DIGITS.matcher(digits).matches() || digits.startsWith("00") || digits.startsWith("96")
				|| digits.startsWith("99")) {
			return Checked.invalid("invalid");
		}
		return Checked.ok(digits);
	}

	static String department(String postcode) {
		if (postcode.startsWith("97") || postcode.startsWith("98")) {
			return postcode.substring(0, 3);
		}
		if (postcode.startsWith("20")) {
			return (postcode.charAt(2) <= '1') ? "2A" : "2B";
		}
		return postcode.substring(0, 2);
	}

}
