package fr.atlas.prospects.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * How a stored phone number (E.164) is shown to people: French numbers the way the French
 * write them ({@code 01 23 45 67 89}), others in international format
 * ({@code +32 2 123 45 67}), on the pages and in the export people download. Storage, the
 * API and its export keep E.164, which machines read without ambiguity.
 */
public final class PhoneDisplay {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final int FRANCE = 33;

	private PhoneDisplay() {
	}

	/** The number for display; a value that does not parse is shown as it is. */
	public static String of(String e164) {
		try {
			PhoneNumber number = PHONES.parse(e164, "FR");
			return PHONES.format(number,
					(number.getCountryCode() == FRANCE) ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return e164;
		}
	}

}
