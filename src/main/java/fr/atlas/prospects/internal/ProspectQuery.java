package fr.atlas.prospects.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A search of the agency list: free text, filters, sort and page.
 *
 * @param q words of the name, or a SIREN/SIRET, e-mail, phone or domain
 * @param postcode a postcode or its beginning ("75", "750", "75008")
 * @param tag one of the agency's tags, whatever its case
 * @param owner a member's id, or {@code none} for agencies nobody owns
 * @param importId an import: the agencies its rows ended in (created or completed)
 * @param reachable {@code email}, {@code phone}, {@code mobile} or {@code none}: the
 * agencies with an e-mail, a phone, a mobile phone, or neither an e-mail nor a phone
 * @param minListings the least number of listings, as digits
 * @param minRevenue the least revenue in euros, as files write it ({@code 500000},
 * {@code 500 k€}, {@code 1,5 M€})
 * @param source the agencies' source, whatever its case
 * @param headcount a number of people or a range ({@code 12}, {@code 10-19},
 * {@code 250+}): the agencies whose headcount text reads as a range sharing a number with
 * it ({@link Headcount}); any other text is compared with the stored text as it is
 * @param work the key of an {@link fr.atlas.platform.AgencyWork}: the agencies that have
 * it going ({@code prospection-case}), or with {@code no-} before it those that have not
 * @param sort a column ({@link #SORTABLE}, whatever its case), optionally prefixed by
 * {@code -} or followed by {@code ,desc}
 */
public record ProspectQuery(@Nullable String q, @Nullable String department, @Nullable String city,
		@Nullable String status, @Nullable String specialty, @Nullable String postcode, @Nullable String tag,
		@Nullable String owner, @Nullable String importId, @Nullable String reachable, @Nullable String minListings,
		@Nullable String minRevenue, @Nullable String source, @Nullable String headcount, @Nullable String work,
		@Nullable String sort, int page, int size) {

	/**
	 * The name order: the name as written, in French order (case and accents after the
	 * letters, ADR 0079), agencies without a name (an empty key, shown by their website
	 * or e-mail) last, in either direction. Indexed as such (V4_37).
	 */
	static final String NAME = "(case when a.name_key = '' then null else a.name end) collate \"fr-x-icu\"";

	/**
	 * The town order: the town as written, in French order, as the name's: the matching
	 * key writes "Saint" "st", which put "Saint-Étienne" after "Seynod". Sorted, not
	 * indexed: the import writes no more index for it (ADR 0079's addendum).
	 */
	static final String CITY = "a.city collate \"fr-x-icu\"";

	static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("name", NAME), Map.entry("city", CITY),
			Map.entry("postcode", "a.postcode"), Map.entry("department", "a.department"),
			Map.entry("created", "a.created_at"), Map.entry("createdAt", "a.created_at"),
			Map.entry("created_at", "a.created_at"), Map.entry("listingCount", "a.listing_count"),
			Map.entry("listing_count", "a.listing_count"), Map.entry("listings", "a.listing_count"),
			Map.entry("revenue", "a.revenue_cents"), Map.entry("revenueCents", "a.revenue_cents"),
			Map.entry("revenue_cents", "a.revenue_cents"), Map.entry("status", "a.status"));

	/** {@link #SORTABLE} by its names in lower case: "createdAt", "createdat". */
	private static final Map<String, String> SORTABLE_IGNORING_CASE = SORTABLE.entrySet()
		.stream()
		.collect(Collectors.toMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));

	/** The statuses the list chooses among, and {@code ALL}. */
	static final Set<String> STATUSES = Set.of("ACTIVE", "ARCHIVED", "MERGED", "ALL");

	/** The sortable columns declared {@code not null}. */
	private static final Set<String> NEVER_NULL = Set.of("a.created_at", "a.status");

	public ProspectQuery {
		// PostgreSQL refuses text holding a NUL character: a search for one finds nothing
		q = withoutNul(q);
		department = withoutNul(department);
		city = withoutNul(city);
		status = withoutNul(status);
		specialty = withoutNul(specialty);
		postcode = withoutNul(postcode);
		tag = withoutNul(tag);
		owner = withoutNul(owner);
		importId = withoutNul(importId);
		reachable = withoutNul(reachable);
		minListings = withoutNul(minListings);
		minRevenue = withoutNul(minRevenue);
		source = withoutNul(source);
		headcount = withoutNul(headcount);
		work = withoutNul(work);
		sort = withoutNul(sort);
		// brought to the nearest bound, as in every list of the API (ADR 0073)
		page = Math.max(0, page);
		size = Math.min(Math.max(size, 1), 200);
	}

	/** The same search among the agencies of one status only. */
	ProspectQuery withStatus(String wanted) {
		return new ProspectQuery(this.q, this.department, this.city, wanted, this.specialty, this.postcode, this.tag,
				this.owner, this.importId, this.reachable, this.minListings, this.minRevenue, this.source,
				this.headcount, this.work, this.sort, this.page, this.size);
	}

	/**
	 * The SQL order. An order the list does not have is a 400, not the name order: a
	 * client would take the page for the order it asked for.
	 * @throws InvalidInputException for an unknown column
	 */
	String orderBy() {
		String wanted = (this.sort == null || this.sort.isBlank()) ? "name" : this.sort.strip();
		boolean descending = wanted.startsWith("-") || wanted.toLowerCase(Locale.ROOT).endsWith(",desc");
		String column = wanted.replaceFirst("^-", "").replaceFirst("(?i),(asc|desc)$", "").strip();
		String expression = SORTABLE_IGNORING_CASE.get(column.toLowerCase(Locale.ROOT));
		if (expression == null) {
			throw new InvalidInputException("sort", "prospects.filter.sort", wanted);
		}
		// a column that is never null is ordered without "nulls last": its index read
		// backwards then gives the descending order, where "desc nulls last" made
		// PostgreSQL sort every agency of the organisation for the newest 50
		String nulls = NEVER_NULL.contains(expression) ? "" : " nulls last";
		return expression + (descending ? " desc" : " asc") + nulls + ", a.id";
	}

	/**
	 * The status asked for in upper case, {@code ACTIVE} by default.
	 * @throws InvalidInputException for a status agencies do not have: its list would be
	 * empty, as if the organisation had no agency
	 */
	String wantedStatus() {
		String wanted = (this.status == null || this.status.isBlank()) ? "ACTIVE"
				: this.status.strip().toUpperCase(Locale.ROOT);
		if (!STATUSES.contains(wanted)) {
			throw new InvalidInputException("status", "prospects.filter.status", this.status);
		}
		return wanted;
	}

	private static @Nullable String withoutNul(@Nullable String value) {
		return (value != null && value.indexOf('\u0000') >= 0) ? value.replace("\u0000", "") : value;
	}

}
