package fr.atlas.cases.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import fr.atlas.cases.AppointmentChanged;
import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseTaskChanged;
import fr.atlas.cases.internal.Appointment.Outcome;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.web.RefusesUnknownProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks and appointments of a case. Each change goes onto the case's timeline and is
 * audited.
 */
@Service
@Transactional
public class CaseWork {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	CaseWork(JdbcClient jdbc, Cases cases, Timeline timeline, ApplicationEventPublisher events, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.cases = cases;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A task to add; {@code remindAt} defaults to the due date (no due date and no
	 * reminder: nobody is reminded).
	 */
	@RefusesUnknownProperties
	public record NewTask(@Nullable String title, @Nullable Instant dueAt, @Nullable UUID assigneeId,
			@Nullable Instant remindAt) {

		public NewTask(@Nullable String title, @Nullable Instant dueAt, @Nullable UUID assigneeId) {
			this(title, dueAt, assigneeId, null);
		}

	}

	@RefusesUnknownProperties
	public record NewAppointment(@Nullable String title, @Nullable Instant startsAt, @Nullable Instant endsAt,
			@Nullable String place, @Nullable List<String> participants) {
	}

	/**
	 * The longest appointment: a visit, a call, a signature or a day of open house fits
	 * in a day; what is longer is a period of work, a task with a due date.
	 */
	static final Duration MAX_APPOINTMENT = Duration.ofHours(24);

	/**
	 * The longest title of a task or an appointment, as a case's; the longest place and
	 * participant; the most participants. Kept whole, a title, place or participant of
	 * megabytes went into the timeline, the invitations and the calendar feeds (ADR
	 * 0104).
	 */
	static final int TITLE_MOST = 200;

	static final int PLACE_MOST = 500;

	static final int PARTICIPANT_MOST = 200;

	static final int PARTICIPANTS_MOST = 50;

	@Transactional(readOnly = true)
	public List<CaseTask> tasks(UUID caseId) {
		this.cases.require(caseId);
		return this.jdbc
			.sql("""
					select id, case_id, title, due_at, remind_at, reminded_at, assignee_id, done_at, created_at from case_task
					where case_id = ? order by done_at nulls first, due_at nulls last, created_at""")
			.param(caseId)
			.query(CaseWork::task)
			.list();
	}

	public CaseTask addTask(UUID caseId, NewTask command, Actor actor) {
		this.cases.require(caseId);
		String title = (command.title() != null) ? command.title().trim() : "";
		if (title.isEmpty()) {
			throw new InvalidInputException("title", "field.required");
		}
		if (title.length() > TITLE_MOST) {
			throw new InvalidInputException("title", "field.too-long", TITLE_MOST);
		}
		// a task for nobody of the organisation would remind nobody
		this.cases.checkAssignee(command.assigneeId());
		if (command.remindAt() != null && command.dueAt() != null && command.remindAt().isAfter(command.dueAt())) {
			// a reminder tells the assignee that a task falls due: one after the due date
			// came when it was already late, so it is refused rather than moved, as the
			// member meant some other time and only they know which (docs/cases.md)
			throw new InvalidInputException("remindAt", "task.remind-after-due");
		}
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into case_task (org_id, id, case_id, title, due_at, remind_at, assignee_id, created_by, created_at)
					values (:org, :id, :case, :title, :due, :remind, :assignee, :author, :now)""")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.param("case", caseId)
			.param("title", title)
			.param("due", (command.dueAt() != null) ? Timestamp.from(command.dueAt()) : null)
			.param("remind", (command.remindAt() != null) ? Timestamp.from(command.remindAt()) : null)
			.param("assignee", command.assigneeId())
			.param("author", (actor.userId() != null) ? actor.userId().value() : null)
			.param("now", Timestamp.from(now))
			.update();
		this.timeline.record(caseId, "TASK", actor.userId(), now,
				Map.of("change", "created", "taskId", id.toString(), "title", title));
		this.events.publishEvent(new CaseTaskChanged(CurrentTenant.require(), CaseId.of(caseId), id, "created", title));
		return task(caseId, id);
	}

	public CaseTask completeTask(UUID caseId, UUID taskId, Actor actor) {
		return completeTask(caseId, taskId, actor, this.clock.instant());
	}

	/** The same, done at {@code now}: the demo's history completes tasks in the past. */
	CaseTask completeTask(UUID caseId, UUID taskId, Actor actor, Instant now) {
		CaseTask task = task(caseId, taskId);
		if (task.done()) {
			return task;
		}
		int completed = this.jdbc
			.sql("update case_task set done_at = :now, done_by = :by where id = :id and done_at is null")
			.param("now", Timestamp.from(now))
			.param("by", (actor.userId() != null) ? actor.userId().value() : null)
			.param("id", taskId)
			.update();
		if (completed == 0) {
			// completed by a request that ran at the same time: it wrote the timeline
			// entry and the event, so this one answers the task as it is, as when it
			// was already done
			return task(caseId, taskId);
		}
		this.timeline.record(caseId, "TASK", actor.userId(), now,
				Map.of("change", "completed", "taskId", taskId.toString(), "title", task.title()));
		this.events.publishEvent(
				new CaseTaskChanged(CurrentTenant.require(), CaseId.of(caseId), taskId, "completed", task.title()));
		return task(caseId, taskId);
	}

	@Transactional(readOnly = true)
	public List<Appointment> appointments(UUID caseId) {
		this.cases.require(caseId);
		return this.jdbc.sql("""
				select id, case_id, title, starts_at, ends_at, place, participants, outcome, outcome_at, created_at
				from case_appointment where case_id = ? order by starts_at""")
			.param(caseId)
			.query(CaseWork::appointment)
			.list();
	}

	/** The first instant the API does not read: the year 10000. */
	private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

	public Appointment schedule(UUID caseId, NewAppointment command, Actor actor) {
		return schedule(caseId, command, actor, this.clock.instant());
	}

	public Appointment schedule(UUID caseId, NewAppointment command, Actor actor, Instant now) {
		this.cases.require(caseId);
		List<FieldProblem> problems = new ArrayList<>();
		String title = (command.title() != null) ? command.title().trim() : "";
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "field.required"));
		}
		else if (title.length() > TITLE_MOST) {
			problems.add(new FieldProblem("title", "field.too-long", TITLE_MOST));
		}
		if (command.place() != null && command.place().trim().length() > PLACE_MOST) {
			problems.add(new FieldProblem("place", "field.too-long", PLACE_MOST));
		}
		List<String> given = (command.participants() != null) ? command.participants() : List.of();
		for (int i = 0; i < given.size(); i++) {
			if (given.get(i) != null && given.get(i).trim().length() > PARTICIPANT_MOST) {
				problems.add(new FieldProblem("participants[" + i + "]", "field.too-long", PARTICIPANT_MOST));
			}
		}
		if (given.size() > PARTICIPANTS_MOST) {
			problems.add(new FieldProblem("participants", "field.too-many", PARTICIPANTS_MOST));
		}
		if (command.startsAt() == null) {
			problems.add(new FieldProblem("startsAt", "field.required"));
		}
		Instant ends = (command.endsAt() != null) ? command.endsAt()
				: (command.startsAt() != null) ? command.startsAt().plusSeconds(3600) : null;
		if (command.startsAt() != null && ends != null && !ends.isAfter(command.startsAt())) {
			// an appointment of no length was shown in calendars as a point, at best
			problems.add(new FieldProblem("endsAt", "appointment.ends-before-start"));
		}
		else if (command.startsAt() != null && ends != null
				&& Duration.between(command.startsAt(), ends).compareTo(MAX_APPOINTMENT) > 0) {
			// a visit or a call lasting a year (an end typed with the wrong year) filled
			// the assignee's calendar feed for a year and counted as one appointment
			problems.add(new FieldProblem("endsAt", "appointment.too-long", MAX_APPOINTMENT.toHours()));
		}
		else if (ends != null && !ends.isBefore(YEAR_10000)) {
			// the API reads no time past the year 9999, but the hour an end left out
			// adds could reach it: the appointment was then answered with an end of
			// "+10000-01-01T00:00:00Z" that clients cannot read, and its member's whole
			// calendar feed with a DTEND no calendar takes (ADR 0118)
			problems.add(new FieldProblem((command.endsAt() != null) ? "endsAt" : "startsAt",
					"appointment.ends-after-year-9999"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		String[] participants = (command.participants() != null)
				? command.participants().stream().map(String::trim).filter((p) -> !p.isEmpty()).toArray(String[]::new)
				: new String[0];
		this.jdbc.sql("""
				insert into case_appointment (org_id, id, case_id, title, starts_at, ends_at, place, participants,
				    created_by, created_at)
				values (:org, :id, :case, :title, :starts, :ends, :place, :participants, :author, :now)""")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.param("case", caseId)
			.param("title", title)
			.param("starts", Timestamp.from(command.startsAt()))
			.param("ends", Timestamp.from(ends))
			.param("place", command.place())
			.param("participants", participants)
			.param("author", (actor.userId() != null) ? actor.userId().value() : null)
			.param("now", Timestamp.from(now))
			.update();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("change", "scheduled");
		payload.put("appointmentId", id.toString());
		payload.put("title", title);
		payload.put("startsAt", command.startsAt().toString());
		if (command.place() != null) {
			payload.put("place", command.place());
		}
		this.timeline.record(caseId, "APPOINTMENT", actor.userId(), now, payload);
		this.events
			.publishEvent(new AppointmentChanged(CurrentTenant.require(), CaseId.of(caseId), id, "scheduled", title));
		return appointment(caseId, id);
	}

	public Appointment recordOutcome(UUID caseId, UUID appointmentId, @Nullable String outcome, Actor actor) {
		return recordOutcome(caseId, appointmentId, outcome, actor, this.clock.instant());
	}

	public Appointment recordOutcome(UUID caseId, UUID appointmentId, @Nullable String outcome, Actor actor,
			Instant now) {
		Appointment appointment = appointment(caseId, appointmentId);
		if (outcome == null || outcome.isBlank()) {
			// left out: said so, where "invalid" sent a client to look for a wrong value
			throw new InvalidInputException("outcome", "field.required");
		}
		Outcome parsed;
		try {
			parsed = Outcome.valueOf(String.valueOf(outcome).trim().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("outcome", "appointment.outcome.invalid");
		}
		if (appointment.outcome() != null) {
			throw new ConflictException("appointment.outcome.already-recorded", appointment.outcome().name());
		}
		// whether it was held or missed is known from its hour on: said before, it would
		// count in the month's no-show rate for good
		if ((parsed == Outcome.HELD || parsed == Outcome.NO_SHOW) && appointment.startsAt().isAfter(now)) {
			throw new InvalidInputException("outcome", "appointment.outcome.not-yet");
		}
		// the row is only changed while it has no outcome: two requests at once (two
		// members, a double click) both read none, and only one outcome may be recorded,
		// on the timeline and in the reports
		int recorded = this.jdbc
			.sql("update case_appointment set outcome = :outcome, outcome_at = :now where id = :id and outcome is null")
			.param("outcome", parsed.name())
			.param("now", Timestamp.from(now))
			.param("id", appointmentId)
			.update();
		if (recorded == 0) {
			Outcome recordedMeanwhile = appointment(caseId, appointmentId).outcome();
			throw new ConflictException("appointment.outcome.already-recorded",
					(recordedMeanwhile != null) ? recordedMeanwhile.name() : parsed.name());
		}
		this.timeline.record(caseId, "APPOINTMENT", actor.userId(), now, Map.of("change", "outcome", "appointmentId",
				appointmentId.toString(), "title", appointment.title(), "outcome", parsed.name()));
		this.events.publishEvent(new AppointmentChanged(CurrentTenant.require(), CaseId.of(caseId), appointmentId,
				"outcome-" + parsed.name().toLowerCase(), appointment.title()));
		return appointment(caseId, appointmentId);
	}

	/**
	 * The iCalendar invitation of an appointment, its outcome named in the reader's
	 * language.
	 */
	@Transactional(readOnly = true)
	public String invitation(UUID caseId, UUID appointmentId) {
		CaseFile caseFile = this.cases.require(caseId);
		return AppointmentInvitation.ics(appointment(caseId, appointmentId), caseFile, this.clock.instant(),
				outcomeLabels(this.messages, LocaleContextHolder.getLocale()));
	}

	static Function<Outcome, String> outcomeLabels(MessageSource messages, Locale locale) {
		return (outcome) -> messages.getMessage("cases.outcome." + outcome.name(), null, outcome.name(), locale);
	}

	/** A task of the case, as created tasks are addressed ({@code Location}). */
	@Transactional(readOnly = true)
	public CaseTask task(UUID caseId, UUID taskId) {
		return this.jdbc
			.sql("""
					select id, case_id, title, due_at, remind_at, reminded_at, assignee_id, done_at, created_at from case_task
					where case_id = ? and id = ?""")
			.params(caseId, taskId)
			.query(CaseWork::task)
			.optional()
			.orElseThrow(() -> new NotFoundException("Tâche"));
	}

	/** An appointment of the case, as scheduled ones are addressed ({@code Location}). */
	@Transactional(readOnly = true)
	public Appointment appointment(UUID caseId, UUID appointmentId) {
		return this.jdbc.sql("""
				select id, case_id, title, starts_at, ends_at, place, participants, outcome, outcome_at, created_at
				from case_appointment where case_id = ? and id = ?""")
			.params(caseId, appointmentId)
			.query(CaseWork::appointment)
			.optional()
			.orElseThrow(() -> new NotFoundException("Rendez-vous"));
	}

	private static CaseTask task(ResultSet rs, int row) throws SQLException {
		return new CaseTask(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("title"),
				instant(rs, "due_at"), instant(rs, "remind_at"), instant(rs, "reminded_at"),
				rs.getObject("assignee_id", UUID.class), instant(rs, "done_at"),
				rs.getTimestamp("created_at").toInstant());
	}

	static Appointment appointment(ResultSet rs, int row) throws SQLException {
		Array participants = rs.getArray("participants");
		String outcome = rs.getString("outcome");
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("place"), Arrays.asList((String[]) participants.getArray()),
				(outcome != null) ? Outcome.valueOf(outcome) : null, instant(rs, "outcome_at"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
