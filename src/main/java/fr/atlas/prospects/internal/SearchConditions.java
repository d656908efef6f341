package fr.atlas.prospects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.function.Supplier;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL conditions of a search of agencies: what {@link ProspectSearch} reads of a
 * {@link ProspectQuery}'s filters, and the filters it cannot read.
 */
@Component
class SearchConditions {

	/** Before a work's key in the list's filter: the agencies that have it not going. */
	private static final String WITHOUT = "no-";

	/** The most words of a search read one by one; a longer text is read as written. */
	private static final int MAX_WORDS = 6;

	/** A text that is a domain name alone: "agencedulac.fr", "orpi-gare.immo". */
	private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}");

	private final JdbcClient jdbc;

	private final AgencyWorks works;

	SearchConditions(JdbcClient jdbc, AgencyWorks works) {
		this.jdbc = jdbc;
		this.works = works;
	}

	/**
	 * The query's filters as SQL. Every filter it cannot read is said at once, not the
	 * first alone: a member who typed two wrong values corrects both in one go.
	 * @throws InvalidInputException for the filters and the order the list cannot read
	 */
	Where where(ProspectQuery query) {
		StringBuilder sql = new StringBuilder("a.org_id = ?");
		List<Object> args = new ArrayList<>();
		args.add(CurrentTenant.require().value());
		List<FieldProblem> problems = new ArrayList<>();
		String status = reading(problems, query::wantedStatus);
		// an unknown order is said before anything is read or written (an export)
		reading(problems, query::orderBy);
		if (!"ALL".equals(status)) {
			sql.append(" and a.status = ?");
			args.add(status);
		}
		if (query.department() != null && !query.department().isBlank()) {
			String department = query.department().strip().toUpperCase(Locale.ROOT);
			sql.append(" and a.department = any(?)");
			// Corsica's postcodes still start with 20, the number people give its two
			// departments
			args.add(department.equals("20") ? new String[] { "2A", "2B", "20" } : new String[] { department });
		}
		if (query.city() != null && !query.city().isBlank()) {
			sql.append(" and a.city_key = ?");
			args.add(TownKey.of(query.city()));
		}
		if (query.specialty() != null && !query.specialty().isBlank()) {
			Optional<Specialty> named = Specialty.named(query.specialty());
			if (named.isPresent()) {
				sql.append(" and a.specialty = any(?)");
				args.add(textsReading("specialty", (text) -> Specialty.in(text).contains(named.get())));
			}
			else {
				sql.append(" and a.specialty = ?");
				args.add(query.specialty().strip().toLowerCase(Locale.ROOT));
			}
		}
		String postcode = (query.postcode() != null) ? query.postcode().replaceAll("\\s", "") : "";
		if (!postcode.isEmpty()) {
			sql.append(" and a.postcode like ?");
			args.add(likeLiteral(postcode) + "%");
		}
		if (query.tag() != null && !query.tag().isBlank()) {
			sql.append(" and exists (select from unnest(a.tags) t where lower(t) = lower(?))");
			args.add(query.tag().strip());
		}
		checking(problems, () -> reachable(query.reachable(), sql));
		// the revenue before the listings: their problems are said in the form's order
		if (query.minRevenue() != null && !query.minRevenue().isBlank()) {
			sql.append(" and a.revenue_cents >= ?");
			args.add(reading(problems, () -> revenueCents(query.minRevenue())));
		}
		String minListings = (query.minListings() != null) ? query.minListings().replaceAll("\\s", "") : "";
		if (!minListings.isEmpty()) {
			sql.append(" and a.listing_count >= ?");
			args.add(reading(problems, () -> count(minListings)));
		}
		if (query.source() != null && !query.source().isBlank()) {
			sql.append(" and lower(a.source) = lower(?)");
			args.add(query.source().strip());
		}
		headcount(query.headcount(), sql, args);
		checking(problems, () -> work(query.work(), sql, args));
		String owner = (query.owner() != null) ? query.owner().strip() : "";
		if (owner.equalsIgnoreCase("none")) {
			sql.append(" and a.owner_id is null");
		}
		else if (!owner.isEmpty()) {
			sql.append(" and a.owner_id = ?");
			args.add(reading(problems, () -> uuid(owner, "owner", "prospects.filter.owner")));
		}
		String q = CleanText.of(query.q());
		IdentifierSearch identifier = (q != null) ? IdentifierSearch.of(q, CurrentTenant.require().value()) : null;
		if (identifier != null) {
			sql.append(" and (" + identifier.condition() + ")");
			args.addAll(identifier.args());
		}
		else if (q != null) {
			String digits = q.replaceAll("[\\s.]", "");
			String key = NameKey.of(q);
			String text = "%" + likeLiteral(q) + "%";
			// punctuation alone has no name key: it must not match every name. lower()
			// and LIKE is what ILIKE does in UTF-8, without lowering the pattern again
			// for every agency (a tenth of the scan)
			ContactMatch contacts = ContactMatch.of(q);
			// a trade name has no folded key: "laforet" finds the enseigne "Laforêt"
			String tradeName = AccentBlindPattern.of(q);
			// "orpi thonon", "century 21 annecy": a brand and a town, or words of the
			// name out of their order, each found in the name, the town or the trade
			// name (a file's "Raison sociale" is often "SARL Dupont", its brand in
			// "Enseigne" alone)
			List<String> words = List.of(key.split(" "));
			boolean byWords = words.size() > 1 && words.size() <= MAX_WORDS;
			String eachWord = byWords ? "("
					+ String.join(" and ",
							Collections.nCopies(words.size(),
									"((a.name_key || ' ' || coalesce(a.city_key, '')) like ? or a.trade_name ~* ?)"))
					+ ") or " : "";
			// "agencedulac.fr": the domain of the agency's e-mails, as of its website
			String domain = DOMAIN.matcher(q.toLowerCase(Locale.ROOT)).matches() ? q.toLowerCase(Locale.ROOT) : null;
			String byDomain = (domain != null) ? " or exists (select 1 from unnest(a.emails) e where e like ?)" : "";
			sql.append(" and (" + (key.isEmpty() ? "" : "a.name_key like ? or ") + eachWord
					+ "lower(a.name) like lower(?) or "
					+ ((tradeName != null) ? "a.trade_name ~* ?" : "lower(a.trade_name) like lower(?)")
					+ " or a.siret = ? or a.siren = ?"
					+ " or a.emails @> array[?::text] or a.website_domain = ? or a.website_domain like ?" + byDomain
					+ " or a.phones @> array[?::text]"
					// the people of the agency (a merged agency's are its survivor's):
					// uncorrelated, one pass over the organisation's contacts whose ids
					// the scan of its agencies then looks up, not a probe per agency
					+ " or a.id in (select c.agency_id from contact c where c.org_id = ? and " + contacts.condition()
					+ "))");
			if (!key.isEmpty()) {
				args.add("%" + likeLiteral(key) + "%");
			}
			if (byWords) {
				words.forEach((word) -> {
					args.add("%" + likeLiteral(word) + "%");
					String pattern = AccentBlindPattern.of(word);
					// a word of no letter or digit finds no trade name
					args.add((pattern != null) ? pattern : "(?!)");
				});
			}
			args.add(text);
			args.add((tradeName != null) ? tradeName : text);
			args.add(digits);
			args.add(digits);
			args.add(q.toLowerCase(Locale.ROOT));
			args.add(q.toLowerCase(Locale.ROOT));
			// a network's site finds its agencies' pages ("century21.fr/agence/…")
			args.add(likeLiteral(q.toLowerCase(Locale.ROOT)) + "/%");
			if (domain != null) {
				args.add("%@" + likeLiteral(domain));
			}
			args.add(PhoneNumbers.normalise(q).get().map(PhoneNumbers.Phone::e164).orElse(""));
			args.add(CurrentTenant.require().value());
			args.addAll(contacts.args());
		}
		String from = "from agency a";
		UUID importId = (query.importId() != null && !query.importId().isBlank())
				? reading(problems, () -> uuid(query.importId(), "importId", "prospects.filter.import")) : null;
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (importId != null) {
			// The agencies the import's rows ended in (each written batch lists them,
			// RecordedRows), each then read by its key. Written so on purpose: right
			// after a large import the statistics do not know the organisation's new
			// agencies yet, and a join or an IN let the planner scan them all once per
			// listed id (minutes). A repeat's agencies are the earlier import's (ADR
			// 0055). So are the agencies made of its rows that a person detached (ADR
			// 0092).
			from = "from (select unnest(c.prospects) as id from import_row_chunk c"
					+ " join import_job j on j.org_id = c.org_id and c.job_id = coalesce(j.repeat_of, j.id)"
					+ " where c.org_id = ? and j.id = ?" + " union select d.agency_id from agency_row_detach d"
					+ " join import_job j on j.org_id = d.org_id and d.job_id = coalesce(j.repeat_of, j.id)"
					+ " where d.org_id = ? and j.id = ? and d.undone_at is null) i"
					+ " cross join lateral (select * from agency x where x.org_id = ? and x.id = i.id offset 0) a";
			UUID org = CurrentTenant.require().value();
			args.addAll(0, List.of(org, importId, org, importId, org));
		}
		return new Where(from + " where " + sql, args, q != null);
	}

	/**
	 * What a filter's reader gives, or nothing when it cannot read the filter: its
	 * problems are then added to the others', for {@link #where} to say them together.
	 */
	private static <T> @Nullable T reading(List<FieldProblem> problems, Supplier<T> reader) {
		try {
			return reader.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	/** The same for a reader that writes its filter's SQL itself. */
	private static void checking(List<FieldProblem> problems, Runnable reader) {
		try {
			reader.run();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
	}

	/**
	 * The organisation's texts of a column that its reader takes as wanted: the specialty
	 * texts that name a specialty (ADR 0040), the headcount texts whose range meets the
	 * filter's (ADR 0042). An organisation's files write few distinct ones, so they are
	 * read once here, in Java, by the same reader as the API's {@code specialties} and
	 * {@code headcount}.
	 */
	private String[] textsReading(String column, Predicate<String> wanted) {
		return this.jdbc
			.sql("select distinct " + column + " from agency where org_id = :org and " + column + " is not null")
			.param("org", org())
			.query(String.class)
			.list()
			.stream()
			.filter(wanted)
			.toArray(String[]::new);
	}

	/**
	 * The agencies whose headcount text reads as a range sharing a number with the
	 * filter's ({@code 12}, {@code 10-19}, {@code 250+}); a filter that is no range is
	 * compared with the stored text (ADR 0042).
	 */
	private void headcount(@Nullable String filter, StringBuilder sql, List<Object> args) {
		if (filter == null || filter.isBlank()) {
			return;
		}
		// "250+" written as is in a query string arrives as "250 ": a plus is a space
		// there
		String wanted = filter.matches("\\d+\\s+") ? filter.strip() + "+" : filter;
		Optional<Headcount> range = Headcount.in(wanted);
		if (range.isPresent()) {
			sql.append(" and a.headcount_band = any(?)");
			args.add(textsReading("headcount_band",
					(text) -> Headcount.in(text).filter((read) -> read.overlaps(range.get())).isPresent()));
		}
		else {
			sql.append(" and lower(a.headcount_band) = lower(?)");
			args.add(filter.strip());
		}
	}

	/**
	 * The agencies that have another module's work going, or with {@code no-} those that
	 * have not: the module names them (a few thousand ids at most, an open case each).
	 */
	private void work(@Nullable String work, StringBuilder sql, List<Object> args) {
		String wanted = (work != null) ? work.strip() : "";
		if (wanted.isEmpty()) {
			return;
		}
		boolean without = wanted.startsWith(WITHOUT);
		String key = without ? wanted.substring(WITHOUT.length()) : wanted;
		UUID[] going = this.works.offered(key)
			.orElseThrow(() -> new InvalidInputException("work", "prospects.filter.work", wanted))
			.going()
			.toArray(UUID[]::new);
		sql.append(without ? " and a.id <> all(?)" : " and a.id = any(?)");
		args.add(going);
	}

	/**
	 * The agencies one can reach a given way. Mobiles are the French ones (+33 6, +33 7),
	 * stored in E.164 like every phone.
	 */
	private static void reachable(@Nullable String reachable, StringBuilder sql) {
		String wanted = (reachable != null) ? reachable.strip().toLowerCase(Locale.ROOT) : "";
		switch (wanted) {
			case "" -> {
			}
			case "email" -> sql.append(" and cardinality(a.emails) > 0");
			case "phone" -> sql.append(" and cardinality(a.phones) > 0");
			case "mobile" ->
				sql.append(" and exists (select from unnest(a.phones) p where p like '+336%' or p like '+337%')");
			case "none" -> sql.append(" and cardinality(a.emails) = 0 and cardinality(a.phones) = 0");
			default -> throw new InvalidInputException("reachable", "prospects.filter.reachable");
		}
	}

	private static int count(String digits) {
		if (!digits.matches("[0-9]{1,9}")) {
			throw new InvalidInputException("minListings", "prospects.filter.min-listings");
		}
		return Integer.parseInt(digits);
	}

	/** An amount in euros as files write it ("500 000", "500 k€", "1,5 M€"), in cents. */
	private static long revenueCents(String amount) {
		BigDecimal euros = FrenchNumbers.parse(amount).value();
		if (euros == null || euros.signum() < 0 || euros.compareTo(new BigDecimal("1e15")) > 0) {
			throw new InvalidInputException("minRevenue", "prospects.filter.min-revenue");
		}
		return euros.movePointRight(2).setScale(0, RoundingMode.CEILING).longValue();
	}

	/** Text matched as itself in a LIKE pattern (backslash is PostgreSQL's escape). */
	static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static UUID uuid(String value, String field, String code) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, code);
		}
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/** The {@code from … where …} part of a search of agencies (alias {@code a}). */
	record Where(String sql, List<Object> args, boolean textSearch) {
	}

}
