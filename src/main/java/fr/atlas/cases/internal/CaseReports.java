package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.engine.StateDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of the north-star dashboard over a period [from, to): appointments planned (by
 * their start time, cancelled ones excluded), the no-show rate among appointments whose
 * outcome is known (HELD or NO_SHOW), and for each case type the conversion per stage: of
 * the cases opened in the period, how many ever reached each state.
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

	public record Summary(Instant from, Instant to, long casesOpened, long appointmentsPlanned, long appointmentsHeld,
			long noShows, @Nullable Double noShowRate, List<Conversion> conversion) {
	}

	public record Conversion(String caseType, long opened, List<Stage> stages) {
	}

	public record Stage(String state, long reached, @Nullable Double rate) {
	}

	public Summary summary(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		var appointments = this.jdbc.sql("""
				select count(*) filter (where outcome is distinct from 'CANCELLED'),
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
		Map<String, Map<String, Long>> reached = new HashMap<>();
		this.jdbc.sql("""
				select c.case_type, e.payload ->> 'to', count(distinct c.id)
				from case_file c join case_event e on e.org_id = c.org_id and e.case_id = c.id
				where c.created_at >= :from and c.created_at < :to and e.kind in ('CREATED', 'TRANSITION')
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
			for (StateDefinition state : this.workflows.current(type.key()).definition().states()) {
				long n = byState.getOrDefault(state.key(), 0L);
				stages.add(new Stage(state.key(), n, (count > 0) ? round((double) n / count) : null));
			}
			conversion.add(new Conversion(type.key(), count, stages));
		}
		long total = opened.values().stream().mapToLong(Long::longValue).sum();
		return new Summary(from, to, total, planned, held, noShows, noShowRate, conversion);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
