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

import fr.atlas.prospects.internal.ProspectSearch.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Phone;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import org.jspecify.annotations.Nullable;

/**
 * The two agencies of a possible duplicate, field by field, each field saying whether
 * they agree: the reviewer decides on the queue's page without opening both agencies. The
 * name and the place are shown above these; a field neither agency has is left out.
 *
 * @param lines the fields, in the order of the agency page
 */
record PairComparison(List<Line> lines) {

	static PairComparison of(Summary left, Summary right) {
		List<Line> lines = new ArrayList<>();
		text(lines, "trade_name", left.tradeName(), right.tradeName());
		text(lines, "siren", RegistryNumbers.grouped(left.siren()), RegistryNumbers.grouped(right.siren()));
		text(lines, "siret", RegistryNumbers.grouped(left.siret()), RegistryNumbers.grouped(right.siret()));
		text(lines, "address", left.address(), right.address());
		text(lines, "website", left.website(), right.website());
		list(lines, "email", left.emails(), right.emails(), Function.identity());
		list(lines, "phone", left.phones(), right.phones(), Phone::display);
		text(lines, "listing_count", count(left.listingCount()), count(right.listingCount()));
		return new PairComparison(List.copyOf(lines));
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

	private static void text(List<Line> lines, String field, @Nullable String left, @Nullable String right) {
		boolean hasLeft = left != null && !left.isBlank();
		boolean hasRight = right != null && !right.isBlank();
		if (!hasLeft && !hasRight) {
			return;
		}
		Agreement agreement = (!hasLeft || !hasRight) ? Agreement.ONE_SIDE
				: fold(left).equals(fold(right)) ? Agreement.SAME : Agreement.DIFFERENT;
		lines.add(new Line(field, hasLeft ? left.strip() : null, hasRight ? right.strip() : null, agreement));
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
		lines.add(new Line(field, joined(left, display), joined(right, display), agreement));
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

		/** Both have several, some of them in common. */
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
	 */
	record Line(String field, @Nullable String left, @Nullable String right, Agreement agreement) {

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
