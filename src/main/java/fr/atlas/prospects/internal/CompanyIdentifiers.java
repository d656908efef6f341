package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * SIREN (9 digits, the company) and SIRET (14 digits, the establishment): separators
 * removed, length and Luhn key checked. La Poste is the known exception: its SIREN
 * 356000000 has thousands of establishments whose SIRETs are checked by a digit sum that
 * is a multiple of 5 instead.
 */
final class CompanyIdentifiers {

	private static final java.util.regex.Pattern NINE_DIGITS = java.util.regex.Pattern.compile("[0-9]{9}");

	private static final java.util.regex.Pattern FOURTEEN_DIGITS = java.util.regex.Pattern.compile("[0-9]{14}");

	private static final java.util.regex.Pattern SPREADSHEET_DECIMAL = java.util.regex.Pattern.compile("[0-9]+\\.0+");

	private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s.\\-_/]");

	static final String LA_POSTE = "356000000";

	private CompanyIdentifiers() {
	}

	static Checked<String> siren(@Nullable String raw) {
		String digits = digits(raw);
		if (digits == null) {
			return Checked.blank();
		}
		if (!NINE_DIGITS.matcher(digits).matches()) {
			return Checked.invalid("invalid_format");
		}
		return luhn(digits) ? Checked.ok(digits) : Checked.invalid("invalid_checksum");
	}

	static Checked<String> siret(@Nullable String raw) {
		String digits = digits(raw);
		if (digits == null) {
			return Checked.blank();
		}
		if (!FOURTEEN_DIGITS.matcher(digits).matches()) {
			return Checked.invalid("invalid_format");
		}
		boolean valid = digits.startsWith(LA_POSTE) ? digitSum(digits) % 5 == 0 : luhn(digits);
		return valid ? Checked.ok(digits) : Checked.invalid("invalid_checksum");
	}

	/** Only the digits of a value once spaces, dots, dashes and the like are removed. */
	static @Nullable String digits(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return null;
		}
		// spreadsheets turn long numbers into 3.56E+8 or 123456789.0
		if (SPREADSHEET_DECIMAL.matcher(text).matches()) {
			text = text.substring(0, text.indexOf('.'));
		}
		String stripped = SEPARATORS.matcher(text).replaceAll("");
		return stripped.isEmpty() ? null : stripped;
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	private static int digitSum(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			sum += digits.charAt(i) - '0';
		}
		return sum;
	}

}
