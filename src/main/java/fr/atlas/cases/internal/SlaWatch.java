package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.cases.CaseSlaEscalated;
import fr.atlas.cases.engine.SlaCalendar;
import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.Workflow;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks cases that stayed in a state past its SLA and puts an alert on their timeline;
 * then escalates the late cases still there when their state's {@code escalateAfter}
 * (counted in the organisation's working hours from the SLA deadline) has run out: the
 * managers are told and the timeline says so, once per stay in a state. Runs with no
 * tenant: narrow security-definer functions name the organisations with overdue cases or
 * escalations due, then each is handled with its tenant bound. {@code for no key update
 * skip locked} lets several nodes run it at once without double alerts, and a unique key
 * per case, state and entry time makes a second escalation impossible. It is no
 * {@code for update}: that conflicts with the key-share lock a transaction takes on a
 * case while it writes a row referring to it (a notification of its assignment), and the
 * watch passed such a case by until its next run.
 */
@Component
public class SlaWatch {

	private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Workflows workflows;

	private final OrganisationWorkingHours workingHours;

	private final Members members;

	SlaWatch(JdbcClient jdbc, TransactionTemplate transactions, Timeline timeline, ApplicationEventPublisher events,
			Clock clock, Workflows workflows, OrganisationWorkingHours workingHours, Members members) {
		this.members = members;
		this.workflows = workflows;
		this.workingHours = workingHours;
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

	/**
	 * Marks every case whose SLA ended before {@code now}, then escalates those due;
	 * returns how many cases were marked late.
	 */
	public int check(Instant now) {
		int breached = markBreaches(now);
		escalate(now);
		return breached;
	}

	/**
	 * Escalates every late case whose escalation was due before {@code now}; returns how
	 * many.
	 */
	public int escalate(Instant now) {
		List<OrgId> orgs = this.transactions
			.execute((tx) -> this.jdbc.sql("select * from atlas_cases_escalation_orgs(?)")
				.param(Timestamp.from(now))
				.query((rs, row) -> OrgId.of(rs.getObject(1, UUID.class)))
				.list());
		int escalated = 0;
		for (OrgId org : orgs) {
			escalated += CurrentTenant.callAs(org, () -> this.transactions.execute((tx) -> escalateCurrent(now)));
		}
		if (escalated > 0) {
			log.info("{} late case(s) escalated", escalated);
		}
		return escalated;
	}

	private int markBreaches(Instant now) {
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
		record Late(UUID id, String reference, String caseType, int version, String state, Instant dueAt) {
		}
		List<Late> late = this.jdbc.sql("""
				select id, reference, case_type, workflow_version, state, sla_due_at from case_file
				where sla_breached_at is null and sla_due_at < ? for no key update skip locked""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Late(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
		SlaCalendar calendar = this.workingHours.current();
		for (Late c : late) {
			Optional<StateDefinition> state = this.workflows.engine(c.caseType(), c.version())
				.definition()
				.state(c.state());
			Instant escalation = state.map((definition) -> Workflow.escalationDueAt(definition, c.dueAt(), calendar))
				.orElse(null);
			this.jdbc.sql("update case_file set sla_breached_at = ?, sla_escalation_due_at = ? where id = ?")
				.params(Timestamp.from(now), (escalation != null) ? Timestamp.from(escalation) : null, c.id())
				.update();
			this.timeline.record(c.id(), "SLA_BREACH", null, now,
					Map.of("state", c.state(), "dueAt", c.dueAt().toString()));
			this.events.publishEvent(new CaseSlaBreached(CurrentTenant.require(), CaseId.of(c.id()), c.reference(),
					c.state(), c.dueAt(), state.map(StateDefinition::labels).orElse(Map.of())));
		}
		return late.size();
	}

	private int escalateCurrent(Instant now) {
		record Due(UUID id, String reference, String caseType, int version, String state, Instant enteredAt,
				Instant slaDueAt) {
		}
		List<Due> due = this.jdbc.sql("""
				select id, reference, case_type, workflow_version, state, state_entered_at, sla_due_at from case_file
				where sla_escalation_due_at < ? and sla_breached_at is not null and closed_at is null
				for no key update skip locked""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
			.list();
		int managers = (int) this.members.active().stream().filter((m) -> m.has(Role.MANAGER)).count();
		int escalated = 0;
		for (Due c : due) {
			this.jdbc.sql("update case_file set sla_escalation_due_at = null where id = ?").param(c.id()).update();
			int inserted = this.jdbc
				.sql("""
						insert into case_sla_escalation (org_id, id, case_id, state, state_entered_at, escalated_at, notified)
						values (:org, :id, :case, :state, :entered, :now, :notified)
						on conflict (org_id, case_id, state, state_entered_at) do nothing""")
				.param("org", CurrentTenant.require().value())
				.param("id", UUID.randomUUID())
				.param("case", c.id())
				.param("state", c.state())
				.param("entered", Timestamp.from(c.enteredAt()))
				.param("now", Timestamp.from(now))
				.param("notified", managers)
				.update();
			if (inserted == 0) {
				continue; // this stay was escalated already
			}
			this.timeline.record(c.id(), "SLA_ESCALATION", null, now,
					Map.of("state", c.state(), "dueAt", c.slaDueAt().toString(), "managers", managers));
			Map<String, String> labels = this.workflows.engine(c.caseType(), c.version())
				.definition()
				.state(c.state())
				.map(StateDefinition::labels)
				.orElse(Map.of());
			this.events.publishEvent(new CaseSlaEscalated(CurrentTenant.require(), CaseId.of(c.id()), c.reference(),
					c.state(), c.slaDueAt(), now, labels));
			escalated++;
		}
		return escalated;
	}

}
