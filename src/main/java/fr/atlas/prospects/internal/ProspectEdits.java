package fr.atlas.prospects.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.ProspectEdited;
import fr.atlas.prospects.ProspectId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's corrections to an agency. Values go through the import's own rules
 * ({@link RowNormaliser}): the same SIRET check, e-mail and phone forms, name and town
 * keys, so an edited agency is found and matched by later imports exactly as an imported
 * one. A value that fails is refused with its reason and nothing is changed. Each value
 * that changes is recorded as a source of kind USER with who set it, and the edit is
 * audited.
 */
@Service
@Transactional
public class ProspectEdits {

	/** The fields a person may set, as the API names them, with the column they feed. */
	private static final Map<String, ImportField> TEXT = Map.ofEntries(Map.entry("name", ImportField.NAME),
			Map.entry("tradeName", ImportField.TRADE_NAME), Map.entry("siret", ImportField.SIRET),
			Map.entry("siren", ImportField.SIREN), Map.entry("naf", ImportField.NAF),
			Map.entry("address", ImportField.ADDRESS), Map.entry("postcode", ImportField.POSTCODE),
			Map.entry("city", ImportField.CITY), Map.entry("website", ImportField.WEBSITE),
			Map.entry("specialty", ImportField.SPECIALTY), Map.entry("headcountBand", ImportField.HEADCOUNT),
			Map.entry("source", ImportField.SOURCE),
			// in euros as people write them ("1,5 M€"); revenueCents takes a number of
			// cents
			Map.entry("revenue", ImportField.REVENUE));

	private static final Map<String, ImportField> LISTS = Map.of("emails", ImportField.EMAIL, "phones",
			ImportField.PHONE, "tags", ImportField.TAGS);

	/** Every field a person may set, as the API names them. */
	static final Set<String> KNOWN = Stream
		.concat(Stream.concat(TEXT.keySet().stream(), LISTS.keySet().stream()),
				Stream.of("listingCount", "revenueCents", "owner"))
		.collect(Collectors.toUnmodifiableSet());

	/** The import's message fields, as the API names them. */
	private static final Map<String, String> MESSAGE_FIELDS = Map.ofEntries(Map.entry("siret", "siret"),
			Map.entry("siren", "siren"), Map.entry("naf", "naf"), Map.entry("postcode", "postcode"),
			Map.entry("website", "website"), Map.entry("email", "emails"), Map.entry("phone", "phones"),
			Map.entry("listing_count", "listingCount"), Map.entry("revenue", "revenue"), Map.entry("name", "name"),
			Map.entry("trade_name", "tradeName"), Map.entry("address", "address"), Map.entry("city", "city"),
			Map.entry("specialty", "specialty"), Map.entry("headcount", "headcountBand"), Map.entry("tags", "tags"),
			Map.entry("source", "source"));

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Owners owners;

	private final AgencyResemblances resemblances;

	private final ApplicationEventPublisher events;

	ProspectEdits(JdbcClient jdbc, Agencies agencies, Owners owners, AgencyResemblances resemblances,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.owners = owners;
		this.resemblances = resemblances;
		this.events = events;
	}

	/**
	 * What an edit changed, as the API names the columns, and the agency the corrected
	 * one now resembles, put in the review queue with it.
	 */
	public record Edited(List<String> fields, @Nullable Resemblance resembles) {
	}

	/**
	 * Sets the fields present in {@code changes} (null or blank clears one; the name
	 * cannot be cleared). With {@code version}, refuses the edit when the agency changed
	 * since that version was read. A correction that makes the agency resemble another
	 * one of the organisation (a SIRET, an e-mail, a name in the same place), by the
	 * import's rule, puts the pair in the review queue, unless a person decided it
	 * already: an edit corrects, it does not merge.
	 */
	public Edited edit(UUID id, Map<String, @Nullable Object> changes, @Nullable UUID by) {
		Map<String, @Nullable Object> wanted = new LinkedHashMap<>(changes);
		Integer version = version(wanted.remove("version"));
		checkKnown(wanted);
		Current current = lock(id);
		if (!"ACTIVE".equals(current.status())) {
			throw new ConflictException(ProspectArchives.refusal(current.status(), "prospects.edit.inactive"));
		}
		if (version != null && version != current.version()) {
			throw new ConflictException("prospects.edit.stale", Map.of("version", current.version()),
					current.version());
		}
		AgencyRecord agency = this.agencies.load(id);
		Map<String, String> before = ProspectMerges.values(agency).asFields();
		List<FieldProblem> problems = new ArrayList<>();
		apply(agency, wanted, problems);
		UUID owner = this.owners.of(wanted.get("owner"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, String> after = ProspectMerges.values(agency).asFields();
		List<Agencies.FieldSource> sources = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (String field : AgencyValues.FIELDS) {
			String value = after.get(field);
			if (!Objects.equals(value, before.get(field))) {
				changed.add(field);
				// a cleared value is recorded as empty: who emptied it, and when
				sources.add(new Agencies.FieldSource(id, field, (value != null) ? value : "", "USER", null, null, by,
						null));
			}
		}
		if (wanted.containsKey("owner") && !Objects.equals(owner, current.owner())) {
			changed.add("owner_id");
			sources.add(new Agencies.FieldSource(id, "owner_id", (owner != null) ? owner.toString() : "", "USER", null,
					null, by, null));
			this.jdbc.sql("update agency set owner_id = :owner where org_id = :org and id = :id")
				.param("owner", owner)
				.param("org", org())
				.param("id", id)
				.update();
		}
		if (changed.isEmpty()) {
			return new Edited(List.of(), null);
		}
		this.agencies.update(List.of(agency));
		this.agencies.addSources(sources);
		Optional<Resemblance> resembles = Optional.empty();
		if (changed.stream().anyMatch(AgencyResemblances.MATCHED::contains)) {
			resembles = this.resemblances.best(ProspectMerges.values(agency), id)
				.filter((other) -> this.resemblances.queue(id, other));
		}
		this.events.publishEvent(new ProspectEdited(new OrgId(org()), new ProspectId(id), List.copyOf(changed)));
		return new Edited(List.copyOf(changed), resembles.orElse(null));
	}

	/**
	 * The version an edit is based on: a whole number, or its digits as text. Anything
	 * else is a mistake of the client's, not a conflict: a 409 "the agency changed" sent
	 * it to read the agency again, to fail the same way.
	 */
	private static @Nullable Integer version(@Nullable Object version) {
		if (version == null) {
			return null;
		}
		if (version instanceof Number number && number.doubleValue() == number.intValue()) {
			return number.intValue();
		}
		if (version instanceof String text && text.strip().matches("\\d{1,9}")) {
			return Integer.valueOf(text.strip());
		}
		throw new InvalidInputException("version", "prospects.edit.version.invalid");
	}

	private static void checkKnown(Map<String, @Nullable Object> wanted) {
		List<FieldProblem> problems = new ArrayList<>();
		TypedRow.checkFields(wanted, KNOWN, "prospects.edit.nothing", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * Puts the wanted values through the import's rules as one row, then sets each wanted
	 * field of the agency from the result.
	 */
	static void apply(AgencyRecord agency, Map<String, @Nullable Object> wanted, List<FieldProblem> problems) {
		TypedRow typed = new TypedRow();
		// the stored name keeps the row identified when only other fields change (one
		// stored before names had a length limit stands in as a short word)
		typed.column(ImportField.NAME, wanted.containsKey("name") ? TypedRow.text(wanted.get("name"), "name", problems)
				: (agency.name.length() <= ImportField.NAME.longest()) ? agency.name : "agence");
		TEXT.forEach((field, column) -> {
			if (!field.equals("name") && wanted.containsKey(field)) {
				typed.column(column, TypedRow.text(wanted.get(field), field, problems));
			}
		});
		LISTS.forEach((field, column) -> {
			if (wanted.containsKey(field)) {
				List<String> values = TypedRow.list(wanted.get(field), field, problems);
				if (column == ImportField.TAGS) {
					typed.column(column, String.join(",", values));
				}
				else {
					values.forEach((value) -> typed.column(column, value));
				}
			}
		});
		if (wanted.containsKey("phones") && !wanted.containsKey("postcode") && Postcodes.monaco(agency.postcode)) {
			// a number typed without its country code is read as the import reads it in
			// the agency's row: Monaco's when it is no French one
			typed.column(ImportField.POSTCODE, agency.postcode);
		}
		if (wanted.containsKey("siren") && !wanted.containsKey("siret") && agency.siret != null) {
			// a SIREN must stay the one of the stored SIRET
			typed.column(ImportField.SIRET, agency.siret);
		}
		if (wanted.get("listingCount") instanceof String count) {
			// as a file would write it ("1 032")
			typed.column(ImportField.LISTING_COUNT, count);
		}
		if (wanted.containsKey("name") && TypedRow.blank(wanted.get("name"))) {
			problems.add(new FieldProblem("name", "prospects.edit.name-required"));
		}
		Long listings = number(wanted, "listingCount", Integer.MAX_VALUE,
				"prospects.problem.listing_count.invalid_number", problems);
		Long revenue = number(wanted, "revenueCents", Long.MAX_VALUE, "prospects.problem.revenue.invalid_number",
				problems);
		NormalisedRow row = typed.normalise();
		for (String message : row.messages()) {
			int colon = message.indexOf(':');
			String field = MESSAGE_FIELDS.get(message.substring(0, colon));
			if (field != null && (wanted.containsKey(field) || message.startsWith("siren:"))) {
				// nine digits typed as a SIRET are not a SIRET
				String code = message.equals("siret:siren_only") ? "siret.invalid_format" : message.replace(':', '.');
				problems.add(new FieldProblem(field, "prospects.problem." + code));
			}
		}
		AgencyValues values = row.agency();
		if (!problems.isEmpty() || values == null) {
			return;
		}
		set(agency, values, wanted);
		if (wanted.get("listingCount") instanceof String) {
			agency.listingCount = values.listingCount();
		}
		else if (wanted.containsKey("listingCount")) {
			agency.listingCount = (listings != null) ? listings.intValue() : null;
		}
		if (wanted.containsKey("revenue")) {
			agency.revenueCents = values.revenueCents();
		}
		if (wanted.containsKey("revenueCents")) {
			agency.revenueCents = revenue;
		}
	}

	private static void set(AgencyRecord agency, AgencyValues values, Map<String, @Nullable Object> wanted) {
		if (wanted.containsKey("name") && values.name() != null) {
			agency.name = values.name();
			agency.nameKey = values.nameKey();
		}
		if (wanted.containsKey("tradeName")) {
			agency.tradeName = values.tradeName();
		}
		if (wanted.containsKey("siret")) {
			agency.siret = values.siret();
			if (values.siret() != null) {
				agency.siren = values.siren();
			}
		}
		if (wanted.containsKey("siren") && !(wanted.containsKey("siret") && values.siret() != null)) {
			agency.siren = values.siren();
		}
		if (wanted.containsKey("naf")) {
			agency.naf = values.naf();
		}
		if (wanted.containsKey("address")) {
			agency.address = values.address();
		}
		if (wanted.containsKey("postcode")) {
			agency.postcode = values.postcode();
			agency.department = values.department();
		}
		if (wanted.containsKey("city")) {
			agency.city = values.city();
			agency.cityKey = values.cityKey();
		}
		if (wanted.containsKey("website")) {
			agency.websiteDomain = values.websiteDomain();
		}
		if (wanted.containsKey("specialty")) {
			agency.specialty = values.specialty();
		}
		if (wanted.containsKey("headcountBand")) {
			agency.headcountBand = values.headcountBand();
		}
		if (wanted.containsKey("source")) {
			agency.source = values.source();
		}
		replace(agency.emails, wanted.containsKey("emails"), values.emails());
		replace(agency.phones, wanted.containsKey("phones"), values.phones());
		replace(agency.tags, wanted.containsKey("tags"), values.tags());
	}

	private static void replace(Collection<String> stored, boolean wanted, List<String> values) {
		if (wanted) {
			stored.clear();
			stored.addAll(values);
		}
	}

	private static @Nullable Long number(Map<String, @Nullable Object> wanted, String field, long most, String code,
			List<FieldProblem> problems) {
		Object value = wanted.get(field);
		if (value == null || (value instanceof String && field.equals("listingCount"))) {
			// a listing count in text goes through the import's number rules instead
			return null;
		}
		Long whole = (value instanceof Number number) ? wholeWithin(number, most) : null;
		if (whole == null) {
			problems.add(new FieldProblem(field, code));
		}
		return whole;
	}

	/**
	 * The number as a whole from 0 to {@code most}, else null. Read exactly: a double's
	 * {@code longValue()} turns 1e400 (infinity) into the largest long and a big
	 * integer's keeps its low bits, both of which were stored.
	 */
	static @Nullable Long wholeWithin(Number number, long most) {
		BigDecimal exact;
		try {
			exact = new BigDecimal(number.toString()).stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			// Infinity, NaN
			return null;
		}
		if (exact.scale() > 0 || exact.signum() < 0 || exact.compareTo(BigDecimal.valueOf(most)) > 0) {
			return null;
		}
		return exact.longValueExact();
	}

	private Current lock(UUID id) {
		return this.jdbc.sql("select status, version, owner_id from agency where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new Current(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	private record Current(String status, int version, @Nullable UUID owner) {
	}

}
