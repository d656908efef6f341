package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.atlas.cases.engine.StateDefinition;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of the north-star dashboard over a period [from, to): appointments planned (by
 * their start time, cancelled ones excluded), the no-show rate among appointments whose
 * outcome is known (HELD or NO_SHOW), and for each case type the conversion per stage: of
 * the cases opened in the period, how many ever reached each state. A final state after
 * the first (Perdu, Refusé) is a way out of the funnel, not a step of it: its stage says
 * so ({@code lost}).
 */
@Service
@Transactional(readOnly = true)
public class CaseReports {

	private final JdbcClient jdbc;

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	CaseReports(JdbcClient jdbc, CaseTypes caseTypes, Workflows workflows) {
		this.jdbc = jdbc;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
	}

	/**
	 * The report over a period. Named apart in the OpenAPI document: springdoc names a
	 * schema by its class's simple name, and Prospects' agency {@code Summary} took this
	 * one's place there (ADR 0118).
	 */
	@Schema(name = "CaseReportSummary")
	public record Summary(Instant from, Instant to, long casesOpened, long appointmentsPlanned, long appointmentsHeld,
			long noShows, @Nullable Double noShowRate, List<Conversion> conversion, List<Delay> delays,
			List<Breakdown> byAgent, List<Breakdown> bySource) {
	}

	/**
	 * Hours between two steps of buyer leads opened in the period: median and 90th
	 * percentile.
	 */
	public record Delay(String name, long cases, @Nullable Double medianHours, @Nullable Double p90Hours) {
	}

	/**
	 * Cases opened in the period by assignee ({@code key} = user id, or null) or by
	 * source: how many, how many reached their type's success state (the first final
	 * state of its workflow: WON, CLIENT, ACCEPTE…), and how many appointments they
	 * planned in the period, of which how many were no-shows; the appointments of a key
	 * with no case opened in the period make a row of their own.
	 */
	public record Breakdown(@Nullable String key, long opened, long won, @Nullable Double winRate,
			long appointmentsPlanned, long noShows) {
	}

	public record Conversion(String caseType, long opened, List<Stage> stages) {
	}

	/**
	 * How many of the cases opened reached a state; {@code lost} for a final state other
	 * than the success (the first final state): the cases that left the funnel there.
	 */
	public record Stage(String state, long reached, @Nullable Double rate, boolean lost) {
	}

	public Summary summary(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		// a rescheduled appointment is not held at its time: the one planned in its place
		// counts, so that a moved visit is not two planned ones
		var appointments = this.jdbc.sql("""
				select count(*) filter (where coalesce(outcome, '') not in ('CANCELLED', 'RESCHEDULED')),
				       count(*) filter (where outcome = 'HELD'),
				       count(*) filter (where outcome = 'NO_SHOW')
				from case_appointment where starts_at >= :from and starts_at < :to""")
			.param("from", f)
			.param("to", t)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		long planned = appointments[0];
		long held = appointments[1];
		long noShows = appointments[2];
		Double noShowRate = (held + noShows > 0) ? round((double) noShows / (held + noShows)) : null;
		Map<String, Long> opened = new HashMap<>();
		this.jdbc.sql("""
				select case_type, count(*) from case_file where created_at >= :from and created_at < :to
				group by case_type""")
			.param("from", f)
			.param("to", t)
			.query((rs, row) -> opened.put(rs.getString(1), rs.getLong(2)))
			.list();
		// a case a migration moved into a state has reached it as surely as by a
		// transition
		Map<String, Map<String, Long>> reached = new HashMap<>();
		this.jdbc.sql("""
				select c.case_type, e.payload ->> 'to', count(distinct c.id)
				from case_file c join case_event e on e.org_id = c.org_id and e.case_id = c.id
				where c.created_at >= :from and c.created_at < :to and e.kind in ('CREATED', 'TRANSITION', 'MIGRATION')
				group by 1, 2""")
			.param("from", f)
			.param("to", t)
			.query((rs, row) -> reached.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
				.put(rs.getString(2), rs.getLong(3)))
			.list();
		List<Conversion> conversion = new ArrayList<>();
		for (CaseType type : this.caseTypes.all()) {
			long count = opened.getOrDefault(type.key(), 0L);
			Map<String, Long> byState = reached.getOrDefault(type.key(), Map.of());
			List<Stage> stages = new ArrayList<>();
			boolean successSeen = false;
			for (StateDefinition state : this.workflows.current(type.key()).definition().states()) {
				long n = byState.getOrDefault(state.key(), 0L);
				boolean lost = state.terminal() && successSeen;
				successSeen |= state.terminal();
				stages.add(new Stage(state.key(), n, (count > 0) ? round((double) n / count) : null, lost));
			}
			conversion.add(new Conversion(type.key(), count, stages));
		}
		long total = opened.values().stream().mapToLong(Long::longValue).sum();
		List<String> success = new ArrayList<>();
		for (CaseType type : this.caseTypes.all()) {
			this.workflows.current(type.key())
				.definition()
				.states()
				.stream()
				.filter(StateDefinition::terminal)
				.findFirst()
				.ifPresent((state) -> success.add(type.key() + "/" + state.key()));
		}
		return new Summary(from, to, total, planned, held, noShows, noShowRate, conversion, delays(f, t),
				breakdown("c.assignee_id::text", f, t, success), breakdown("c.source", f, t, success));
	}

	private List<Delay> delays(Timestamp from, Timestamp to) {
		String qualified = """
				with q as (
				  select c.id, c.created_at, min(e.occurred_at) as qualified_at
				  from case_file c join case_event e on e.org_id = c.org_id and e.case_id = c.id
				  where c.case_type = 'LEAD_ACHAT' and c.created_at >= :from and c.created_at < :to
				    and e.kind = 'TRANSITION' and e.payload ->> 'to' = 'QUALIFIED'
				  group by c.id, c.created_at)
				""";
		Delay toQualified = delay("leadToQualified",
				qualified
						+ """
								select count(*), percentile_cont(0.5) within group (order by extract(epoch from qualified_at - created_at)),
								       percentile_cont(0.9) within group (order by extract(epoch from qualified_at - created_at))
								from q""",
				from, to);
		Delay toAppointment = delay("qualifiedToAppointment",
				qualified
						+ """
								, a as (
								  select q.id, q.qualified_at, min(a.created_at) as planned_at
								  from q join case_appointment a on a.case_id = q.id and a.created_at >= q.qualified_at
								  group by q.id, q.qualified_at)
								select count(*), percentile_cont(0.5) within group (order by extract(epoch from planned_at - qualified_at)),
								       percentile_cont(0.9) within group (order by extract(epoch from planned_at - qualified_at))
								from a""",
				from, to);
		return List.of(toQualified, toAppointment);
	}

	private Delay delay(String name, String sql, Timestamp from, Timestamp to) {
		return this.jdbc.sql(sql).param("from", from).param("to", to).query((rs, row) -> {
			double median = rs.getDouble(2);
			boolean none = rs.wasNull();
			double p90 = rs.getDouble(3);
			return new Delay(name, rs.getLong(1), none ? null : hours(median), none ? null : hours(p90));
		}).single();
	}

	private List<Breakdown> breakdown(String column, Timestamp from, Timestamp to, List<String> success) {
		Map<String, Long> appointmentsBy = new HashMap<>();
		Map<String, Long> noShowsBy = new HashMap<>();
		this.jdbc
			.sql("select " + column
					+ """
							, count(*), count(*) filter (where a.outcome = 'NO_SHOW') from case_appointment a join case_file c on c.org_id = a.org_id and c.id = a.case_id
							where a.starts_at >= :from and a.starts_at < :to and coalesce(a.outcome, '') not in ('CANCELLED', 'RESCHEDULED')
							group by 1""")
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> {
				appointmentsBy.put(String.valueOf(rs.getString(1)), rs.getLong(2));
				return noShowsBy.put(String.valueOf(rs.getString(1)), rs.getLong(3));
			})
			.list();
		List<Breakdown> rows = new ArrayList<>(this.jdbc
			.sql("select " + column
					+ """
							, count(*), count(*) filter (where c.closed_at is not null and c.case_type || '/' || c.state = any(:success))
							from case_file c where c.created_at >= :from and c.created_at < :to
							group by 1 order by 2 desc, 1""")
			.param("from", from)
			.param("to", to)
			.param("success", success.toArray(String[]::new))
			.query((rs, row) -> {
				String key = rs.getString(1);
				long count = rs.getLong(2);
				long won = rs.getLong(3);
				return new Breakdown(key, count, won, (count > 0) ? round((double) won / count) : null,
						appointmentsBy.getOrDefault(String.valueOf(key), 0L),
						noShowsBy.getOrDefault(String.valueOf(key), 0L));
			})
			.list());
		// an agent or a source with appointments in the period but no case opened in it
		// has a row too: without it the rows' appointments did not add up to the total
		Set<String> listed = new HashSet<>();
		rows.forEach((row) -> listed.add(String.valueOf(row.key())));
		appointmentsBy.keySet()
			.stream()
			.filter((key) -> !listed.contains(key))
			.sorted()
			.forEach((key) -> rows.add(new Breakdown(key.equals("null") ? null : key, 0, 0, null,
					appointmentsBy.get(key), noShowsBy.getOrDefault(key, 0L))));
		return rows;
	}

	private static double hours(double seconds) {
		return Math.round(seconds / 360.0) / 10.0;
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
