package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How many people work at an agency, as the range its headcount text says: "12", "12
 * salariés", "20 à 49 salariés", "10-19", "plus de 50", "250+", "Aucun salarié", INSEE's
 * "NN". The text is stored as written and read at each use, as specialties are (ADR
 * 0042): the list's filter finds an agency by the range it reads, and the pages and the
 * API show it in one wording.
 *
 * @param min the fewest people the text allows
 * @param max the most, or none for "250 and more"
 */
public record Headcount(int min, @Nullable Integer max) {

	/**
	 * INSEE's codes of headcount bands ("tranche d'effectif salarié"), as SIRENE files
	 * write them, with the range each stands for, written so that {@link #in} reads it.
	 */
	private static final Map<String, String> INSEE_BANDS = Map.ofEntries(Map.entry("NN", "0"), Map.entry("00", "0"),
			Map.entry("01", "1-2"), Map.entry("02", "3-5"), Map.entry("03", "6-9"), Map.entry("11", "10-19"),
			Map.entry("12", "20-49"), Map.entry("21", "50-99"), Map.entry("22", "100-199"), Map.entry("31", "200-249"),
			Map.entry("32", "250-499"), Map.entry("41", "500-999"), Map.entry("42", "1000-1999"),
			Map.entry("51", "2000-4999"), Map.entry("52", "5000-9999"), Map.entry("53", "10000+"));

	/**
	 * The ranges the list's filter offers: INSEE's bands, those above 100 grouped, as few
	 * agencies have that many people.
	 */
	public static final List<Headcount> BANDS = List.of(new Headcount(0, 0), new Headcount(1, 2), new Headcount(3, 5),
			new Headcount(6, 9), new Headcount(10, 19), new Headcount(20, 49), new Headcount(50, 99),
			new Headcount(100, 249), new Headcount(250, null));

	/** Thousands written apart: "1 000", "1.000", "1 000" with a no-break space. */
	private static final Pattern THOUSANDS = Pattern.compile("(\\d)[\\s.\\u00a0\\u202f](\\d{3})(?!\\d)");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,7}");

	/** What may stand between the two ends of a range: "20 à 49", "20-49", "20 to 49". */
	private static final Pattern BETWEEN = Pattern.compile("\\s*(?:-|–|—|/|~|a|to|et|and)\\s*");

	/** Words before a number that make it the range's lower end, excluded. */
	private static final List<String> ABOVE = List.of("plus de", "more than", "over", "superieur a", "au dela de", ">");

	/** Words before a number that make it the range's lower end, included. */
	private static final List<String> AT_LEAST = List.of("au moins", "at least", "minimum", "min", ">=", "≥");

	/**
	 * Words right after a number, or ending the text, that make it the range's lower end,
	 * included: "250+", "250 salariés et plus".
	 */
	private static final List<String> OR_MORE = List.of("+", "et plus", "ou plus", "or more", "and more", "and over",
			"et +");

	/** Words before a number that make it the range's upper end, excluded. */
	private static final List<String> BELOW = List.of("moins de", "less than", "fewer than", "under", "inferieur a",
			"<");

	/** Words before a number that make it the range's upper end, included. */
	private static final List<String> UP_TO = List.of("jusqu a", "up to", "maximum", "max", "<=", "≤");

	/** Texts that say nobody is employed. */
	private static final List<String> NOBODY = List.of("aucun", "aucun salarie", "sans salarie", "pas de salarie",
			"non employeur", "non employeuse", "unite non employeuse", "none", "no employees", "no employee", "nn");

	public Headcount {
		if (min < 0 || (max != null && max < min)) {
			throw new IllegalArgumentException("No headcount from " + min + " to " + max);
		}
	}

	/** The range a headcount text says, or none when it says no number of people. */
	public static Optional<Headcount> in(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String folded = CleanText.fold(text.strip()).replace('\'', ' ').replace('’', ' ');
		String code = INSEE_BANDS.get(folded.toUpperCase(Locale.ROOT));
		if (code != null && (folded.startsWith("0") || folded.equals("nn"))) {
			// "01" is no count anybody writes: it is INSEE's code of 1 or 2 employees
			folded = code;
		}
		// "1 000 000": each pass joins the groups it can, the next one those left
		String joined;
		do {
			joined = folded;
			folded = THOUSANDS.matcher(folded).replaceAll("$1$2");
		}
		while (!folded.equals(joined));
		folded = folded.replaceAll("\\s+", " ");
		if (NOBODY.contains(folded.replaceAll("[^a-z ]", "").strip())) {
			return Optional.of(new Headcount(0, 0));
		}
		List<Found> numbers = NUMBER.matcher(folded).results().map(Found::new).toList();
		if (numbers.size() == 2) {
			String between = folded.substring(numbers.get(0).end(), numbers.get(1).start());
			if (!BETWEEN.matcher(between).matches()) {
				return Optional.empty();
			}
			int first = numbers.get(0).value();
			int second = numbers.get(1).value();
			return Optional.of(new Headcount(Math.min(first, second), Math.max(first, second)));
		}
		if (numbers.size() != 1) {
			return Optional.empty();
		}
		int count = numbers.get(0).value();
		String before = folded.substring(0, numbers.get(0).start()).strip();
		String after = folded.substring(numbers.get(0).end()).strip();
		if (endsWithAny(before, ABOVE)) {
			return Optional.of(new Headcount(count + 1, null));
		}
		if (endsWithAny(before, AT_LEAST) || startsWithAny(after, OR_MORE) || endsWithAny(after, OR_MORE)) {
			return Optional.of(new Headcount(count, null));
		}
		if (endsWithAny(before, BELOW)) {
			return (count == 0) ? Optional.empty() : Optional.of(new Headcount(0, count - 1));
		}
		if (endsWithAny(before, UP_TO)) {
			return Optional.of(new Headcount(0, count));
		}
		return Optional.of(new Headcount(count, count));
	}

	/**
	 * The text an import stores for a cell of a column of INSEE's bands ("Tranche
	 * d'effectif", {@code trancheEffectifsUniteLegale}): the range a code stands for
	 * ("12" → "20-49"), since the code read as a count would be another number of people;
	 * any other text as it is.
	 */
	static String fromBandColumn(String text) {
		String range = INSEE_BANDS.get(text.strip().toUpperCase(Locale.ROOT));
		return (range != null) ? range : text;
	}

	/**
	 * Whether this range and {@code other} have a number in common: the list's filter
	 * "10-19" finds an agency of 12, and one of "5 à 10".
	 */
	public boolean overlaps(Headcount other) {
		return (this.max == null || this.max >= other.min) && (other.max == null || other.max >= this.min);
	}

	/**
	 * The key of its wording in the message bundles, with {@link #min} and {@link #max}.
	 */
	public String labelCode() {
		if (this.max == null) {
			return "prospects.headcount.from";
		}
		if (this.max == this.min) {
			return (this.min == 0) ? "prospects.headcount.none" : "prospects.headcount.exact";
		}
		return "prospects.headcount.range";
	}

	/** The range as the list's filter and links write it: "12", "20-49", "250+". */
	public String code() {
		if (this.max == null) {
			return this.min + "+";
		}
		return (this.max == this.min) ? String.valueOf(this.min) : this.min + "-" + this.max;
	}

	private static boolean endsWithAny(String text, List<String> words) {
		return words.stream()
			.anyMatch((word) -> text.equals(word) || text.endsWith(" " + word)
					|| (text.endsWith(word) && !Character.isLetter(word.charAt(0))));
	}

	private static boolean startsWithAny(String text, List<String> words) {
		return words.stream().anyMatch((word) -> text.equals(word) || text.startsWith(word + " "));
	}

	/** A number of the text and where it stands. */
	private record Found(int start, int end, int value) {

		Found(MatchResult match) {
			this(match.start(), match.end(), Integer.parseInt(match.group()));
		}

	}

}
