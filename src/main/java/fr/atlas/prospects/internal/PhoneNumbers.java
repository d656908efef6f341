package fr.atlas.prospects.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("[^0-9+]");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final Map<String, Checked<Phone>> FRENCH = new ConcurrentHashMap<>();

	private PhoneNumbers() {
	}

	static Checked<Phone> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		// spreadsheets drop the leading zero of French numbers stored as numbers
		String digits = NOT_DIGITS.matcher(text).replaceAll("");
		if (digits.length() == 9 && digits.charAt(0) != '0' && digits.indexOf('+') < 0) {
			text = "0" + digits;
		}
		String national = frenchNational(text, digits);
		if (national == null) {
			return parse(text);
		}
		Checked<Phone> known = FRENCH.get(national);
		if (known == null) {
			known = parse(national);
			if (FRENCH.size() > 100_000) {
				FRENCH.clear();
			}
			FRENCH.put(national, known);
		}
		return known;
	}

	/**
	 * The national form ("0612345678") of a plainly written French number: digits with
	 * spaces, dots or dashes, from 0, +33 or 0033. libphonenumber reads all of them as
	 * the same number, so its answer is kept per national form: an import meets each
	 * agency's number several times, written differently.
	 */
	private static @Nullable String frenchNational(String text, String digits) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9') && c != ' ' && c != '.' && c != '-' && !(c == '+' && i == 0)) {
				return null;
			}
		}
		if (digits.length() == 10 && digits.charAt(0) == '0' && digits.charAt(1) != '0') {
			return digits;
		}
		if (digits.length() == 12 && digits.startsWith("+33") && digits.charAt(3) != '0') {
			return "0" + digits.substring(3);
		}
		if (digits.length() == 13 && digits.startsWith("0033") && digits.charAt(4) != '0') {
			return "0" + digits.substring(4);
		}
		return null;
	}

	private static Checked<Phone> parse(String text) {
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
