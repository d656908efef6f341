package fr.atlas.prospects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.atlas.platform.AgencyFacts;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.prospects.internal.SearchConditions.Where;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of prospects: the searchable list, an agency with its contacts, sources,
 * match reasons and possible duplicates. The review queue of possible duplicates is
 * {@link DuplicateQueue}.
 */
@Service
@Transactional(readOnly = true)
public class ProspectSearch {

	private static final int SOURCES_SHOWN = 500;

	private static final int REASONS_SHOWN = 200;

	/**
	 * The contacts an agency's details carry: an agency that a file's thousands of rows
	 * reached has as many contacts, which come a page at a time ({@link #contacts}).
	 */
	public static final int CONTACTS_SHOWN = 200;

	/**
	 * The columns a search's order reads ({@link ProspectQuery#SORTABLE}), and the key.
	 */
	private static final String SORT_COLUMNS = "a.id, a.name, a.name_key, a.city, a.postcode, a.department, a.created_at,"
			+ " a.listing_count, a.revenue_cents, a.status";

	/** The order of uuids in PostgreSQL: their bytes, unsigned. */
	private static final Comparator<UUID> AS_STORED = Comparator
		.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
		.thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

	/** Oldest first; within a row, in the order of the agency's columns. */
	private static final Comparator<Source> SOURCE_ORDER = Comparator
		.comparing(Source::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Source::importId, Comparator.nullsLast(AS_STORED))
		.thenComparing(Source::row, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingInt((source) -> fieldPosition(source.field()))
		.thenComparing(Source::field);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final RecordedRows recorded;

	private final SearchConditions conditions;

	private final DuplicateQueue queue;

	ProspectSearch(JdbcClient jdbc, JdbcTemplate template, RecordedRows recorded, SearchConditions conditions,
			DuplicateQueue queue) {
		this.conditions = conditions;
		this.jdbc = jdbc;
		this.template = template;
		this.recorded = recorded;
		this.queue = queue;
	}

	public Page<Summary> find(ProspectQuery query) {
		plannedForThisOrganisation();
		Where where = this.conditions.where(query);
		List<Object> args = new ArrayList<>(where.args());
		args.add(query.size());
		args.add((long) query.page() * query.size());
		if (where.textSearch()) {
			return search(query, where, args);
		}
		long total = count(where);
		List<Summary> items = this.template.query(
				"select a.* " + where.sql() + " order by " + query.orderBy() + " limit ? offset ?",
				(rs, row) -> summary(rs), args.toArray());
		return new Page<>(items, query.page(), query.size(), total);
	}

	/**
	 * Plans the rest of the transaction's statements for the organisation that runs them.
	 * The driver prepares a statement run often, and PostgreSQL then may keep one generic
	 * plan for it, made for an organisation of average size: beside an organisation of
	 * 524,000 agencies, counting the 52,000 of another became a scan of every agency of
	 * the table (170 ms instead of 13 ms), and that organisation's first page took 137 ms
	 * instead of 36 (docs/bench/prospects-search.md). Planning each time costs about a
	 * millisecond (ADR 0058).
	 */
	private void plannedForThisOrganisation() {
		this.template.execute("set local plan_cache_mode = force_custom_plan");
	}

	/**
	 * A text search matches few agencies, but the planner hopes to meet a page of them
	 * early while walking the sort order's index, and then reads the whole base in index
	 * order: 3.3 s for 530,000 agencies. Behind the {@code OFFSET 0} fence the matching
	 * is one parallel scan, counted and sorted together (0.5 s), whatever the sort. Only
	 * the key and the sort columns go through the count and the sort; the page's agencies
	 * are then read by their key. Whole rows made the count keep every match: a broad
	 * word ("immo", half the base) wrote them to disk, 9 MB at 52,000 agencies and 93 MB
	 * at 524,000 (docs/bench/prospects-search.md).
	 */
	private Page<Summary> search(ProspectQuery query, Where where, List<Object> args) {
		long[] total = { -1 };
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(CurrentTenant.require().value());
		List<Summary> items = this.template
			.query("select a.*, p.matching from (select a.id, count(*) over () as matching from (select " + SORT_COLUMNS
					+ " " + where.sql() + " offset 0) a order by " + query.orderBy()
					+ " limit ? offset ?) p cross join lateral (select * from agency x where x.org_id = ? and x.id = p.id"
					+ " offset 0) a order by " + query.orderBy(), (rs, row) -> {
						total[0] = rs.getLong("matching");
						return summary(rs);
					}, pageArgs.toArray());
		// no row to carry the count: none matches, or the page is past the end
		if (total[0] < 0) {
			total[0] = (query.page() == 0) ? 0 : count(where);
		}
		return new Page<>(items, query.page(), query.size(), total[0]);
	}

	/**
	 * The contact through whom a text search found each of these agencies, for those one
	 * of whose contacts it matches ({@link ContactMatch}): the person's name, else an
	 * e-mail or a phone; the first by last name when several match. The list page says it
	 * beside the agency, which its own name would not explain.
	 */
	public Map<UUID, String> contactsFound(@Nullable String text, Collection<UUID> agencies) {
		String q = CleanText.of(text);
		if (q == null || agencies.isEmpty()) {
			return Map.of();
		}
		List<Object> args = new ArrayList<>();
		args.add(org());
		args.add(agencies.toArray(UUID[]::new));
		ContactMatch match = ContactMatch.of(q);
		args.addAll(match.args());
		Map<UUID, String> found = new HashMap<>();
		this.template.query("select distinct on (c.agency_id) c.agency_id, c.first_name, c.last_name, c.emails[1],"
				+ " c.phones[1] from contact c where c.org_id = ? and c.agency_id = any(?) and " + match.condition()
				+ " order by c.agency_id, c.last_name nulls last, c.first_name nulls last, c.created_at, c.id",
				(rs) -> {
					String name = CleanText.of(Stream.of(rs.getString(2), rs.getString(3))
						.filter(Objects::nonNull)
						.collect(Collectors.joining(" ")));
					String phone = rs.getString(5);
					found.put(rs.getObject(1, UUID.class), (name != null) ? name
							: Objects.requireNonNullElseGet(rs.getString(4), () -> PhoneDisplay.of(phone)));
				}, args.toArray());
		return found;
	}

	private long count(Where where) {
		Long total = this.template.queryForObject("select count(*) " + where.sql(), Long.class, where.args().toArray());
		return (total != null) ? total : 0;
	}

	/**
	 * The ids of the agencies the query matches, at most {@code limit} of them, in name
	 * order (nameless ones last).
	 */
	List<UUID> idsByName(ProspectQuery query, int limit) {
		Where where = this.conditions.where(query);
		List<Object> args = new ArrayList<>(where.args());
		args.add(limit);
		return this.template.query(
				"select a.id " + where.sql() + " order by " + ProspectQuery.NAME + " nulls last, a.id limit ?",
				(rs, row) -> rs.getObject(1, UUID.class), args.toArray());
	}

	/**
	 * Reads the query's filters and order as {@link #find} does, without searching.
	 * @throws InvalidInputException for a filter or an order the list cannot read
	 */
	public void check(ProspectQuery query) {
		this.conditions.where(query);
	}

	/** Every agency the query matches, in its order, streamed (exports). */
	public void each(ProspectQuery query, Consumer<Summary> action) {
		plannedForThisOrganisation();
		Where where = this.conditions.where(query);
		this.template.query((connection) -> {
			var statement = connection.prepareStatement("select a.* " + where.sql() + " order by " + query.orderBy());
			for (int i = 0; i < where.args().size(); i++) {
				statement.setObject(i + 1, where.args().get(i));
			}
			statement.setFetchSize(1000);
			return statement;
		}, (rs) -> {
			action.accept(summary(rs));
		});
	}

	/** One contact of an agency, as the agency's detail lists it. */
	public Contact contact(UUID agencyId, UUID contactId) {
		return this.jdbc.sql("select * from contact where org_id = :org and agency_id = :agency and id = :id")
			.param("org", org())
			.param("agency", agencyId)
			.param("id", contactId)
			.query(ProspectSearch::contact)
			.optional()
			.orElseThrow(() -> new NotFoundException("Contact"));
	}

	private static Contact contact(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("role"), Agencies.strings(rs.getArray("emails")),
				phones(Agencies.strings(rs.getArray("phones"))), rs.getString("linkedin"));
	}

	/**
	 * What another module is told of the active agencies among {@code ids}, in their
	 * order: the name and town as shown, the first e-mail (the agency's, else its first
	 * contact's that has one) with its domain as written, accents and all, and the first
	 * contact's name, contacts in the order of the agency's page.
	 */
	List<AgencyFacts> facts(UUID[] ids) {
		return this.jdbc.sql("""
				select a.id, a.name, a.siren, a.city, a.owner_id,
				  coalesce(a.emails[1], (
				    select c.emails[1] from contact c
				    where c.org_id = a.org_id and c.agency_id = a.id and cardinality(c.emails) > 0
				    order by c.last_name nulls last, c.created_at limit 1)) as email,
				  (select nullif(concat_ws(' ', c.first_name, c.last_name), '') from contact c
				   where c.org_id = a.org_id and c.agency_id = a.id
				   order by c.last_name nulls last, c.created_at limit 1) as contact_name
				from unnest(:ids::uuid[]) with ordinality as x(id, n)
				join agency a on a.org_id = :org and a.id = x.id
				where a.status = 'ACTIVE'
				order by x.n""")
			.param("ids", ids)
			.param("org", org())
			.query((rs, row) -> new AgencyFacts(rs.getObject("id", UUID.class), NameDisplay.of(rs.getString("name")),
					rs.getString("siren"), NameDisplay.town(rs.getString("city")),
					EmailAddresses.readable(rs.getString("email")), rs.getString("contact_name"),
					rs.getObject("owner_id", UUID.class)))
			.list();
	}

	/** An agency alone, without what {@link #detail} gathers around it. */
	public Summary agency(UUID id) {
		return this.jdbc.sql("select a.* from agency a where a.org_id = :org and a.id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> summary(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
	}

	/**
	 * A page of an agency's contacts, in the order of its page: by last name, then as
	 * they came (the id breaks ties, so that pages neither repeat nor skip one).
	 */
	public Page<Contact> contacts(UUID agencyId, int page, int size) {
		agency(agencyId);
		int shown = Math.min(Math.max(size, 1), CONTACTS_SHOWN);
		int from = Math.max(page, 0);
		List<Contact> contacts = contactsFrom(agencyId, (long) from * shown, shown);
		long total = (from == 0) ? contactCount(agencyId, contacts, shown) : contactCount(agencyId);
		return new Page<>(contacts, from, shown, total);
	}

	private List<Contact> contactsFrom(UUID agencyId, long offset, int limit) {
		return this.jdbc.sql("""
				select * from contact where org_id = :org and agency_id = :id
				order by last_name nulls last, created_at, id offset :offset limit :limit""")
			.param("org", org())
			.param("id", agencyId)
			.param("offset", offset)
			.param("limit", limit)
			.query(ProspectSearch::contact)
			.list();
	}

	/**
	 * How many contacts an agency has, from its first {@code limit}: a count of its own
	 * only when they fill the limit.
	 */
	private long contactCount(UUID agencyId, List<Contact> first, int limit) {
		return (first.size() < limit) ? first.size() : contactCount(agencyId);
	}

	private long contactCount(UUID agencyId) {
		return this.jdbc.sql("select count(*) from contact where org_id = :org and agency_id = :id")
			.param("org", org())
			.param("id", agencyId)
			.query(Long.class)
			.single();
	}

	/**
	 * A page of where an agency's values came from, in the order of its page (by time,
	 * then import and row, then field): an agency that a file's thousands of rows reached
	 * has ten times as many.
	 */
	public Page<Source> sources(UUID agencyId, int page, int size) {
		agency(agencyId);
		int shown = Math.min(Math.max(size, 1), SOURCES_SHOWN);
		int from = Math.max(page, 0);
		long offset = (long) from * shown;
		Sources sources = sources(agencyId, this.recorded.of(agencyId), offset + shown);
		List<Source> items = (offset >= sources.sorted().size()) ? List.of() : List
			.copyOf(sources.sorted().subList((int) offset, (int) Math.min(sources.sorted().size(), offset + shown)));
		return new Page<>(items, from, shown, sources.total());
	}

	/**
	 * An agency's sources, sorted: those its imports recorded (every one, from the rows
	 * already read) and the first {@code first} of those merges and edits recorded, which
	 * hold every source among the first {@code first} in all; with the count of them all.
	 */
	private Sources sources(UUID id, List<RecordedRows.AgencyRow> imported, long first) {
		Map<UUID, String> fileNames = fileNames(imported);
		List<Source> recorded = this.jdbc.sql("""
				select s.field, s.value, s.kind, s.job_id, j.file_name, s.row_number, s.merge_id, s.recorded_at
				from field_source s left join import_job j on j.org_id = s.org_id and j.id = s.job_id
				where s.org_id = :org and s.agency_id = :id
				order by s.recorded_at, s.job_id, s.row_number, array_position(:fields::text[], s.field), s.field
				limit :limit""")
			.param("fields", AgencyValues.FIELDS.toArray(String[]::new))
			.param("org", org())
			.param("id", id)
			.param("limit", first)
			.query((rs, row) -> new Source(rs.getString("field"), rs.getString("value"), rs.getString("kind"),
					rs.getObject("job_id", UUID.class), rs.getString("file_name"), (Integer) rs.getObject("row_number"),
					rs.getObject("merge_id", UUID.class), instant(rs, "recorded_at")))
			.list();
		long recordedCount = (recorded.size() < first) ? recorded.size()
				: this.jdbc.sql("select count(*) from field_source where org_id = :org and agency_id = :id")
					.param("org", org())
					.param("id", id)
					.query(Long.class)
					.single();
		List<Source> sorted = new ArrayList<>(recorded);
		for (RecordedRows.AgencyRow imports : imported) {
			RecordedRows.RecordedRow row = imports.row();
			row.values()
				.forEach((value) -> sorted.add(new Source(value.getKey(), value.getValue(), "IMPORT", imports.jobId(),
						fileNames.get(imports.jobId()), row.number(), null, imports.recordedAt())));
		}
		sorted.sort(SOURCE_ORDER);
		return new Sources(sorted, recordedCount + sorted.size() - recorded.size());
	}

	/** An agency's sources in the order of its page, and how many it has. */
	private record Sources(List<Source> sorted, long total) {

		List<Source> first(int most) {
			return List.copyOf(this.sorted.subList(0, Math.min(this.sorted.size(), most)));
		}

	}

	public Detail detail(UUID id) {
		Summary agency = agency(id);
		List<Contact> contacts = contactsFrom(id, 0, CONTACTS_SHOWN);
		long contactCount = contactCount(id, contacts, CONTACTS_SHOWN);
		// imported values live on their recorded import row (RecordedRows); merges and
		// edits in field_source
		List<RecordedRows.AgencyRow> imported = this.recorded.of(id);
		Sources sources = sources(id, imported, SOURCES_SHOWN);
		List<MatchReason> reasons = new ArrayList<>();
		for (RecordedRows.AgencyRow imports : imported) {
			RecordedRows.RecordedRow row = imports.row();
			if ("MERGED".equals(row.status()) && !imports.detached()) {
				reasons.add(new MatchReason(imports.jobId(), row.number(), split(row.reasons()),
						(row.confidence() != null) ? row.confidence() : 0));
			}
		}
		reasons.sort(Comparator.comparing(MatchReason::importId, AS_STORED).thenComparingInt(MatchReason::row));
		List<Duplicate> duplicates = this.queue.duplicates(id, 50);
		List<Merge> merges = this.jdbc.sql("""
				select m.id, m.survivor_id, m.absorbed_id, m.merged_at, m.undone_at, a.name as absorbed_name
				from agency_merge m join agency a on a.org_id = m.org_id and a.id = m.absorbed_id
				where m.org_id = :org and (m.survivor_id = :id or m.absorbed_id = :id) order by m.merged_at desc""")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new Merge(rs.getObject("id", UUID.class), rs.getObject("survivor_id", UUID.class),
					rs.getObject("absorbed_id", UUID.class), rs.getString("absorbed_name"), instant(rs, "merged_at"),
					instant(rs, "undone_at")))
			.list();
		ProspectArchives.Archive archive = "ARCHIVED".equals(agency.status()) ? archive(id) : null;
		return new Detail(agency, contacts, contactCount, sources.first(SOURCES_SHOWN), sources.total(),
				List.copyOf(reasons.subList(0, Math.min(reasons.size(), REASONS_SHOWN))), reasons.size(), duplicates,
				merges, archive);
	}

	/**
	 * The import rows of an agency that had problems: a value an import left out (an
	 * invalid SIRET, e-mail or phone...) is on no field of the agency, so its page says
	 * which rows lost what, with the row as the file had it. At most {@code most}, by
	 * import then row.
	 */
	public List<RowProblems> importProblems(UUID id, int most) {
		List<RecordedRows.AgencyRow> imported = this.recorded.of(id)
			.stream()
			.filter((row) -> !row.row().messages().isEmpty())
			.sorted(Comparator.comparing(RecordedRows.AgencyRow::recordedAt)
				.thenComparing(RecordedRows.AgencyRow::jobId, AS_STORED)
				.thenComparingInt((row) -> row.row().number()))
			.limit(most)
			.toList();
		Map<UUID, String> fileNames = fileNames(imported);
		return imported.stream()
			.map((row) -> new RowProblems(row.jobId(), fileNames.getOrDefault(row.jobId(), ""), row.row().number(),
					List.of(row.row().messages().split("\\|")), row.row().original()))
			.toList();
	}

	/** An import row's problems ({@code field:code}) and the row as the file had it. */
	public record RowProblems(UUID importId, String fileName, int row, List<String> messages, String original) {
	}

	private ProspectArchives.@Nullable Archive archive(UUID id) {
		return this.jdbc
			.sql("select archived_at, archived_by, reason from agency_archive where org_id = :org and agency_id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new ProspectArchives.Archive(rs.getTimestamp(1).toInstant(),
					rs.getObject(2, UUID.class), rs.getString(3)))
			.optional()
			.orElse(null);
	}

	public Optional<Summary> find(UUID id) {
		return this.jdbc.sql("select a.* from agency a where a.org_id = :org and a.id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> summary(rs))
			.optional();
	}

	/**
	 * The agencies of these ids that the organisation has, by id: the review queue shows
	 * the two sides of each pair of its page field by field.
	 */
	public Map<UUID, Summary> summaries(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select a.* from agency a where a.org_id = :org and a.id in (:ids)")
			.param("org", org())
			.param("ids", ids)
			.query((rs, row) -> summary(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(Summary::id, Function.identity()));
	}

	private static Summary summary(ResultSet rs) throws SQLException {
		return new Summary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("trade_name"),
				rs.getString("siren"), rs.getString("siret"), rs.getString("naf"), rs.getString("address"),
				rs.getString("postcode"), rs.getString("city"), rs.getString("department"),
				rs.getString("website_domain"), Agencies.strings(rs.getArray("emails")),
				phones(Agencies.strings(rs.getArray("phones"))), rs.getString("specialty"),
				(Integer) rs.getObject("listing_count"), (Long) rs.getObject("revenue_cents"),
				rs.getString("headcount_band"), Agencies.strings(rs.getArray("tags")), rs.getString("status"),
				rs.getObject("owner_id", UUID.class), rs.getString("source"), rs.getObject("merged_into", UUID.class),
				instant(rs, "created_at"), rs.getInt("version"));
	}

	private static List<Phone> phones(List<String> numbers) {
		return numbers.stream()
			.map((number) -> new Phone(number,
					PhoneNumbers.normalise(number).get().map((p) -> p.kind().name()).orElse("OTHER")))
			.toList();
	}

	private Map<UUID, String> fileNames(List<RecordedRows.AgencyRow> rows) {
		Set<UUID> jobs = rows.stream().map(RecordedRows.AgencyRow::jobId).collect(Collectors.toSet());
		Map<UUID, String> names = new HashMap<>();
		if (!jobs.isEmpty()) {
			this.jdbc.sql("select id, file_name from import_job where org_id = :org and id in (:jobs)")
				.param("org", org())
				.param("jobs", jobs)
				.query((rs, row) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
				.list();
		}
		return names;
	}

	private static int fieldPosition(String field) {
		int position = AgencyValues.FIELDS.indexOf(field);
		return (position >= 0) ? position : Integer.MAX_VALUE;
	}

	private static List<String> split(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split("\\|"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	public record Page<T>(List<T> items, int page, int size, long total) {

		public int pages() {
			return (int) ((this.total + this.size - 1) / this.size);
		}

	}

	public record Summary(UUID id, String name, @Nullable String tradeName, @Nullable String siren,
			@Nullable String siret, @Nullable String naf, @Nullable String address, @Nullable String postcode,
			@Nullable String city, @Nullable String department, @Nullable String website, List<String> emails,
			List<Phone> phones, @Nullable String specialty, @Nullable Integer listingCount, @Nullable Long revenueCents,
			@Nullable String headcountBand, List<String> tags, String status, @Nullable UUID owner,
			@Nullable String source, @Nullable UUID mergedInto, @Nullable Instant createdAt, int version) {

		/**
		 * The name as shown in lists (see {@link NameDisplay}); the API gives it next to
		 * the name as stored.
		 */
		@JsonProperty("displayName")
		public String displayName() {
			return NameDisplay.of(this.name);
		}

		/**
		 * The town as shown in lists and on the agency page (see
		 * {@link NameDisplay#town}); the API gives it next to the town as stored.
		 */
		@JsonProperty("displayCity")
		public @Nullable String displayCity() {
			return NameDisplay.town(this.city);
		}

		/**
		 * What its specialty text names in Atlas's vocabulary ({@link Specialty}), by
		 * code.
		 */
		@JsonProperty("specialties")
		public List<String> specialties() {
			return Specialty.in(this.specialty).stream().map(Specialty::code).toList();
		}

		/** The same, for pages. */
		public Set<Specialty> specialtiesNamed() {
			return Specialty.in(this.specialty);
		}

		/**
		 * The range its headcount text says ({@link Headcount}), none when it says no
		 * number of people.
		 */
		@JsonProperty("headcount")
		public @Nullable Headcount headcount() {
			return Headcount.in(this.headcountBand).orElse(null);
		}

	}

	/** A number in E.164 and its kind (MOBILE, FIXED...). */
	public record Phone(String number, String kind) {

		/** The number as people write it (see {@link PhoneDisplay}). */
		public String display() {
			return PhoneDisplay.of(this.number);
		}

	}

	public record Contact(UUID id, @Nullable String firstName, @Nullable String lastName, @Nullable String role,
			List<String> emails, List<Phone> phones, @Nullable String linkedin) {
	}

	public record Source(String field, String value, String kind, @Nullable UUID importId, @Nullable String fileName,
			@Nullable Integer row, @Nullable UUID mergeId, @Nullable Instant recordedAt) {

		/**
		 * The value as the agency page shows it: revenue in euros rather than cents,
		 * phones as they are dialled.
		 */
		public String displayValue() {
			return switch (this.field) {
				case "revenue_cents" -> euros(this.value);
				// each number on one line (no-break spaces within it), the lines
				// breaking between numbers: "06 / 11 22 33 44" is misread when dialled
				case "phones" -> Arrays.stream(this.value.split(" "))
					.filter((phone) -> !phone.isEmpty())
					.map((phone) -> PhoneDisplay.of(phone).replace(' ', '\u00A0'))
					.collect(Collectors.joining(", "));
				default -> this.value;
			};
		}

		private static String euros(String cents) {
			try {
				long amount = Long.parseLong(cents);
				String format = (amount % 100 == 0) ? "%,d €" : "%,.2f €";
				Object shown = (amount % 100 == 0) ? (Object) (amount / 100) : (Object) (amount / 100.0);
				return String.format(Locale.FRANCE, format, shown).replace('\u202F', ' ').replace('\u00A0', ' ');
			}
			catch (NumberFormatException ex) {
				return cents;
			}
		}

	}

	public record MatchReason(UUID importId, int row, List<String> reasons, double confidence) {
	}

	public record Merge(UUID id, UUID survivorId, UUID absorbedId, String absorbedName, @Nullable Instant mergedAt,
			@Nullable Instant undoneAt) {
	}

	/**
	 * An agency with what its page shows: its first {@link #CONTACTS_SHOWN} contacts of
	 * {@code contactCount}, its first {@link #SOURCES_SHOWN} sources of
	 * {@code sourceCount} (the rest a page at a time: {@link #sources}), the match
	 * reasons of its first {@link #REASONS_SHOWN} merged rows of
	 * {@code matchReasonCount}, possible duplicates, merges and, archived, why.
	 */
	public record Detail(Summary agency, List<Contact> contacts, long contactCount, List<Source> sources,
			long sourceCount, List<MatchReason> matchReasons, int matchReasonCount, List<Duplicate> duplicates,
			List<Merge> merges, ProspectArchives.@Nullable Archive archive) {

		/** Whether a merge into this agency is still to undo, the one unmerge undoes. */
		public boolean hasMergeToUndo() {
			return mergeToUndo() != null;
		}

		/**
		 * The merge "undo the latest merge" undoes: the latest into this agency not
		 * undone yet, which its question names.
		 */
		public @Nullable Merge mergeToUndo() {
			return this.merges.stream()
				.filter((merge) -> merge.undoneAt() == null && merge.survivorId().equals(this.agency.id()))
				.findFirst()
				.orElse(null);
		}

		/**
		 * The best display form of the name, from every spelling the agency received (see
		 * {@link NameDisplay}).
		 */
		public String displayName() {
			return NameDisplay.best(this.agency.name(),
					this.sources.stream().filter((s) -> "name".equals(s.field())).map(Source::value).toList());
		}

	}

}
