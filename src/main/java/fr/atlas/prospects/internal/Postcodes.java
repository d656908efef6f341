package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * French postcodes (five digits; spreadsheets that stored them as numbers lost the
 * leading zero of "01000") and the department they belong to: the first two digits, 2A or
 * 2B for Corsica (200xx-201xx South, 202xx-206xx North) and three digits overseas (971 to
 * 976, and 98x for the overseas collectivities). Monaco (980xx) has French postcodes but
 * is no department: none is given to it.
 */
final class Postcodes {

	private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern
		.compile("(?i)fr?\\s*-?\\s*(?=\\d{5})");

	private Postcodes() {
	}

	static Checked<String> normalise(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String whole = CompanyIdentifiers.spreadsheetWhole(text);
		if (whole != null) {
			text = whole;
		}
		text = withoutCountry(text);
		String digits = CleanText.without(text, ".");
		if (digits.length() == 4 && digits.charAt(0) != '0' && CompanyIdentifiers.allDigits(digits, 4)) {
			digits = "0" + digits;
		}
		if (!CompanyIdentifiers.allDigits(digits, 5) || digits.startsWith("00") || digits.startsWith("96")
				|| digits.startsWith("99")) {
			return Checked.invalid("invalid");
		}
		return Checked.ok(digits);
	}

	/**
	 * A postcode without the country written before it, as on an envelope from abroad:
	 * "F-69003", "FR 69003 Lyon".
	 */
	static String withoutCountry(String text) {
		java.util.regex.Matcher country = COUNTRY.matcher(text);
		return country.lookingAt() ? text.substring(country.end()) : text;
	}

	/**
	 * The town a city-wide code names: "75000", "69000" and "13000" are no postcodes but
	 * lists write them for Paris, Lyon and Marseille, whose postcodes are their
	 * arrondissements'. Such a code places an agency in its town only. Null for a real
	 * postcode.
	 */
	static @Nullable String cityWide(String postcode) {
		return switch (postcode) {
			case "75000" -> "Paris";
			case "69000" -> "Lyon";
			case "13000" -> "Marseille";
			default -> null;
		};
	}

	/** Whether a postcode is one of Monaco's, which La Poste numbers 980xx. */
	static boolean monaco(@Nullable String postcode) {
		return postcode != null && postcode.startsWith("980");
	}

	/** The department of a valid postcode; null for Monaco's, which is no department. */
	static @Nullable String department(String postcode) {
		if (monaco(postcode)) {
			return null;
		}
		if (postcode.startsWith("97") || postcode.startsWith("98")) {
			return postcode.substring(0, 3);
		}
		if (postcode.startsWith("20")) {
			return (postcode.charAt(2) <= '1') ? "2A" : "2B";
		}
		return postcode.substring(0, 2);
	}

}
