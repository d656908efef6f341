package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page tells about the pipeline: the north star of the current month
 * (appointments planned, cancelled ones left out, and the no-show rate among those with a
 * known outcome, as {@link CaseReports} counts them), and the member's own work. Each
 * count is the one the case list gives for the filters of its link
 * ({@link Cases.CaseQuery}): cases, not tasks, since that list shows cases.
 */
@Service
@Transactional(readOnly = true)
public class CaseCounts {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseCounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Counts(long appointmentsThisMonth, @Nullable Double noShowRateThisMonth, long myOpenCases,
			long myCasesWithOverdueTasks, long slaBreached) {
	}

	public Counts current(UserId member) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, PARIS);
		ZonedDateTime monthStart = today.withDayOfMonth(1).atStartOfDay(PARIS);
		UUID org = CurrentTenant.require().value();
		return this.jdbc
			.sql("""
					select (select count(*) filter (where coalesce(outcome, '') not in ('CANCELLED', 'RESCHEDULED')) from case_appointment
					        where org_id = :org and starts_at >= :from and starts_at < :to),
					       (select count(*) filter (where outcome = 'NO_SHOW') from case_appointment
					        where org_id = :org and starts_at >= :from and starts_at < :to),
					       (select count(*) filter (where outcome in ('HELD', 'NO_SHOW')) from case_appointment
					        where org_id = :org and starts_at >= :from and starts_at < :to),
					       (select count(*) from case_file
					        where org_id = :org and closed_at is null and assignee_id = :member),
					       (select count(distinct c.id) from case_task t join case_file c on c.org_id = t.org_id and c.id = t.case_id
					        where t.org_id = :org and t.done_at is null and t.due_at < :now
					          and coalesce(t.assignee_id, c.assignee_id) = :member),
					       (select count(*) from case_file
					        where org_id = :org and closed_at is null and sla_breached_at is not null)""")
			.param("org", org)
			.param("member", member.value())
			.param("from", Timestamp.from(monthStart.toInstant()))
			.param("to", Timestamp.from(monthStart.plusMonths(1).toInstant()))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> {
				long noShows = rs.getLong(2);
				long known = rs.getLong(3);
				return new Counts(rs.getLong(1), (known > 0) ? (double) noShows / known : null, rs.getLong(4),
						rs.getLong(5), rs.getLong(6));
			})
			.single();
	}

}
