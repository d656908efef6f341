package fr.atlas.cases.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A zone of French postcodes in an assignment rule: a department or any other prefix
 * ({@code "75"}, {@code "921"}, {@code "2A"} for Corse-du-Sud) or an inclusive range
 * ({@code "92000-92999"}). Written back exactly as given, so a rule reads the same after
 * a round trip.
 */
public record PostcodeZone(String text, int from, int to) {

	private static final Pattern PREFIX = Pattern.compile("\\d{2,5}");

	private static final Pattern RANGE = Pattern.compile("(\\d{5})\\s*-\\s*(\\d{5})");

	/**
	 * The zone written as in a rule, or empty when it is neither a prefix nor a range.
	 */
	public static Optional<PostcodeZone> parse(String raw) {
		String text = raw.trim().toUpperCase(Locale.ROOT);
		// Corsica's departments have letters but their postcodes start with
		// 200-201 and 202-206.
		if (text.equals("2A")) {
			return Optional.of(new PostcodeZone(text, 20000, 20199));
		}
		if (text.equals("2B")) {
			return Optional.of(new PostcodeZone(text, 20200, 20699));
		}
		if (PREFIX.matcher(text).matches()) {
			int missing = 5 - text.length();
			int scale = (int) Math.pow(10, missing);
			int low = Integer.parseInt(text) * scale;
			return Optional.of(new PostcodeZone(text, low, low + scale - 1));
		}
		Matcher range = RANGE.matcher(text);
		if (range.matches()) {
			int low = Integer.parseInt(range.group(1));
			int high = Integer.parseInt(range.group(2));
			if (low <= high) {
				return Optional.of(new PostcodeZone(range.group(1) + "-" + range.group(2), low, high));
			}
		}
		return Optional.empty();
	}

	/** Whether a postcode as typed ("92 100", "92100") is in the zone. */
	public boolean contains(String postcode) {
		String digits = postcode.replace(" ", "").trim();
		if (digits.length() != 5 || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int value = Integer.parseInt(digits);
		return value >= this.from && value <= this.to;
	}

}
