package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Which of two merged agencies' values survive, field by field (ADR 0063): the fields
 * whose absorbed agency's value replaces the survivor's. Every other field follows the
 * merge's rule: the survivor's value stays, an empty one takes the other's. E-mails,
 * phones and tags are always unions, and contacts always move, so they are not chosen.
 *
 * @param fromOther the fields taken from the absorbed agency
 */
public record MergeChoice(Set<Field> fromOther) {

	/** The merge's rule alone: the survivor keeps every value it has. */
	public static final MergeChoice SURVIVOR = new MergeChoice(Set.of());

	/** What a merge joins rather than chooses: named in the refusal of such a key. */
	private static final Set<String> UNIONS = Set.of("emails", "phones", "tags", "contacts");

	public MergeChoice {
		fromOther = fromOther.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fromOther));
	}

	/**
	 * Reads the API's {@code keep} object: each key a {@link Field#key}, each value
	 * {@code "survivor"} or {@code "other"} (any case). Every bad entry is reported at
	 * once, as {@code keep.<key>}, and nothing is merged.
	 */
	public static MergeChoice read(@Nullable Map<String, ? extends @Nullable Object> keep) {
		if (keep == null || keep.isEmpty()) {
			return SURVIVOR;
		}
		List<FieldProblem> problems = new ArrayList<>();
		Set<Field> fromOther = EnumSet.noneOf(Field.class);
		keep.forEach((key, value) -> {
			Optional<Field> field = Field.of(key);
			if (field.isEmpty()) {
				problems.add(UNIONS.contains(key) ? new FieldProblem("keep." + key, "prospects.merge.keep.union", key)
						: new FieldProblem("keep." + key, "prospects.merge.keep.unknown", key, Field.keys()));
				return;
			}
			String side = (value instanceof String text) ? text.strip().toLowerCase(Locale.ROOT) : null;
			if ("other".equals(side)) {
				fromOther.add(field.get());
			}
			else if (!"survivor".equals(side)) {
				problems.add(new FieldProblem("keep." + key, "prospects.merge.keep.value", key, String.valueOf(value)));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new MergeChoice(fromOther);
	}

	/** The keys of the fields taken from the other agency, in the order of the form. */
	public List<String> keys() {
		return this.fromOther.stream().sorted().map(Field::key).toList();
	}

	boolean takes(Field field) {
		return this.fromOther.contains(field);
	}

	/**
	 * Gives the survivor the absorbed agency's values of the chosen fields, before the
	 * merge fills its empty ones. A field the absorbed agency does not have stays as it
	 * is (a merge empties nothing); a group it has in part is taken as it has it, so that
	 * a street never ends up in the other agency's town.
	 */
	void applyTo(AgencyRecord survivor, AgencyRecord absorbed) {
		if (takes(Field.NAME) && !absorbed.nameKey.isEmpty()) {
			survivor.name = absorbed.name;
			survivor.nameKey = absorbed.nameKey;
		}
		if (takes(Field.TRADE_NAME) && absorbed.tradeName != null) {
			survivor.tradeName = absorbed.tradeName;
		}
		if (takes(Field.SIRET) && (absorbed.siret != null || absorbed.siren != null)) {
			survivor.siret = absorbed.siret;
			survivor.siren = absorbed.siren;
		}
		if (takes(Field.NAF) && absorbed.naf != null) {
			survivor.naf = absorbed.naf;
		}
		if (takes(Field.ADDRESS) && (absorbed.address != null || absorbed.postcode != null || absorbed.city != null)) {
			survivor.address = absorbed.address;
			survivor.postcode = absorbed.postcode;
			survivor.city = absorbed.city;
			survivor.cityKey = absorbed.cityKey;
			survivor.department = absorbed.department;
		}
		if (takes(Field.WEBSITE) && absorbed.websiteDomain != null) {
			survivor.websiteDomain = absorbed.websiteDomain;
		}
		if (takes(Field.SPECIALTY) && absorbed.specialty != null) {
			survivor.specialty = absorbed.specialty;
		}
		if (takes(Field.LISTING_COUNT) && absorbed.listingCount != null) {
			survivor.listingCount = absorbed.listingCount;
		}
		if (takes(Field.REVENUE) && absorbed.revenueCents != null) {
			survivor.revenueCents = absorbed.revenueCents;
		}
		if (takes(Field.HEADCOUNT_BAND) && absorbed.headcountBand != null) {
			survivor.headcountBand = absorbed.headcountBand;
		}
		if (takes(Field.SOURCE) && absorbed.source != null) {
			survivor.source = absorbed.source;
		}
		// the owner is not a value the import fills: ProspectMerges takes it
	}

	/**
	 * An agency's field a merge can take from either side. A group of columns that only
	 * make sense together is one field: the address with its postcode and town, the SIRET
	 * with its SIREN.
	 */
	public enum Field {

		NAME("name"), TRADE_NAME("tradeName"), SIRET("siret"), NAF("naf"), ADDRESS("address"), WEBSITE("website"),
		SPECIALTY("specialty"), LISTING_COUNT("listingCount"), REVENUE("revenue"), HEADCOUNT_BAND("headcountBand"),
		OWNER("owner"), SOURCE("source");

		private final String key;

		Field(String key) {
			this.key = key;
		}

		/** Its name in the API's {@code keep} object and in the form's {@code keep.*}. */
		public String key() {
			return this.key;
		}

		public static Optional<Field> of(String key) {
			for (Field field : values()) {
				if (field.key.equals(key)) {
					return Optional.of(field);
				}
			}
			return Optional.empty();
		}

		static String keys() {
			return String.join(", ", Arrays.stream(values()).map(Field::key).toList());
		}

	}

}
