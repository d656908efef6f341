package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks cases that stayed in a state past its SLA and puts an alert on their timeline.
 * Runs with no tenant: a narrow security-definer function names the organisations with
 * overdue cases, then each is handled with its tenant bound. {@code for update skip
 * locked} lets several nodes run it at once without double alerts.
 */
@Component
public class SlaWatch {

	private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaWatch(JdbcClient jdbc, TransactionTemplate transactions, Timeline timeline, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${atlas.cases.sla-check-interval:PT1M}", initialDelayString = "PT30S")
	void scheduled() {
		check(this.clock.instant());
	}

	/** Marks every case whose SLA ended before {@code now}; returns how many. */
	public int check(Instant now) {
		List<OrgId> orgs = this.transactions.execute((tx) -> this.jdbc.sql("select * from atlas_cases_overdue_orgs(?)")
			.param(Timestamp.from(now))
			.query((rs, row) -> OrgId.of(rs.getObject(1, UUID.class)))
			.list());
		int breached = 0;
		for (OrgId org : orgs) {
			breached += CurrentTenant.callAs(org, () -> this.transactions.execute((tx) -> checkCurrent(now)));
		}
		if (breached > 0) {
			log.info("{} case(s) past their SLA", breached);
		}
		return breached;
	}

	private int checkCurrent(Instant now) {
		record Late(UUID id, String reference, String state, Instant dueAt) {
		}
		List<Late> late = this.jdbc.sql("""
				select id, reference, state, sla_due_at from case_file
				where sla_breached_at is null and sla_due_at < ? for update skip locked""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Late(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
		for (Late c : late) {
			this.jdbc.sql("update case_file set sla_breached_at = ? where id = ?")
				.params(Timestamp.from(now), c.id())
				.update();
			this.timeline.record(c.id(), "SLA_BREACH", null, now,
					Map.of("state", c.state(), "dueAt", c.dueAt().toString()));
			this.events.publishEvent(new CaseSlaBreached(CurrentTenant.require(), CaseId.of(c.id()), c.reference(),
					c.state(), c.dueAt()));
		}
		return late.size();
	}

}
