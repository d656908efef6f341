package fr.atlas.prospects.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.TimeOrderedIds;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and writes agencies in bulk for the import: every active agency streamed once per
 * job, then {@code COPY} and batched updates. Callers run inside a transaction with the
 * tenant bound.
 */
@Repository
class Agencies {

	static final String COLUMNS = """
			id, name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key, department,
			website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band, tags, source""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Agencies(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Where each agency a person merged into another lives now: the end of its chain of
	 * merges not undone ({@code agency_merge}), by absorbed agency.
	 */
	Map<UUID, UUID> survivors() {
		Map<UUID, UUID> into = new HashMap<>();
		this.jdbc.sql("select absorbed_id, survivor_id from agency_merge where org_id = :org and undone_at is null")
			.param("org", CurrentTenant.require().value())
			.query((RowCallbackHandler) (rs) -> into.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
		Map<UUID, UUID> survivors = new HashMap<>();
		into.forEach((absorbed, survivor) -> {
			UUID at = survivor;
			// bounded: a chain cannot be longer than the merges
			for (int hops = 0; into.containsKey(at) && hops < into.size(); hops++) {
				at = into.get(at);
			}
			survivors.put(absorbed, at);
		});
		return survivors;
	}

	/**
	 * Streams every agency of the organisation that rows may match, oldest first, without
	 * holding the result set in memory (the import indexes them once per job): the active
	 * ones and the archived ones, so that a file bringing an archived agency again adds
	 * its row to it rather than a new agency.
	 */
	void forEachMatchable(Consumer<AgencyRecord> action) {
		UUID org = CurrentTenant.require().value();
		// keys stored under older rules are worked out again for matching, until
		// AgencyKeyRefresh rewrites them (ADR 0035)
		boolean rekey = !keysFollowTheRules();
		this.template.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
					+ " from agency where org_id = ? and status in ('ACTIVE', 'ARCHIVED') order by created_at, id");
			statement.setObject(1, org);
			statement.setFetchSize(2000);
			return statement;
		}, (RowCallbackHandler) (rs) -> action.accept(matchable(rs, rekey)));
	}

	/**
	 * The agencies of the organisation, active or archived, that an agency with these
	 * values could match, oldest first, as {@link #forEachMatchable} gives them: those
	 * that share an identifier, an e-mail, a phone or a domain with it, those of its
	 * postcode or town, and those of its name. What the import's pool would look through
	 * for it, read from the table for one agency.
	 */
	List<AgencyRecord> near(AgencyValues values) {
		List<String> domains = new ArrayList<>();
		if (values.websiteDomain() != null) {
			domains.add(values.websiteDomain());
		}
		values.emails().stream().map(EmailAddresses::ownDomain).filter(Objects::nonNull).forEach(domains::add);
		// the agencies of its name or trade name too: a name alone is matched by
		// them, and an agency known by a name alone by a row that says more (ADR 0059)
		NameForms forms = NameForms.of(values.nameKey(), values.tradeName());
		List<String> names = new ArrayList<>(2);
		if (!forms.nameKey().isEmpty()) {
			names.add(forms.nameKey());
		}
		if (!forms.tradeKey().isEmpty()) {
			names.add(forms.tradeKey());
		}
		boolean rekey = !keysFollowTheRules();
		return this.jdbc.sql("select " + COLUMNS + """
				 from agency
				where org_id = :org and status in ('ACTIVE', 'ARCHIVED')
				  and (siret = :siret or siren = :siren or emails && :emails::text[] or phones && :phones::text[]
				       or website_domain = any(:domains::text[])
				       or exists (select 1 from unnest(emails) e where split_part(e, '@', 2) = any(:domains::text[]))
				       or postcode = :postcode or city_key = :cityKey
				       or nullif(name_key, '') = any(:names::text[]))
				order by created_at, id""")
			.param("org", CurrentTenant.require().value())
			.param("siret", values.siret(), Types.VARCHAR)
			.param("siren", values.siren(), Types.VARCHAR)
			.param("emails", values.emails().toArray(String[]::new))
			.param("phones", values.phones().toArray(String[]::new))
			.param("domains", domains.toArray(String[]::new))
			.param("postcode", values.postcode(), Types.VARCHAR)
			.param("cityKey", values.cityKey(), Types.VARCHAR)
			.param("names", names.toArray(String[]::new))
			.query((rs, row) -> matchable(rs, rekey))
			.list();
	}

	private static AgencyRecord matchable(ResultSet rs, boolean rekey) throws SQLException {
		AgencyRecord agency = map(rs, true);
		if (rekey) {
			agency.nameKey = AgencyKeys.nameKey(agency.name, agency.nameKey, agency.city);
			agency.cityKey = AgencyKeys.cityKey(agency.city);
		}
		return agency;
	}

	/**
	 * Whether the current organisation's stored keys follow the key rules of this version
	 * ({@link AgencyKeys#RULES}).
	 */
	boolean keysFollowTheRules() {
		int rules = this.jdbc.sql("select rules from agency_key_version where org_id = :org")
			.param("org", CurrentTenant.require().value())
			.query(Integer.class)
			.optional()
			.orElse(0);
		return rules >= AgencyKeys.RULES;
	}

	static AgencyRecord map(ResultSet rs, boolean existing) throws SQLException {
		AgencyRecord agency = new AgencyRecord(rs.getObject("id", UUID.class), existing, rs.getString("name"),
				rs.getString("name_key"));
		agency.tradeName = rs.getString("trade_name");
		agency.siren = rs.getString("siren");
		agency.siret = rs.getString("siret");
		agency.naf = rs.getString("naf");
		agency.address = rs.getString("address");
		agency.postcode = rs.getString("postcode");
		agency.city = rs.getString("city");
		agency.cityKey = rs.getString("city_key");
		agency.department = rs.getString("department");
		agency.websiteDomain = rs.getString("website_domain");
		agency.emails.addAll(strings(rs.getArray("emails")));
		agency.phones.addAll(strings(rs.getArray("phones")));
		agency.specialty = rs.getString("specialty");
		agency.listingCount = (Integer) rs.getObject("listing_count");
		agency.revenueCents = (Long) rs.getObject("revenue_cents");
		agency.headcountBand = rs.getString("headcount_band");
		agency.tags.addAll(strings(rs.getArray("tags")));
		agency.source = rs.getString("source");
		return agency;
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

	static List<UUID> uuids(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((UUID[]) array.getArray());
	}

	/**
	 * The {@code COPY} of new agencies: several times cheaper than inserts for the
	 * import's thousands of rows per batch.
	 */
	CopyIn newAgencies(List<AgencyRecord> agencies, @Nullable UUID owner) {
		UUID org = CurrentTenant.require().value();
		CopyIn copy = new CopyIn("agency",
				"""
						org_id, id, name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key, department,
						website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band, tags, source,
						owner_id""");
		for (AgencyRecord agency : agencies) {
			copyRow(copy, org, agency, owner);
		}
		return copy.prepared();
	}

	/**
	 * One agency's row, in a method of its own: called for every new agency, it is
	 * compiled early and once, where inside the batch's loop it was compiled only after
	 * several imports, at great cost.
	 */
	private static void copyRow(CopyIn copy, UUID org, AgencyRecord a, @Nullable UUID owner) {
		copy.value(org)
			.value(a.id)
			.value(a.name)
			.value(a.nameKey)
			.value(a.tradeName)
			.value(a.siren)
			.value(a.siret)
			.value(a.naf)
			.value(a.address)
			.value(a.postcode)
			.value(a.city)
			.value(a.cityKey)
			.value(a.department)
			.value(a.websiteDomain)
			.array(a.emails)
			.array(a.phones)
			.value(a.specialty)
			.value(a.listingCount)
			.value(a.revenueCents)
			.value(a.headcountBand)
			.array(a.tags)
			.value(a.source)
			.value(owner)
			.endRow();
	}

	/**
	 * Values joined by the unit separator, empty for none (arrays of arrays cannot be
	 * ragged).
	 */
	private static String joined(java.util.Set<String> values) {
		return String.join("\u001f", values);
	}

	void update(List<AgencyRecord> agencies) {
		if (agencies.isEmpty()) {
			return;
		}
		UUID org = CurrentTenant.require().value();
		this.template.batchUpdate("""
				update agency set id = ?, name = ?, name_key = ?, trade_name = ?, siren = ?, siret = ?, naf = ?,
				  address = ?, postcode = ?, city = ?, city_key = ?, department = ?, website_domain = ?, emails = ?,
				  phones = ?, specialty = ?, listing_count = ?, revenue_cents = ?, headcount_band = ?, tags = ?,
				  source = ?, updated_at = now(), version = version + 1
				where org_id = ? and id = ?""", agencies, 500, (ps, agency) -> {
			int next = bind(ps, 1, agency);
			ps.setObject(next, org);
			ps.setObject(next + 1, agency.id);
		});
	}

	/**
	 * Fills the empty columns of agencies from what import rows gave them (each record
	 * gathers a batch's rows for one agency, first value first), by the rule of
	 * {@link AgencyRecord#fill}: a value already there stays, e-mails, phones and tags
	 * are unions in order. Only agencies that change are updated; ids the organisation
	 * does not have are left out.
	 * <p>
	 * One statement for the batch (ADR 0018): an insert whose every row meets its agency
	 * on the primary key, so that {@code ON CONFLICT DO UPDATE} applies the rule. The
	 * conflict is found through the primary key whatever the statistics say, where an
	 * {@code UPDATE} joining the batch to {@code agency} could read every agency of the
	 * organisation when its size was underestimated (ADR 0017), and one {@code UPDATE}
	 * per agency paid for setting the statement up each time. The existence check is a
	 * scalar sub-select, which the planner keeps as a primary-key look-up per row rather
	 * than turning it into a join.
	 */
	void fill(List<AgencyRecord> fills) {
		if (fills.isEmpty()) {
			return;
		}
		// each agency is locked as the upsert reaches it: in the order a merge locks its
		// two (ProspectMerges.lockedStatuses), or a merge that held one agency of the
		// batch could wait for another the batch held while the batch waited for it
		List<AgencyRecord> ordered = fills.stream().sorted(Comparator.comparing((agency) -> agency.id)).toList();
		fill(ordered, ordered.stream().map((agency) -> agency.id).toArray(UUID[]::new));
	}

	/**
	 * Fills agencies with the values of the records, each into the agency of the same
	 * index in {@code into}. An agency merged into another is left as it is: what it
	 * receives goes to its survivor ({@link #intoSurvivors}).
	 */
	private void fill(List<AgencyRecord> fills, UUID[] into) {
		int n = fills.size();
		UUID[] ids = into;
		String[][] text = new String[17][n];
		Integer[] listings = new Integer[n];
		Long[] revenues = new Long[n];
		String[] sources = new String[n];
		for (int i = 0; i < n; i++) {
			AgencyRecord a = fills.get(i);
			String[] values = { a.name, a.nameKey, a.tradeName, a.siren, a.siret, a.naf, a.address, a.postcode, a.city,
					a.cityKey, a.department, a.websiteDomain, joined(a.emails), joined(a.phones), a.specialty,
					a.headcountBand, joined(a.tags) };
			for (int c = 0; c < values.length; c++) {
				text[c][i] = values[c];
			}
			listings[i] = a.listingCount;
			revenues[i] = a.revenueCents;
			sources[i] = a.source;
		}
		this.jdbc
			.sql("""
					insert into agency as a (org_id, id, name, name_key, trade_name, siren, siret, naf, address, postcode,
					  city, city_key, department, website_domain, emails, phones, specialty, listing_count, revenue_cents,
					  headcount_band, tags, source)
					select :org, p.id, p.name, p.name_key, p.trade_name, p.siren, p.siret, p.naf, p.address, p.postcode,
					  p.city, p.city_key, p.department, p.website_domain,
					  coalesce(string_to_array(p.emails, chr(31)), '{}'), coalesce(string_to_array(p.phones, chr(31)), '{}'),
					  p.specialty, p.listing_count, p.revenue_cents, p.headcount_band,
					  coalesce(string_to_array(p.tags, chr(31)), '{}'), p.source
					from unnest(:ids::uuid[], :name::text[], :nameKey::text[], :tradeName::text[], :siren::text[],
					  :siret::text[], :naf::text[], :address::text[], :postcode::text[], :city::text[], :cityKey::text[],
					  :department::text[], :website::text[], :emails::text[], :phones::text[], :specialty::text[],
					  :listings::int[], :revenues::bigint[], :headcount::text[], :tags::text[], :sources::text[])
					  with ordinality
					  as p(id, name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key, department,
					    website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band, tags, source,
					    n)
					where (select true from agency x where x.id = p.id)
					order by p.n
					on conflict (org_id, id) do update set
					  name = case when a.name_key = '' and excluded.name_key <> '' then excluded.name else a.name end,
					  name_key = case when a.name_key = '' and excluded.name_key <> '' then excluded.name_key
					    else a.name_key end,
					  trade_name = coalesce(a.trade_name, excluded.trade_name),
					  siret = coalesce(a.siret, excluded.siret),
					  siren = coalesce(a.siren, excluded.siren),
					  naf = coalesce(a.naf, excluded.naf),
					  postcode = coalesce(a.postcode, excluded.postcode),
					  department = case when a.postcode is null and excluded.postcode is not null then excluded.department
					    else a.department end,
					  address = coalesce(a.address, excluded.address),
					  city = case when a.city is null and excluded.city is not null then excluded.city else a.city end,
					  city_key = case when a.city is null and excluded.city is not null then excluded.city_key
					    else a.city_key end,
					  website_domain = coalesce(a.website_domain, excluded.website_domain),
					  emails = case when a.emails @> excluded.emails or cardinality(a.emails) >= :listed then a.emails
					    else (a.emails || array(select e from unnest(excluded.emails) with ordinality as x(e, n)
					      where e <> all(a.emails) order by n))[1:(:listed)] end,
					  phones = case when a.phones @> excluded.phones or cardinality(a.phones) >= :listed then a.phones
					    else (a.phones || array(select e from unnest(excluded.phones) with ordinality as x(e, n)
					      where e <> all(a.phones) order by n))[1:(:listed)] end,
					  specialty = coalesce(a.specialty, excluded.specialty),
					  listing_count = coalesce(a.listing_count, excluded.listing_count),
					  revenue_cents = coalesce(a.revenue_cents, excluded.revenue_cents),
					  headcount_band = coalesce(a.headcount_band, excluded.headcount_band),
					  tags = case when a.tags @> excluded.tags or cardinality(a.tags) >= :listed then a.tags
					    else (a.tags || array(select e from unnest(excluded.tags) with ordinality as x(e, n)
					      where e <> all(a.tags) order by n))[1:(:listed)] end,
					  source = coalesce(a.source, excluded.source),
					  updated_at = now(), version = a.version + 1
					where a.status <> 'MERGED' and ((a.name_key = '' and excluded.name_key <> '')
					  or (a.trade_name is null and excluded.trade_name is not null)
					  or (a.siret is null and excluded.siret is not null) or (a.siren is null and excluded.siren is not null)
					  or (a.naf is null and excluded.naf is not null)
					  or (a.postcode is null and excluded.postcode is not null)
					  or (a.address is null and excluded.address is not null)
					  or (a.city is null and excluded.city is not null)
					  or (a.website_domain is null and excluded.website_domain is not null)
					  or (not a.emails @> excluded.emails and cardinality(a.emails) < :listed)
					  or (not a.phones @> excluded.phones and cardinality(a.phones) < :listed)
					  or (not a.tags @> excluded.tags and cardinality(a.tags) < :listed)
					  or (a.specialty is null and excluded.specialty is not null)
					  or (a.listing_count is null and excluded.listing_count is not null)
					  or (a.revenue_cents is null and excluded.revenue_cents is not null)
					  or (a.headcount_band is null and excluded.headcount_band is not null)
					  or (a.source is null and excluded.source is not null))""")
			.param("org", CurrentTenant.require().value())
			.param("ids", ids)
			.param("listed", AgencyRecord.LISTED)
			.params(columns(text, listings, revenues, sources))
			.update();
	}

	/**
	 * Sends what a batch gave agencies that a person merged into others while the import
	 * ran (its pool still held them as they were) to the agencies that absorbed them:
	 * their values, which {@link #fill} left out, and the contacts of their rows. They
	 * went into an agency nobody sees any more, and an unmerge, restoring it as it was,
	 * dropped them (ADR 0110). One look-up of the batch's agencies; nothing more unless
	 * one was merged.
	 */
	void intoSurvivors(List<AgencyRecord> fills, List<UUID> reached) {
		if (reached.isEmpty()) {
			return;
		}
		Map<UUID, UUID> survivors = survivors(reached);
		if (survivors.isEmpty()) {
			return;
		}
		// survivors in the order a merge locks agencies, as fill(...) does
		List<AgencyRecord> merged = fills.stream()
			.filter((fill) -> survivors.containsKey(fill.id))
			.sorted(Comparator.comparing((fill) -> survivors.get(fill.id)))
			.toList();
		for (AgencyRecord fill : merged) {
			// one by one: two of them may go to one survivor, which one upsert cannot
			// change twice
			fill(List.of(fill), new UUID[] { survivors.get(fill.id) });
		}
		survivors.forEach((absorbed, survivor) -> this.jdbc
			.sql("update contact set agency_id = :survivor where org_id = :org and agency_id = :absorbed")
			.param("survivor", survivor)
			.param("org", CurrentTenant.require().value())
			.param("absorbed", absorbed)
			.update());
	}

	/** The agencies among these that are merged into another, with that other. */
	/**
	 * The agency each of these that was merged away lives on in now, following a survivor
	 * merged into a third agency in turn (a few steps at most); the others are left out.
	 */
	Map<UUID, UUID> survivors(Collection<UUID> ids) {
		Map<UUID, UUID> survivors = survivorsOf(List.copyOf(ids));
		for (int step = 0; step < 8 && !survivors.isEmpty(); step++) {
			Map<UUID, UUID> further = survivorsOf(List.copyOf(new HashSet<>(survivors.values())));
			if (further.isEmpty()) {
				break;
			}
			survivors.replaceAll((absorbed, survivor) -> further.getOrDefault(survivor, survivor));
		}
		return survivors;
	}

	private Map<UUID, UUID> survivorsOf(List<UUID> ids) {
		Map<UUID, UUID> survivors = new HashMap<>();
		this.jdbc.sql("""
				select id, merged_into from agency
				where org_id = :org and id = any(:ids) and status = 'MERGED' and merged_into is not null""")
			.param("org", CurrentTenant.require().value())
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.forEach((entry) -> survivors.put(entry.getKey(), entry.getValue()));
		return survivors;
	}

	/** The column arrays of the fill. */
	private static Map<String, Object> columns(String[][] text, Integer[] listings, Long[] revenues, String[] sources) {
		String[] names = { "name", "nameKey", "tradeName", "siren", "siret", "naf", "address", "postcode", "city",
				"cityKey", "department", "website", "emails", "phones", "specialty", "headcount", "tags" };
		Map<String, Object> columns = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			columns.put(names[i], text[i]);
		}
		columns.put("listings", listings);
		columns.put("revenues", revenues);
		columns.put("sources", sources);
		return columns;
	}

	/** Binds the {@link #COLUMNS} from {@code index}; returns the next free index. */
	private static int bind(PreparedStatement ps, int index, AgencyRecord agency) throws SQLException {
		Connection connection = ps.getConnection();
		int i = index;
		ps.setObject(i++, agency.id);
		ps.setString(i++, agency.name);
		ps.setString(i++, agency.nameKey);
		ps.setString(i++, agency.tradeName);
		ps.setString(i++, agency.siren);
		ps.setString(i++, agency.siret);
		ps.setString(i++, agency.naf);
		ps.setString(i++, agency.address);
		ps.setString(i++, agency.postcode);
		ps.setString(i++, agency.city);
		ps.setString(i++, agency.cityKey);
		ps.setString(i++, agency.department);
		ps.setString(i++, agency.websiteDomain);
		ps.setArray(i++, connection.createArrayOf("text", agency.emails.toArray()));
		ps.setArray(i++, connection.createArrayOf("text", agency.phones.toArray()));
		ps.setString(i++, agency.specialty);
		if (agency.listingCount != null) {
			ps.setInt(i++, agency.listingCount);
		}
		else {
			ps.setNull(i++, Types.INTEGER);
		}
		if (agency.revenueCents != null) {
			ps.setLong(i++, agency.revenueCents);
		}
		else {
			ps.setNull(i++, Types.BIGINT);
		}
		ps.setString(i++, agency.headcountBand);
		ps.setArray(i++, connection.createArrayOf("text", agency.tags.toArray()));
		ps.setString(i++, agency.source);
		return i;
	}

	/**
	 * Puts an agency row back as a snapshot has it ({@code to_jsonb} of the row), every
	 * value; its version moves on from the current one (never back to the snapshot's,
	 * which a form opened before still holds: an edit from it must be refused as stale).
	 * @param table the table of the snapshot: {@code agency_merge} or
	 * {@code agency_row_detach}, by their fixed names only
	 */
	void restore(String table, String snapshot, UUID recordId, UUID agencyId) {
		this.jdbc.sql("""
				update agency a set (name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key,
				  department, website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band,
				  tags, status, owner_id, source, merged_into, created_at, updated_at, version) =
				  (select r.name, r.name_key, r.trade_name, r.siren, r.siret, r.naf, r.address, r.postcode, r.city,
				    r.city_key, r.department, r.website_domain, r.emails, r.phones, r.specialty, r.listing_count,
				    r.revenue_cents, r.headcount_band, r.tags, r.status, r.owner_id, r.source, r.merged_into,
				    r.created_at, now(), a.version + 1
				   from %s m, jsonb_populate_record(null::agency, m.%s) r
				   where m.org_id = :org and m.id = :record)
				where a.org_id = :org and a.id = :id""".formatted(table, snapshot))
			.param("org", CurrentTenant.require().value())
			.param("record", recordId)
			.param("id", agencyId)
			.update();
	}

	/**
	 * Gives a merge's survivor back its values of before the merge, except what it
	 * received since: a value that is no longer the one the merge left it with (kept in
	 * {@code survivor_after}) stays as it is now, and a list keeps the items added since
	 * (ADR 0112). Where nothing changed since, the survivor is restored exactly, as
	 * {@link #restore} does.
	 */
	void restoreSurvivor(UUID mergeId, UUID agencyId) {
		this.jdbc.sql("""
				update agency a set (name, name_key, trade_name, siren, siret, naf, address, postcode, city, city_key,
				  department, website_domain, emails, phones, specialty, listing_count, revenue_cents, headcount_band,
				  tags, status, owner_id, source, merged_into, created_at, updated_at, version) =
				  (select case when a.name is distinct from f.name then a.name else r.name end,
				    case when a.name is distinct from f.name then a.name_key else r.name_key end,
				    %s, %s, %s, %s, %s, %s,
				    case when a.city is distinct from f.city then a.city else r.city end,
				    case when a.city is distinct from f.city then a.city_key else r.city_key end,
				    %s, %s, %s, %s, %s, %s, %s, %s, %s,
				    r.status, %s, %s, r.merged_into, r.created_at, now(), a.version + 1
				   from agency_merge m, jsonb_populate_record(null::agency, m.survivor_snapshot) r,
				     jsonb_populate_record(null::agency, m.survivor_after) f
				   where m.org_id = :org and m.id = :merge)
				where a.org_id = :org and a.id = :id""".formatted(valueSince("trade_name"), valueSince("siren"),
				valueSince("siret"), valueSince("naf"), valueSince("address"), valueSince("postcode"),
				valueSince("department"), valueSince("website_domain"), listSince("emails"), listSince("phones"),
				valueSince("specialty"), valueSince("listing_count"), valueSince("revenue_cents"),
				valueSince("headcount_band"), listSince("tags"), valueSince("owner_id"), valueSince("source")))
			.param("org", CurrentTenant.require().value())
			.param("merge", mergeId)
			.param("id", agencyId)
			.update();
	}

	/**
	 * A list as the merge's survivor should have it back: the items it had before that
	 * are still there, then those added since, in their order of now.
	 */
	private static String listSince(String column) {
		return ("case when a.%1$s is distinct from f.%1$s then array(select x from unnest(a.%1$s) with ordinality u(x, i)"
				+ " where x = any(r.%1$s) or not x = any(f.%1$s) order by i) else r.%1$s end")
			.formatted(column);
	}

	private static String valueSince(String column) {
		return "case when a.%1$s is distinct from f.%1$s then a.%1$s else r.%1$s end".formatted(column);
	}

	AgencyRecord load(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from agency where org_id = :org and id = :id")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.query((rs, row) -> map(rs, true))
			.single();
	}

	void addSources(List<FieldSource> sources) {
		if (sources.isEmpty()) {
			return;
		}
		int n = sources.size();
		UUID[] ids = new UUID[n];
		UUID[] agencies = new UUID[n];
		String[] fields = new String[n];
		String[] values = new String[n];
		String[] kinds = new String[n];
		UUID[] jobs = new UUID[n];
		Integer[] rows = new Integer[n];
		UUID[] users = new UUID[n];
		UUID[] merges = new UUID[n];
		for (int i = 0; i < n; i++) {
			FieldSource source = sources.get(i);
			ids[i] = TimeOrderedIds.next();
			agencies[i] = source.agencyId();
			fields[i] = source.field();
			values[i] = source.value();
			kinds[i] = source.kind();
			jobs[i] = source.jobId();
			rows[i] = source.rowNumber();
			users[i] = source.userId();
			merges[i] = source.mergeId();
		}
		this.jdbc
			.sql("""
					insert into field_source (org_id, id, agency_id, field, value, kind, job_id, row_number, user_id, merge_id)
					select :org, t.* from unnest(:ids::uuid[], :agencies::uuid[], :fields::text[], :values::text[],
					  :kinds::text[], :jobs::uuid[], :rows::int[], :users::uuid[], :merges::uuid[]) as t""")
			.param("org", CurrentTenant.require().value())
			.param("ids", ids)
			.param("agencies", agencies)
			.param("fields", fields)
			.param("values", values)
			.param("kinds", kinds)
			.param("jobs", jobs)
			.param("rows", rows)
			.param("users", users)
			.param("merges", merges)
			.update();
	}

	/**
	 * The {@code COPY} of the people of the rows to their agencies, unless the agency
	 * already has that person (same e-mail, or same names): people repeated within the
	 * rows are dropped here by the same rule.
	 */
	CopyIn newContacts(List<NewContact> contacts) {
		UUID org = CurrentTenant.require().value();
		CopyIn copy = new CopyIn("contact",
				"org_id, id, agency_id, first_name, last_name, role, emails, phones, linkedin, name_words")
			.where("""
					not exists (select 1 from contact c where c.org_id = s.org_id and c.agency_id = s.agency_id
					  and (c.emails && s.emails or (lower(c.last_name) = lower(s.last_name)
					       and coalesce(lower(c.first_name), '') = coalesce(lower(s.first_name), ''))))""");
		Map<UUID, List<ContactValues>> added = new HashMap<>();
		for (NewContact contact : contacts) {
			ContactValues values = contact.values();
			List<ContactValues> people = added.computeIfAbsent(contact.agencyId(), (id) -> new ArrayList<>());
			if (people.stream().anyMatch((person) -> samePerson(person, values))) {
				continue;
			}
			people.add(values);
			copy.value(org)
				.value(TimeOrderedIds.next())
				.value(contact.agencyId())
				.value(values.firstName())
				.value(values.lastName())
				.value(values.role())
				.array(values.emails())
				.array(values.phones())
				.value(values.linkedin())
				// the name as the list's search reads it (ADR 0066)
				.value(ContactMatch.nameWords(values.firstName(), values.lastName()))
				.endRow();
		}
		return copy.prepared();
	}

	/** The rule of {@link #addContacts}'s SQL, for the people of one batch. */
	private static boolean samePerson(ContactValues a, ContactValues b) {
		if (a.emails().stream().anyMatch(b.emails()::contains)) {
			return true;
		}
		return a.lastName() != null && b.lastName() != null
				&& a.lastName().toLowerCase(Locale.ROOT).equals(b.lastName().toLowerCase(Locale.ROOT))
				&& lower(a.firstName()).equals(lower(b.firstName()));
	}

	private static String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

	/** The {@code COPY} of the review queue's possible duplicates. */
	CopyIn possibleDuplicates(List<PossibleDuplicate> duplicates, @Nullable UUID jobId) {
		UUID org = CurrentTenant.require().value();
		CopyIn copy = new CopyIn("duplicate_candidate", "org_id, id, agency_id, other_id, confidence, reasons, job_id")
			.onConflictDoNothing();
		for (PossibleDuplicate duplicate : duplicates) {
			copy.value(org)
				.value(TimeOrderedIds.next())
				.value(duplicate.agencyId())
				.value(duplicate.otherId())
				.value((float) duplicate.confidence())
				.value(String.join("|", duplicate.reasons()))
				.value(jobId)
				.endRow();
		}
		return copy.prepared();
	}

	record FieldSource(UUID agencyId, String field, String value, String kind, @Nullable UUID jobId,
			@Nullable Integer rowNumber, @Nullable UUID userId, @Nullable UUID mergeId) {
	}

	record NewContact(UUID agencyId, ContactValues values) {
	}

	record PossibleDuplicate(UUID agencyId, UUID otherId, double confidence, List<String> reasons) {
	}

}
