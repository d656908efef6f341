package fr.atlas.prospects.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import fr.atlas.prospects.internal.MergeChoice;
import fr.atlas.prospects.internal.MergeChoice.Field;
import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Phone;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.prospects.internal.StreetAddresses;
import org.jspecify.annotations.Nullable;

/**
 * The two agencies of a possible duplicate, field by field, each field saying whether
 * they agree: the reviewer decides on the queue's page without opening both agencies. The
 * name and the place are shown above these (the name again as a line when the two
 * differ); a field neither agency has is left out.
 * <p>
 * A line where both agencies have a value and the values differ, of a field a merge can
 * take from either side ({@link MergeChoice.Field}), names that field: the page offers
 * there to keep one side's value (ADR 0063). A group of columns (the SIREN and SIRET)
 * offers it once, on its first line that differs.
 *
 * @param lines the fields, in the order of the agency page
 */
record PairComparison(List<Line> lines) {

	/** The review queue's comparison: what tells two agencies apart at a glance. */
	static PairComparison of(Summary left, Summary right) {
		List<Line> lines = new ArrayList<>();
		identity(lines, left, right);
		contacts(lines, left, right);
		text(lines, "listing_count", count(left.listingCount()), count(right.listingCount()), Field.LISTING_COUNT);
		return new PairComparison(chosenOnce(lines));
	}

	/**
	 * A merge's confirmation: every field a merge can choose, and the contacts it joins.
	 * @param owners members' names by id, for the owners
	 * @param euros revenue as the reader writes it
	 */
	static PairComparison full(Summary left, Summary right, Map<UUID, String> owners,
			Function<@Nullable Long, String> euros) {
		List<Line> lines = new ArrayList<>();
		identity(lines, left, right);
		text(lines, "naf", left.naf(), right.naf(), Field.NAF);
		contacts(lines, left, right);
		text(lines, "specialty", left.specialty(), right.specialty(), Field.SPECIALTY);
		text(lines, "listing_count", count(left.listingCount()), count(right.listingCount()), Field.LISTING_COUNT);
		text(lines, "revenue", (left.revenueCents() != null) ? euros.apply(left.revenueCents()) : null,
				(right.revenueCents() != null) ? euros.apply(right.revenueCents()) : null, Field.REVENUE);
		text(lines, "headcount", left.headcountBand(), right.headcountBand(), Field.HEADCOUNT_BAND);
		text(lines, "owner", (left.owner() != null) ? owners.getOrDefault(left.owner(), "?") : null,
				(right.owner() != null) ? owners.getOrDefault(right.owner(), "?") : null, Field.OWNER);
		text(lines, "source", left.source(), right.source(), Field.SOURCE);
		return new PairComparison(chosenOnce(lines));
	}

	/** Whether a line offers to keep one side's value. */
	public boolean hasChoices() {
		return this.lines.stream().anyMatch((line) -> line.choice() != null);
	}

	private static void identity(List<Line> lines, Summary left, Summary right) {
		if (!fold(left.displayName()).equals(fold(right.displayName()))) {
			text(lines, "name", left.displayName(), right.displayName(), Field.NAME);
		}
		text(lines, "trade_name", left.tradeName(), right.tradeName(), Field.TRADE_NAME);
		text(lines, "siren", RegistryNumbers.grouped(left.siren()), RegistryNumbers.grouped(right.siren()),
				Field.SIRET);
		text(lines, "siret", RegistryNumbers.grouped(left.siret()), RegistryNumbers.grouped(right.siret()),
				Field.SIRET);
		address(lines, left, right);
		text(lines, "website", ShownDomains.host(left.website()), ShownDomains.host(right.website()), Field.WEBSITE);
	}

	private static void contacts(List<Line> lines, Summary left, Summary right) {
		list(lines, "email", left.emails(), right.emails(), ShownDomains::email);
		list(lines, "phone", left.phones(), right.phones(), Phone::display);
	}

	/** A field's choice on its first line that differs only. */
	private static List<Line> chosenOnce(List<Line> lines) {
		Set<String> offered = new HashSet<>();
		List<Line> chosen = new ArrayList<>(lines.size());
		for (Line line : lines) {
			boolean first = line.choice() == null || offered.add(line.choice());
			chosen.add(first ? line : new Line(line.field(), line.left(), line.right(), line.agreement(), null));
		}
		return List.copyOf(chosen);
	}

	/**
	 * The street with its postcode and town, as a merge takes them together. They
	 * contradict each other when a part both give differs; one that only says more (a
	 * street where the other gives the town alone) agrees with it, as the merge fills the
	 * missing part.
	 */
	private static void address(List<Line> lines, Summary left, Summary right) {
		String leftPlace = place(left);
		String rightPlace = place(right);
		if (leftPlace == null && rightPlace == null) {
			return;
		}
		Agreement agreement;
		if (leftPlace == null || rightPlace == null) {
			agreement = Agreement.ONE_SIDE;
		}
		else if (contradictStreets(left.address(), right.address()) || contradict(left.postcode(), right.postcode())
				|| contradict(left.displayCity(), right.displayCity())) {
			agreement = Agreement.DIFFERENT;
		}
		else {
			boolean sameStreet = StreetAddresses.oneDoor(left.address(), right.address());
			agreement = (fold(leftPlace).equals(fold(rightPlace))
					|| sameStreet && fold(town(left)).equals(fold(town(right)))) ? Agreement.SAME : Agreement.SHARED;
		}
		lines.add(new Line("address", leftPlace, rightPlace, agreement,
				(agreement == Agreement.DIFFERENT) ? Field.ADDRESS.key() : null));
	}

	/**
	 * Two streets differ unless the matching reads them as one door: "48 ALL GAMBETTA"
	 * and "48 allée Gambetta" agree, as the reason "même adresse" beside them says.
	 */
	private static boolean contradictStreets(@Nullable String one, @Nullable String other) {
		return contradict(one, other) && !StreetAddresses.oneDoor(one, other);
	}

	private static String town(Summary agency) {
		return String.join(" ",
				Stream.of(agency.postcode(), agency.displayCity())
					.filter((part) -> part != null && !part.isBlank())
					.map(String::strip)
					.toList());
	}

	private static boolean contradict(@Nullable String one, @Nullable String other) {
		return one != null && other != null && !one.isBlank() && !other.isBlank() && !fold(one).equals(fold(other));
	}

	private static @Nullable String place(Summary agency) {
		String town = town(agency);
		String street = (agency.address() != null) ? agency.address().strip() : "";
		if (street.isEmpty()) {
			return town.isEmpty() ? null : town;
		}
		return town.isEmpty() ? street : street + ", " + town;
	}

	/**
	 * The comparisons of a page's pairs, by the pair's id, the agencies of all of them
	 * read at once. A pair whose agency is gone since is left out.
	 * @param pairs the page's pairs
	 * @param left the agency each pair shows first
	 * @param right the agency each pair shows second
	 * @param agencies the organisation's agencies of these ids
	 */
	static Map<UUID, PairComparison> byPair(List<Duplicate> pairs, Function<Duplicate, UUID> left,
			Function<Duplicate, UUID> right, Function<Set<UUID>, Map<UUID, Summary>> agencies) {
		Set<UUID> ids = new HashSet<>();
		pairs.forEach((pair) -> {
			ids.add(left.apply(pair));
			ids.add(right.apply(pair));
		});
		Map<UUID, Summary> read = agencies.apply(ids);
		Map<UUID, PairComparison> comparisons = new HashMap<>();
		for (Duplicate pair : pairs) {
			Summary first = read.get(left.apply(pair));
			Summary second = read.get(right.apply(pair));
			if (first != null && second != null) {
				comparisons.put(pair.id(), of(first, second));
			}
		}
		return comparisons;
	}

	private static void text(List<Line> lines, String field, @Nullable String left, @Nullable String right,
			Field chosen) {
		boolean hasLeft = left != null && !left.isBlank();
		boolean hasRight = right != null && !right.isBlank();
		if (!hasLeft && !hasRight) {
			return;
		}
		Agreement agreement = (!hasLeft || !hasRight) ? Agreement.ONE_SIDE
				: fold(left).equals(fold(right)) ? Agreement.SAME : Agreement.DIFFERENT;
		// one side alone needs no choice: the merge fills an empty field and empties none
		lines.add(new Line(field, hasLeft ? left.strip() : null, hasRight ? right.strip() : null, agreement,
				(agreement == Agreement.DIFFERENT) ? chosen.key() : null));
	}

	/** Lists agree when they hold the same values, in whatever order. */
	private static <T> void list(List<Line> lines, String field, List<T> left, List<T> right,
			Function<T, String> display) {
		if (left.isEmpty() && right.isEmpty()) {
			return;
		}
		Agreement agreement;
		if (left.isEmpty() || right.isEmpty()) {
			agreement = Agreement.ONE_SIDE;
		}
		else {
			Set<String> leftKeys = folded(left, display);
			Set<String> rightKeys = folded(right, display);
			agreement = leftKeys.equals(rightKeys) ? Agreement.SAME
					: leftKeys.stream().anyMatch(rightKeys::contains) ? Agreement.SHARED : Agreement.DIFFERENT;
		}
		// e-mails and phones are joined by a merge, never chosen
		lines.add(new Line(field, joined(left, display), joined(right, display), agreement, null));
	}

	private static <T> Set<String> folded(Collection<T> values, Function<T, String> display) {
		Set<String> keys = new LinkedHashSet<>();
		values.forEach((value) -> keys.add(fold(display.apply(value))));
		return keys;
	}

	private static <T> @Nullable String joined(List<T> values, Function<T, String> display) {
		return values.isEmpty() ? null : String.join(", ", values.stream().map(display).toList());
	}

	private static @Nullable String count(@Nullable Integer count) {
		return (count != null) ? count.toString() : null;
	}

	/**
	 * Case, accents, punctuation and spacing do not make two values differ: "12 RUE
	 * PASTEUR" and "12, rue Pasteur" are one address to a reviewer.
	 */
	private static String fold(String value) {
		String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				folded.append(Character.toLowerCase(c));
			}
		}
		return folded.toString();
	}

	/** How the two agencies' values of one field compare. */
	enum Agreement {

		/** Both have it, the same. */
		SAME,

		/**
		 * Both have several, some of them in common; or an address, one of them saying
		 * more.
		 */
		SHARED,

		/** Both have it, not the same. */
		DIFFERENT,

		/** Only one of the two has it. */
		ONE_SIDE

	}

	/**
	 * One field of the two agencies.
	 *
	 * @param field the field's name, as in {@code prospects.field.*} messages
	 * @param left the value of the agency in the queue's first column, if it has one
	 * @param right the value of the possible duplicate, if it has one
	 * @param agreement how the two compare
	 * @param choice the field a merge may take from either side here, as the form's
	 * {@code keep.*} names it; none where there is nothing to choose
	 */
	record Line(String field, @Nullable String left, @Nullable String right, Agreement agreement,
			@Nullable String choice) {

		/** Fields whose values are addresses on the web, one long word each. */
		private static final Set<String> WEB_ADDRESSES = Set.of("email", "website");

		public boolean differs() {
			return this.agreement == Agreement.DIFFERENT;
		}

		/**
		 * One side's value in the pieces between which the page lets a line break
		 * ({@code <wbr>}): an e-mail or a site before its "@" and its dots, so that in a
		 * narrow column it wraps where a reader expects rather than inside a word. Other
		 * values are one piece (their spaces break them); none without a value.
		 */
		public List<String> pieces(boolean right) {
			String value = right ? this.right : this.left;
			if (value == null) {
				return List.of();
			}
			return WEB_ADDRESSES.contains(this.field) ? List.of(value.split("(?=[@.])")) : List.of(value);
		}

	}

}
