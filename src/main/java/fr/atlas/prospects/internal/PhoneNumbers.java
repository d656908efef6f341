package fr.atlas.prospects.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers through libphonenumber, French by default: "01 23 45 67 89",
 * "01.23.45.67.89", "+33 1 23 45 67 89" and "0033 1 23 45 67 89" all give
 * {@code +33123456789}.
 */
final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	static Checked<Phone> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		// spreadsheets drop the leading zero of French numbers stored as numbers
		String digits = digitsAndPlus(text);
		if (digits.length() == 9 && digits.charAt(0) != '0' && digits.indexOf('+') < 0) {
			text = "0" + digits;
			digits = text;
		}
		String significant = frenchSignificant(text, digits);
		if (significant == null) {
			return parse(text);
		}
		return FrenchNumberPlan.check(significant);
	}

	/** The digits and plus signs of a text, in order. */
	private static String digitsAndPlus(String text) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean keep = (c >= '0' && c <= '9') || c == '+';
			if (kept == null) {
				if (!keep) {
					kept = new StringBuilder(text.length());
					kept.append(text, 0, i);
				}
			}
			else if (keep) {
				kept.append(c);
			}
		}
		return (kept != null) ? kept.toString() : text;
	}

	/**
	 * The nine significant digits ("612345678") of a plainly written French number:
	 * digits with spaces, dots or dashes, from 0, +33, +33 (0) or 0033. libphonenumber
	 * reads each of them as the national form "0612345678" (the tests hold it to that),
	 * so {@link FrenchNumberPlan} answers for it without parsing: an import meets a phone
	 * number in most rows.
	 */
	static @Nullable String frenchSignificant(String text, String digits) {
		int from = 0;
		boolean trunkZero = false;
		if (text.startsWith("+33 (0)")) {
			from = 7;
			trunkZero = true;
		}
		else if (text.startsWith("+33(0)")) {
			from = 6;
			trunkZero = true;
		}
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9') && c != ' ' && c != '.' && c != '-' && !(c == '+' && i == 0)) {
				return null;
			}
		}
		if (trunkZero) {
			// digits holds "+330" and the rest
			return (digits.length() == 13 && digits.charAt(4) != '0' && digits.indexOf('+', 1) < 0)
					? digits.substring(4) : null;
		}
		if (digits.length() == 10 && digits.charAt(0) == '0' && digits.charAt(1) != '0' && digits.indexOf('+') < 0) {
			return digits.substring(1);
		}
		if (digits.length() == 12 && digits.startsWith("+33") && digits.charAt(3) != '0'
				&& digits.indexOf('+', 1) < 0) {
			return digits.substring(3);
		}
		if (digits.length() == 13 && digits.startsWith("0033") && digits.charAt(4) != '0' && digits.indexOf('+') < 0) {
			return digits.substring(4);
		}
		return null;
	}

	/** What libphonenumber makes of a number, French unless it says otherwise. */
	static Checked<Phone> parse(String text) {
		try {
			PhoneNumber number = PHONES.parse(text, "FR");
			// getNumberType answers UNKNOWN for exactly the numbers isValidNumber rejects
			PhoneNumberType type = PHONES.getNumberType(number);
			if (type == PhoneNumberType.UNKNOWN) {
				return Checked.invalid("invalid");
			}
			Kind kind = switch (type) {
				case MOBILE -> Kind.MOBILE;
				case FIXED_LINE, FIXED_LINE_OR_MOBILE -> Kind.FIXED;
				default -> Kind.OTHER;
			};
			return Checked.ok(new Phone(PHONES.format(number, PhoneNumberFormat.E164), kind));
		}
		catch (NumberParseException ex) {
			return Checked.invalid("invalid");
		}
	}

	enum Kind {

		MOBILE, FIXED, OTHER

	}

	record Phone(String e164, Kind kind) {
	}

}
