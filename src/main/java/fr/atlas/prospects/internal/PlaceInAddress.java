package fr.atlas.prospects.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The postcode and town an address ends with, as portals and address books write it ("12
 * rue de la Paix, 75002 Paris", "3 place Bellecour 69002 LYON CEDEX 02"), apart from its
 * street. A file without a postcode column still places its agencies (their department,
 * and the blocks duplicates are looked for in), and an address that repeats the postcode
 * column reads as the street alone instead of showing the town twice.
 */
record PlaceInAddress(@Nullable String street, String postcode, @Nullable String city) {

	/** A town's letters, then its arrondissement if any ("Lyon 9e", "PARIS 12"). */
	private static final String TOWN = "\\p{L}[\\p{L}'\u2019 .\\-]*?"
			+ "(?:\\s+\\d{1,2}\\s?(?:e|er|ère|ere|ème|eme|ième|ieme|em)?(?:\\s+arrondissement)?)?";

	/** A CEDEX mention, left out of the town, up to the end. */
	private static final String CEDEX = "(?:\\s+cedex(?:\\s*\\d{1,3})?)?\\s*$";

	/**
	 * Five digits (or "75 002") after a separator, then the town's letters up to the end,
	 * with its arrondissement if any ("Lyon 9e", "PARIS 12", "Paris 8ème
	 * arrondissement"), which {@link TownKey} reads, a CEDEX mention left out. Digits
	 * anywhere else are the street's.
	 */
	private static final Pattern TAIL = Pattern.compile(
			"(?:^|[\\s,;\\-\u2013])(\\d{5}|\\d{2} \\d{3})(?:\\s+(" + PlaceInAddress.TOWN + "))?" + PlaceInAddress.CEDEX,
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A postcode that lost its leading zero in a spreadsheet ("6000 Nice" for 06000),
	 * read only after a street and a separator: "1250 Route de Lyon" is a street.
	 */
	private static final Pattern FOUR_DIGITS = Pattern.compile(
			"\\S.*[,;\\-\u2013]\\s*(\\d{4})\\s+(" + PlaceInAddress.TOWN + ")" + PlaceInAddress.CEDEX,
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	static Optional<PlaceInAddress> of(@Nullable String text) {
		if (text == null || !fourDigits(text)) {
			return Optional.empty();
		}
		Matcher matcher = TAIL.matcher(text);
		if (!matcher.find()) {
			matcher = FOUR_DIGITS.matcher(text);
			// an address is short: a long cell is not given to the regular expression
			if (text.length() > 200 || !matcher.matches()) {
				return Optional.empty();
			}
		}
		String postcode = Postcodes.normalise(matcher.group(1)).value();
		if (postcode == null) {
			return Optional.empty();
		}
		String street = CleanText.of(trimSeparators(text.substring(0, matcher.start(1))));
		String city = CleanText.of(matcher.group(2));
		return Optional.of(new PlaceInAddress(street, postcode, city));
	}

	/** Most addresses hold fewer digits than a postcode: no need to search them. */
	private static boolean fourDigits(String text) {
		int digits = 0;
		for (int i = 0; i < text.length() && digits < 4; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits == 4;
	}

	private static String trimSeparators(String text) {
		int end = text.length();
		while (end > 0
				&& (Character.isWhitespace(text.charAt(end - 1)) || ",;-\u2013".indexOf(text.charAt(end - 1)) >= 0)) {
			end--;
		}
		return text.substring(0, end);
	}

}
