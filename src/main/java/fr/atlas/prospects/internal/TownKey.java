package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * The comparable form of a town as files write it: "Paris 8ème", "PARIS 08", "Paris 8e
 * arrondissement" and "Paris" are one town (the postcode says the arrondissement),
 * "Saint-Denis Cedex" and "St Denis" another, "Sainte-Maxime" and "Ste Maxime" a third.
 */
final class TownKey {

	private TownKey() {
	}

	static @Nullable String of(@Nullable String city) {
		if (city == null) {
			return null;
		}
		String key = CleanText.words(city).replace("saint ", "st ").replace(" cedex", "");
		if (key.contains("sainte ")) {
			// "Sainte-Maxime" and "Ste-Maxime", as "Saint-Denis" and "St Denis"
			key = (" " + key).replace(" sainte ", " ste ").substring(1);
		}
		if (key.endsWith(" arrondissement")) {
			key = key.substring(0, key.length() - " arrondissement".length());
		}
		int space = key.lastIndexOf(' ');
		return (space > 0 && ordinal(key, space + 1)) ? key.substring(0, space) : key;
	}

	/**
	 * Whether a town is written with "Cedex": its postcode is then a mail sorting code,
	 * not the town's, and tells nothing of where the agency is.
	 */
	static boolean cedex(@Nullable String city) {
		if (city == null) {
			return false;
		}
		String words = CleanText.words(city);
		return words.equals("cedex") || words.startsWith("cedex ") || words.contains(" cedex");
	}

	/** "8", "08", "8e", "8eme", "1er", "1ere", "8ieme": an arrondissement's number. */
	static boolean ordinal(String key, int from) {
		int digits = 0;
		while (from + digits < key.length() && Character.isDigit(key.charAt(from + digits))) {
			digits++;
		}
		if (digits == 0 || digits > 2) {
			return false;
		}
		return switch (key.substring(from + digits)) {
			case "", "e", "er", "ere", "eme", "ieme", "em" -> true;
			default -> false;
		};
	}

}
