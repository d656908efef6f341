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
 * {@code +33123456789}. A number written with its country code is that country's ("+377
 * 93 15 20 00" is Monaco's); one written without it that is no French number may be one
 * of the region of the row's place (Monaco: "93 15 20 00" at 98000).
 */
final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/**
	 * Overseas departments and collectivities numbered like France, with a 0 first;
	 * Martinique before Guadeloupe, whose ranges libphonenumber lets overlap.
	 */
	private static final String[] OVERSEAS = { "RE", "YT", "MQ", "GF", "GP", "BL", "MF" };

	private PhoneNumbers() {
	}

	/**
	 * An extension after a switchboard's number: "poste 12", "(poste 186)", "p.202",
	 * "P106", "ext. 101", "x12".
	 */
	private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile(
			"[\\s(\\[,;/-]*(?:poste|post|ext|extension|p|x)\\s*\\.?\\s*:?\\s*\\d{1,5}\\s*[)\\]]?\\s*$",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	static Checked<Phone> normalise(@Nullable String raw) {
		return normalise(raw, null);
	}

	/**
	 * A number read as French first (with the overseas departments' own codes), then,
	 * when it is none, as a number of {@code placeRegion} (a libphonenumber region code,
	 * "MC" for an agency in Monaco), if given.
	 */
	static Checked<Phone> normalise(@Nullable String raw, @Nullable String placeRegion) {
		Checked<Phone> phone = french(raw);
		if (!phone.isInvalid() || placeRegion == null) {
			return phone;
		}
		String text = CleanText.of(raw);
		if (text == null) {
			return phone;
		}
		Checked<Phone> local = parse(withoutExtension(text), placeRegion);
		return local.isInvalid() ? phone : local;
	}

	private static Checked<Phone> french(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		text = withoutExtension(text);
		if (text.isEmpty()) {
			return Checked.blank();
		}
		// a number a spreadsheet or a script wrote with decimals ("612345678.0", as
		// pandas writes a column of numbers with a gap) or in scientific notation
		// ("6.12345678E+8"), as postcodes and SIRETs are read
		String whole = CompanyIdentifiers.spreadsheetWhole(text);
		if (whole != null) {
			text = whole;
		}
		// spreadsheets drop the leading zero of French numbers stored as numbers
		String digits = digitsAndPlus(text);
		if (digits.length() == 9 && digits.charAt(0) != '0' && digits.indexOf('+') < 0) {
			text = "0" + digits;
			digits = text;
		}
		String significant = frenchSignificant(text, digits);
		Checked<Phone> phone = (significant != null) ? FrenchNumberPlan.check(significant) : parse(text);
		String e164 = (phone.value() != null) ? phone.value().e164() : "";
		if (e164.startsWith("+33596") || e164.startsWith("+33269")) {
			// fixed lines of Martinique and Mayotte, which France's plan takes too: given
			// their own country code, as "+596 596…" gives them, so the number written
			// either way is one
			return overseas("0" + e164.substring(3), phone);
		}
		return phone.isInvalid() ? overseas(digits, phone) : phone;
	}

	/**
	 * A national number ("0262 12 34 56", digits only) that is no French number may be
	 * one of an overseas department, dialled with its own country code (+262 La Réunion
	 * and Mayotte, +590 Guadeloupe, Saint-Barthélemy and Saint-Martin, +596 Martinique,
	 * +594 Guyane) rather than +33: the first region that takes it, else
	 * {@code otherwise}.
	 */
	static Checked<Phone> overseas(String national, Checked<Phone> otherwise) {
		if (national.length() != 10 || national.charAt(0) != '0' || national.charAt(1) == '0') {
			return otherwise;
		}
		for (String region : OVERSEAS) {
			try {
				PhoneNumber number = PHONES.parse(national, region);
				if (PHONES.isValidNumberForRegion(number, region)) {
					return Checked.ok(new Phone(PHONES.format(number, PhoneNumberFormat.E164), kind(number)));
				}
			}
			catch (NumberParseException ex) {
				// not a number of this region: try the next
			}
		}
		return otherwise;
	}

	/**
	 * The number without the extension after it, which reaches the person but is no part
	 * of the agency's number; "" for a cell that holds only an extension.
	 */
	static String withoutExtension(String text) {
		if (text.length() > 64 || !mayHoldExtension(text)) {
			return text;
		}
		java.util.regex.Matcher matcher = EXTENSION.matcher(text);
		return matcher.find() ? text.substring(0, matcher.start()).strip() : text;
	}

	/** Most numbers hold no letter at all: no need for the regex. */
	private static boolean mayHoldExtension(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = Character.toLowerCase(text.charAt(i));
			if (c == 'p' || c == 'x') {
				return true;
			}
		}
		return false;
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
		return parse(text, "FR");
	}

	/**
	 * What libphonenumber makes of a number, of {@code region} unless it says otherwise.
	 */
	private static Checked<Phone> parse(String text, String region) {
		try {
			PhoneNumber number = PHONES.parse(text, region);
			// getNumberType answers UNKNOWN for exactly the numbers isValidNumber rejects
			if (PHONES.getNumberType(number) == PhoneNumberType.UNKNOWN) {
				return Checked.invalid("invalid");
			}
			return Checked.ok(new Phone(PHONES.format(number, PhoneNumberFormat.E164), kind(number)));
		}
		catch (NumberParseException ex) {
			return Checked.invalid("invalid");
		}
	}

	private static Kind kind(PhoneNumber number) {
		return switch (PHONES.getNumberType(number)) {
			case MOBILE -> Kind.MOBILE;
			case FIXED_LINE, FIXED_LINE_OR_MOBILE -> Kind.FIXED;
			default -> Kind.OTHER;
		};
	}

	enum Kind {

		MOBILE, FIXED, OTHER

	}

	record Phone(String e164, Kind kind) {
	}

}
