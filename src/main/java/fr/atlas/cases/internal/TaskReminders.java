package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseTaskReminderTriggered;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the assignee of an open task (else the case's assignee) when the task's
 * reminder, or its due date when it has none, has passed. Runs with no tenant, as
 * {@link SlaWatch}: a narrow security-definer function names the organisations with
 * reminders due, then each is handled with its tenant bound. The task is marked reminded
 * in the transaction that publishes the reminder, under {@code for update skip locked},
 * so a reminder fires once even with several nodes; the notification itself is written
 * after commit by {@code CaseNotifications}.
 */
@Component
public class TaskReminders {

	private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskReminders(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${atlas.cases.reminder-check-interval:PT1M}", initialDelayString = "PT40S")
	void scheduled() {
		remind(this.clock.instant());
	}

	/** Sends every reminder due at {@code now}; returns how many tasks were reminded. */
	public int remind(Instant now) {
		List<OrgId> orgs = this.transactions.execute((tx) -> this.jdbc.sql("select * from atlas_cases_reminder_orgs(?)")
			.param(Timestamp.from(now))
			.query((rs, row) -> OrgId.of(rs.getObject(1, UUID.class)))
			.list());
		int reminded = 0;
		for (OrgId org : orgs) {
			reminded += CurrentTenant.callAs(org, () -> this.transactions.execute((tx) -> remindCurrent(now)));
		}
		if (reminded > 0) {
			log.info("{} task reminder(s) sent", reminded);
		}
		return reminded;
	}

	private int remindCurrent(Instant now) {
		record Due(UUID id, UUID caseId, String reference, String title, @Nullable UUID recipient, Instant remindAt,
				@Nullable Instant dueAt) {
		}
		List<Due> due = this.jdbc.sql("""
				select t.id, t.case_id, c.reference, t.title, coalesce(t.assignee_id, c.assignee_id),
				    coalesce(t.remind_at, t.due_at), t.due_at
				from case_task t join case_file c on c.org_id = t.org_id and c.id = t.case_id
				where t.done_at is null and t.reminded_at is null and coalesce(t.remind_at, t.due_at) <= ?
				for update of t skip locked""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(),
					(rs.getTimestamp(7) != null) ? rs.getTimestamp(7).toInstant() : null))
			.list();
		for (Due task : due) {
			this.jdbc.sql("update case_task set reminded_at = ? where id = ?")
				.params(Timestamp.from(now), task.id())
				.update();
			if (task.recipient() != null) { // nobody to remind: marked all the same, not
											// retried forever
				this.events.publishEvent(new CaseTaskReminderTriggered(CurrentTenant.require(),
						CaseId.of(task.caseId()), task.reference(), task.id(), task.title(),
						UserId.of(task.recipient()), task.remindAt(), task.dueAt()));
			}
		}
		return due.size();
	}

}
