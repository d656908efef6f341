package fr.atlas.prospects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of possible duplicates: the open pairs of two active agencies, most
 * certain first, how many wait and for which reasons.
 */
@Service
@Transactional(readOnly = true)
public class DuplicateQueue {

	/**
	 * Keeps, when {@code :reason} is given, the pairs one of whose reasons has that code.
	 */
	private static final String WITH_REASON = """
			  and (cast(:reason as text) is null
			    or exists (select from unnest(string_to_array(d.reasons, '|')) r where split_part(r, ':', 1) = :reason))
			""";

	/**
	 * The organisation's ({@code :org}) open possible duplicates between two active
	 * agencies, {@code d} with its agencies {@code a} and {@code o}. Each agency is read
	 * by its key, kept apart by {@code offset 0} with its status checked outside: as a
	 * join, statistics that did not know the organisation yet made it a join of its
	 * agencies with themselves (minutes after a first large import, ADR 0023). The review
	 * queue and the home page's count share it.
	 */
	static final String OPEN_DUPLICATES = """
			from duplicate_candidate d
			cross join lateral (select a.name, a.postcode, a.city, a.status from agency a
			                    where a.org_id = d.org_id and a.id = d.agency_id offset 0) a
			cross join lateral (select o.name, o.postcode, o.city, o.status from agency o
			                    where o.org_id = d.org_id and o.id = d.other_id offset 0) o
			where d.org_id = :org and d.status = 'OPEN' and a.status = 'ACTIVE' and o.status = 'ACTIVE'
			""";

	private final JdbcClient jdbc;

	DuplicateQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open possible duplicates between two active agencies, most likely first. */
	public List<Duplicate> duplicates(@Nullable UUID of, int limit) {
		return duplicates(of, limit, 0);
	}

	/**
	 * The open possible duplicates, most certain first, from the {@code offset}-th: the
	 * queue of a large import holds tens of thousands.
	 */
	public List<Duplicate> duplicates(@Nullable UUID of, int limit, long offset) {
		return duplicates(of, null, limit, offset);
	}

	/**
	 * The open possible duplicates, most certain first, from the {@code offset}-th; those
	 * an import found when {@code job} is given.
	 */
	public List<Duplicate> duplicates(@Nullable UUID of, @Nullable UUID job, int limit, long offset) {
		return duplicates(of, job, null, limit, offset);
	}

	/**
	 * The same, of the pairs one of whose reasons is {@code reason} (its code, without a
	 * score: {@code phone}, {@code name}) when it is given.
	 */
	public List<Duplicate> duplicates(@Nullable UUID of, @Nullable UUID job, @Nullable String reason, int limit,
			long offset) {
		return this.jdbc.sql("""
				select d.id, d.agency_id, a.name as agency_name, a.postcode as agency_postcode, a.city as agency_city,
				  d.other_id, o.name as other_name, o.postcode as other_postcode, o.city as other_city,
				  d.confidence, d.reasons
				""" + OPEN_DUPLICATES + """
				  and (cast(:of as uuid) is null or d.agency_id = :of or d.other_id = :of)
				  and (cast(:job as uuid) is null or d.job_id = :job)
				""" + WITH_REASON + """
				order by d.confidence desc, d.created_at, d.id limit :limit offset :offset""")
			.param("org", org())
			.param("of", of)
			.param("job", job)
			.param("reason", reason)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new Duplicate(rs.getObject("id", UUID.class),
					new Side(rs.getObject("agency_id", UUID.class), rs.getString("agency_name"),
							rs.getString("agency_postcode"), rs.getString("agency_city")),
					new Side(rs.getObject("other_id", UUID.class), rs.getString("other_name"),
							rs.getString("other_postcode"), rs.getString("other_city")),
					confidence(rs), split(rs.getString("reasons"))))
			.list();
	}

	/** How many open possible duplicates an import found that are still to review. */
	public long duplicatesOf(UUID job) {
		return duplicateCount(job, null);
	}

	/**
	 * How many open possible duplicates wait, of one import's when {@code job} is given,
	 * with the reason {@code reason} when it is.
	 */
	public long duplicateCount(@Nullable UUID job, @Nullable String reason) {
		return this.jdbc
			.sql("select count(*) " + OPEN_DUPLICATES + " and (cast(:job as uuid) is null or d.job_id = :job) "
					+ WITH_REASON)
			.param("org", org())
			.param("job", job)
			.param("reason", reason)
			.query(Long.class)
			.single();
	}

	/**
	 * The reasons of the open possible duplicates (of one import's when {@code job} is
	 * given), each with how many pairs give it, the most frequent first: what the queue
	 * can be narrowed to.
	 */
	public List<ReasonCount> duplicateReasons(@Nullable UUID job) {
		return this.jdbc.sql("select split_part(r, ':', 1), count(*) from (select d.reasons " + OPEN_DUPLICATES
				+ " and (cast(:job as uuid) is null or d.job_id = :job)) p"
				+ " cross join unnest(string_to_array(p.reasons, '|')) r where r <> '' group by 1 order by 2 desc, 1")
			.param("org", org())
			.param("job", job)
			.query((rs, row) -> new ReasonCount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** A reason of the review queue, and how many of its pairs give it. */
	public record ReasonCount(String code, long pairs) {
	}

	/**
	 * A pair's confidence as it was worked out (0.8), not as the {@code real} column's
	 * binary value widens to a double (0.800000011920929), which the driver sends once
	 * the statement is prepared on the server (its sixth run on a connection).
	 */
	private static double confidence(ResultSet rs) throws SQLException {
		return Double.parseDouble(Float.toString(rs.getFloat("confidence")));
	}

	private static List<String> split(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split("\\|"));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	public record Side(UUID id, String name, @Nullable String postcode, @Nullable String city) {

		public String displayName() {
			return NameDisplay.of(this.name);
		}

		public @Nullable String displayCity() {
			return NameDisplay.town(this.city);
		}

	}

	public record Duplicate(UUID id, Side agency, Side other, double confidence, List<String> reasons) {
	}

}
