package fr.atlas.prospects.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * The problem of a number a spreadsheet rounded in scientific notation
	 * ("4,01235E+13"): its digits are lost, no check can give them back.
	 */
	static final String SCIENTIFIC_NOTATION = "scientific_notation";

	/**
	 * A number in scientific notation as spreadsheets write it: one digit, the decimals
	 * after a dot or a comma, the exponent ("4.0123456200015E+13", "4,01235E+13").
	 */
	private static final Pattern SCIENTIFIC = Pattern.compile("([1-9])(?:[.,]([0-9]+))?[eE]\\+?([0-9]{1,2})");

	/**
	 * Zeros a number written in scientific notation may leave out at its end and still be
	 * read whole: a program that writes every digit leaves out the last zeros
	 * ("4.012345620001E13" for 40123456200010), while a spreadsheet that rounds keeps six
	 * digits at most ("4,01235E+13"), and eight or more of a SIRET's are then lost.
	 */
	private static final int TRAILING_ZEROS_LEFT_OUT = 2;

	private CompanyIdentifiers() {
	}

	static Checked<String> siren(@Nullable String raw) {
		String digits = digits(raw);
		if (digits == null) {
			return Checked.blank();
		}
		if (!allDigits(digits, 9)) {
			return Checked.invalid(roundedScientific(raw) ? SCIENTIFIC_NOTATION : "invalid_format");
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
			return Checked.invalid(roundedScientific(raw) ? SCIENTIFIC_NOTATION : "invalid_format");
		}
		if (zeros(digits)) {
			return Checked.invalid("zeros");
		}
		boolean valid = (digits.startsWith(LA_POSTE) && !digits.equals(LA_POSTE_HEAD_OFFICE))
				? digitSum(digits) % 5 == 0 : luhn(digits);
		return valid ? Checked.ok(digits) : Checked.invalid("invalid_checksum");
	}

	/** An intra-community VAT number, FR, a two-character key, then the SIREN. */
	private static final Pattern VAT = Pattern
		.compile("(?:[\\p{L}°.:\\s]*\\s)?FR\\s*[0-9A-Z]{2}\\s*((?:\\d[\\s.]*){9})", Pattern.CASE_INSENSITIVE);

	/**
	 * Words before the number: "SIRET : 758…", "N° SIREN 123…", "RCS Lyon B 123 456 789".
	 */
	private static final Pattern LABELLED = Pattern
		.compile("[\\p{L}°'\u2019.:\\s]*?\\p{L}[\\p{L}°'\u2019.:\\s]*?(\\d[\\d\\s.\\-]*)");

	/**
	 * The registry after the number: "331 629 519 RCS Cholet", "397674136 R.C.S. Cannes".
	 */
	private static final Pattern REGISTRY_AFTER = Pattern
		.compile("(\\d[\\d\\s.\\-]*?)\\s*R\\.?\\s?C\\.?\\s?S\\.?(?:\\s.*)?", Pattern.CASE_INSENSITIVE);

	/** Only the digits of a value once spaces, dots, dashes and the like are removed. */
	static @Nullable String digits(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return null;
		}
		text = withoutLabel(text);
		// spreadsheets turn long numbers into 4.0123456200015E+13 or 123456789.0
		String whole = spreadsheetWhole(text);
		if (whole != null) {
			text = whole;
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
			Matcher registry = (text.indexOf('R') >= 0 || text.indexOf('r') >= 0) ? REGISTRY_AFTER.matcher(text) : null;
			return (registry != null && registry.matches()) ? registry.group(1).strip() : text;
		}
		Matcher vat = VAT.matcher(text);
		if (vat.matches()) {
			return vat.group(1);
		}
		Matcher labelled = LABELLED.matcher(text);
		return labelled.matches() ? labelled.group(1).strip() : text;
	}

	/**
	 * The digits of a whole number as a spreadsheet or a script writes it: with decimals
	 * ("612345678.0"), or in scientific notation with all its digits
	 * ("4.0123456200015E+13", "4,0123456200015E+13", the last zeros perhaps left out);
	 * null for any other text, and for a number whose digits were rounded away
	 * ({@link #roundedScientific}).
	 */
	static @Nullable String spreadsheetWhole(String text) {
		if (spreadsheetDecimal(text)) {
			return text.substring(0, text.indexOf('.'));
		}
		if (text.length() < 3 || text.length() > 24 || (text.indexOf('E') < 0 && text.indexOf('e') < 0)) {
			// most values hold no exponent: no regex for them
			return null;
		}
		Matcher scientific = SCIENTIFIC.matcher(text);
		if (!scientific.matches()) {
			return null;
		}
		String decimals = withoutTrailingZeros(scientific.group(2));
		int exponent = Integer.parseInt(scientific.group(3));
		int leftOut = exponent - decimals.length();
		if (leftOut < 0 || leftOut > TRAILING_ZEROS_LEFT_OUT) {
			return null;
		}
		return scientific.group(1) + decimals + "0".repeat(leftOut);
	}

	/**
	 * Whether a value is a whole number in scientific notation whose last digits a
	 * spreadsheet rounded away ("4,01235E+13" for a SIRET): the number cannot be read
	 * back, and saying so tells the user how to fix the file (a column formatted as
	 * text), which "not 14 digits" does not.
	 */
	static boolean roundedScientific(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null || text.length() > 24 || (text.indexOf('E') < 0 && text.indexOf('e') < 0)) {
			return false;
		}
		Matcher scientific = SCIENTIFIC.matcher(withoutLabel(text));
		if (!scientific.matches()) {
			return false;
		}
		int exponent = Integer.parseInt(scientific.group(3));
		return exponent - withoutTrailingZeros(scientific.group(2)).length() > TRAILING_ZEROS_LEFT_OUT;
	}

	private static String withoutTrailingZeros(@Nullable String digits) {
		if (digits == null) {
			return "";
		}
		int end = digits.length();
		while (end > 0 && digits.charAt(end - 1) == '0') {
			end--;
		}
		return digits.substring(0, end);
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
