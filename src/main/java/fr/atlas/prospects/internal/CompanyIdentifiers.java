package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * SIREN (9 digits, the company) and SIRET (14 digits, the establishment): separators
 * removed, length and Luhn key checked. La Poste is the known exception: its SIREN
 * 356000000 has thousands of establishments whose SIRETs are checked by a digit sum that
 * is a multiple of 5 instead, while its head office (35600000000048) keeps a Luhn key.
 */
final class CompanyIdentifiers {

	static final String LA_POSTE = "356000000";

	static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

	private CompanyIdentifiers() {
	}

	static Checked<String> siren(@Nullable String raw) {
		String digits = digits(raw);
		if (digits == null) {
			return Checked.blank();
		}
		if (!allDigits(digits, 9)) {
			return Checked.invalid("invalid_format");
		}
		if (zeros(digits)) {
			return Checked.invalid("zeros");
		}
		return luhn(digits) ? Checked.ok(digits) : Checked.invalid("invalid_checksum");
	}

	static Checked<String> siret(@Nullable String raw) {
		String digits = digits(raw);
		if (digits == null) {
			return Checked.blank();
		}
		if (!allDigits(digits, 14)) {
			return Checked.invalid("invalid_format");
		}
		if (zeros(digits)) {
			return Checked.invalid("zeros");
		}
		boolean valid = (digits.startsWith(LA_POSTE) && !digits.equals(LA_POSTE_HEAD_OFFICE))
				? digitSum(digits) % 5 == 0 : luhn(digits);
		return valid ? Checked.ok(digits) : Checked.invalid("invalid_checksum");
	}

	/** An intra-community VAT number, FR, a two-character key, then the SIREN. */
	private static final java.util.regex.Pattern VAT = java.util.regex.Pattern.compile(
			"(?:[\\p{L}°.:\\s]*\\s)?FR\\s*[0-9A-Z]{2}\\s*((?:\\d[\\s.]*){9})",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	/**
	 * Words before the number: "SIRET : 758…", "N° SIREN 123…", "RCS Lyon B 123 456 789".
	 */
	private static final java.util.regex.Pattern LABELLED = java.util.regex.Pattern
		.compile("[\\p{L}°'\u2019.:\\s]*?\\p{L}[\\p{L}°'\u2019.:\\s]*?(\\d[\\d\\s.\\-]*)");

	/**
	 * The registry after the number: "331 629 519 RCS Cholet", "397674136 R.C.S. Cannes".
	 */
	private static final java.util.regex.Pattern REGISTRY_AFTER = java.util.regex.Pattern
		.compile("(\\d[\\d\\s.\\-]*?)\\s*R\\.?\\s?C\\.?\\s?S\\.?(?:\\s.*)?", java.util.regex.Pattern.CASE_INSENSITIVE);

	/** Only the digits of a value once spaces, dots, dashes and the like are removed. */
	static @Nullable String digits(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return null;
		}
		text = withoutLabel(text);
		// spreadsheets turn long numbers into 3.56E+8 or 123456789.0
		if (spreadsheetDecimal(text)) {
			text = text.substring(0, text.indexOf('.'));
		}
		String stripped = CleanText.without(text, ".-_/");
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * The number of a cell that names it: "SIRET : 758 …", "RCS Lyon B 123 456 789", or
	 * the SIREN inside a VAT number ("FR12 123456789").
	 */
	static String withoutLabel(String text) {
		// a number and its label are short: a long cell is no identifier, and is not
		// given to the regular expressions
		if (text.isEmpty() || text.length() > 64) {
			return text;
		}
		if (!Character.isLetter(text.charAt(0))) {
			java.util.regex.Matcher registry = (text.indexOf('R') >= 0 || text.indexOf('r') >= 0)
					? REGISTRY_AFTER.matcher(text) : null;
			return (registry != null && registry.matches()) ? registry.group(1).strip() : text;
		}
		java.util.regex.Matcher vat = VAT.matcher(text);
		if (vat.matches()) {
			return vat.group(1);
		}
		java.util.regex.Matcher labelled = LABELLED.matcher(text);
		return labelled.matches() ? labelled.group(1).strip() : text;
	}

	/** {@code [0-9]+\.0+}: a whole number a spreadsheet wrote with decimals. */
	static boolean spreadsheetDecimal(String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || dot == text.length() - 1 || !allDigits(text.substring(0, dot), dot)) {
			return false;
		}
		for (int i = dot + 1; i < text.length(); i++) {
			if (text.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

	static boolean allDigits(String text, int length) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Zeros where the number is not known: they pass the Luhn check, and taken for a
	 * company's number they would merge every agency written so into one.
	 */
	private static boolean zeros(String digits) {
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) != '0') {
				return false;
			}
		}
		return true;
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
