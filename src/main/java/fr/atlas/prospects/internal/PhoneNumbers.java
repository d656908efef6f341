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

	private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("[^0-9+]");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

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
		try {
			PhoneNumber number = PHONES.parse(text, "FR");
			if (!PHONES.isValidNumber(number)) {
				return Checked.invalid("invalid");
			}
			PhoneNumberType type = PHONES.getNumberType(number);
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
