package fr.atlas.cases.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.function.Function;
import fr.atlas.cases.engine.DefinitionProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.atlas.cases.AssigneeNotificationRequested;
import fr.atlas.cases.CaseAssigned;
import fr.atlas.cases.CaseAssigneeChanged;
import fr.atlas.cases.CaseCreated;
import fr.atlas.cases.CaseDeleted;
import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseNoteAdded;
import fr.atlas.cases.CaseStateChanged;
import fr.atlas.cases.CaseUpdated;
import fr.atlas.cases.CaseWorkflowEventEmitted;
import fr.atlas.cases.CasesMigrated;
import fr.atlas.cases.MemberMentioned;
import fr.atlas.cases.engine.AssignmentPolicy.Choice;
import fr.atlas.cases.engine.Decision;
import fr.atlas.cases.engine.Decision.Move;
import fr.atlas.cases.engine.Decision.Refusal;
import fr.atlas.cases.engine.EntryAction;
import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.Workflow;
import fr.atlas.cases.engine.WorkingHours;
import fr.atlas.cases.engine.WorkflowValidation;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, edits and moves the current organisation's cases. State only changes
 * through the case's workflow version ({@link Workflow#decide}); every change is written
 * with a version check, recorded on the timeline and published as an audited event in the
 * same transaction.
 */
@Service
@Transactional
public class Cases {

	static final String COLUMNS = """
			id, reference, case_type, workflow_version, state, title, assignee_id, team_id,
			(select t.name from case_team t where t.org_id = case_file.org_id and t.id = case_file.team_id) as team_name,
			priority, due_date, fields, tags, source, state_entered_at, sla_due_at, sla_breached_at, closed_at,
			created_at, updated_at, version""";

	static final Set<String> PRIORITIES = Set.of("LOW", "NORMAL", "HIGH", "URGENT");

	public static final Set<String> SOURCES = Set.of("FORM", "IMPORT", "API", "PORTAL", "MANUAL", "DEMO");

	/**
	 * The most tags a case has, and the longest tag: as many as an agency lists, and as
	 * long as a specialty an assignment rule matches them with (ADR 0104).
	 */
	static final int TAGS_MOST = 50;

	static final int TAG_MOST = 50;

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	private final CaseJson json;

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	private final Timeline timeline;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CasesProperties properties;

	private final CaseAssignment assignment;

	private final OrganisationWorkingHours workingHours;

	private final RoleWords roleWords;

	static final Pattern MENTION = Pattern.compile("(?<![\\p{L}0-9.])@([\\p{L}0-9._-]+)");

	Cases(JdbcClient jdbc, CaseJson json, CaseTypes caseTypes, Workflows workflows, Timeline timeline, Members members,
			ApplicationEventPublisher events, Clock clock, CasesProperties properties, CaseAssignment assignment,
			OrganisationWorkingHours workingHours, RoleWords roleWords) {
		this.roleWords = roleWords;
		this.assignment = assignment;
		this.workingHours = workingHours;
		this.properties = properties;
		this.jdbc = jdbc;
		this.json = json;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.timeline = timeline;
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	@RefusesUnknownProperties
	public record NewCase(@Nullable String caseType, @Nullable String title, @Nullable UUID assigneeId,
			@Nullable String priority, @Nullable LocalDate dueDate, @Nullable Map<String, Object> fields,
			@Nullable List<String> tags, @Nullable String source, @Nullable UUID teamId) {

		public NewCase(@Nullable String caseType, @Nullable String title, @Nullable UUID assigneeId,
				@Nullable String priority, @Nullable LocalDate dueDate, @Nullable Map<String, Object> fields,
				@Nullable List<String> tags, @Nullable String source) {
			this(caseType, title, assigneeId, priority, dueDate, fields, tags, source, null);
		}

	}

	/**
	 * What the list and the API filter on. {@code open}: {@code true} for the cases not
	 * yet in a terminal state, {@code false} for the closed ones, {@code null} for both;
	 * {@code slaBreached}: only the cases past their deadline; {@code overdueTasksOf}:
	 * only the cases with an unfinished task past due that falls to this member (the
	 * task's assignee, else the case's), as the home page counts them.
	 */
	public record CaseQuery(@Nullable String caseType, @Nullable String state, @Nullable UUID assigneeId,
			@Nullable UUID teamId, @Nullable String text, @Nullable Boolean open, boolean slaBreached,
			@Nullable UUID overdueTasksOf, int page, int size, CaseSort sort) {

		public CaseQuery(@Nullable String caseType, @Nullable String state, @Nullable UUID assigneeId,
				@Nullable UUID teamId, @Nullable String text, @Nullable Boolean open, boolean slaBreached,
				@Nullable UUID overdueTasksOf, int page, int size) {
			this(caseType, state, assigneeId, teamId, text, open, slaBreached, overdueTasksOf, page, size,
					CaseSort.NEWEST);
		}

		public CaseQuery(@Nullable String caseType, @Nullable String state, @Nullable UUID assigneeId,
				@Nullable UUID teamId, @Nullable String text, int page, int size) {
			this(caseType, state, assigneeId, teamId, text, null, false, null, page, size);
		}

	}

	public record CasePage(List<CaseFile> items, int page, int size, long total) {
	}

	public CaseFile create(NewCase command, Actor actor) {
		return create(command, actor, this.clock);
	}

	/**
	 * Opens a case as one of many opened together by one operation ({@code batch}): its
	 * assignee is told once for the batch, not once a case.
	 */
	public CaseFile createInBatch(NewCase command, Actor actor, UUID batch) {
		return create(command, actor, this.clock, batch);
	}

	/** Opens a case at the time of the given clock (demo data backdates cases). */
	public CaseFile create(NewCase command, Actor actor, Clock at) {
		return create(command, actor, at, null);
	}

	private CaseFile create(NewCase command, Actor actor, Clock at, @Nullable UUID batch) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = (command.title() != null) ? command.title().trim() : "";
		if (command.caseType() == null || command.caseType().isBlank()) {
			problems.add(new FieldProblem("caseType", "field.required"));
		}
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", "field.required"));
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "field.too-long", 200));
		}
		String priority = (command.priority() != null) ? command.priority().trim().toUpperCase() : "NORMAL";
		if (!PRIORITIES.contains(priority)) {
			problems.add(new FieldProblem("priority", "case.priority.invalid", String.join(", ", PRIORITIES)));
		}
		String source = (command.source() != null) ? command.source().trim().toUpperCase() : "API";
		if (!SOURCES.contains(source)) {
			problems.add(new FieldProblem("source", "case.source.invalid", String.join(", ", SOURCES)));
		}
		checkTags(command.tags(), problems);
		// every problem of the request at once, not the next one after each correction
		CaseType type = null;
		if (command.caseType() != null && !command.caseType().isBlank()) {
			type = this.caseTypes.find(command.caseType().trim()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("caseType", "case.type.unknown", command.caseType()));
			}
		}
		Map<String, Object> fields = Map.of();
		if (type != null) {
			try {
				fields = type.fields().apply(Map.of(), (command.fields() != null) ? command.fields() : Map.of());
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		collect(problems, () -> checkAssignee(command.assigneeId()), () -> checkTeam(command.teamId()));
		if (!problems.isEmpty() || type == null) {
			throw new InvalidInputException(problems);
		}
		// No assignee given: the type's assignment rules decide, else the
		// default strategy.
		Optional<Choice> byRule = (command.assigneeId() == null)
				? this.assignment.byRules(type.key(), fields, List.of(tags(command.tags())), source) : Optional.empty();
		UUID assignee = byRule.map(Choice::assignee)
			.orElseGet(() -> (command.assigneeId() == null && this.properties.autoAssign())
					? this.assignment.byDefault(this.properties.autoAssignStrategy()).orElse(null)
					: command.assigneeId());
		WorkflowVersion version = this.workflows.current(type.key());
		Workflow workflow = Workflow.of(version.definition(), at, this.workingHours.current());
		Move start = workflow.start();
		Instant now = start.enteredAt();
		UUID id = UUID.randomUUID();
		String reference = nextReference(type, now);
		this.jdbc
			.sql("""
					insert into case_file (org_id, id, case_type, workflow_version, state, reference, title, assignee_id,
					    team_id, priority, due_date, fields, tags, source, state_entered_at, sla_due_at, created_by, created_at, updated_at)
					values (:org, :id, :type, :version, :state, :reference, :title, :assignee, :team, :priority, :due,
					    :fields::jsonb, :tags, :source, :now, :sla, :author, :now, :now)""")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.param("type", type.key())
			.param("version", version.version())
			.param("state", start.target().key())
			.param("reference", reference)
			.param("title", title)
			.param("assignee", assignee)
			.param("team", command.teamId())
			.param("priority", priority)
			.param("due", (command.dueDate() != null) ? Date.valueOf(command.dueDate()) : null)
			.param("fields", this.json.write(fields))
			.param("tags", tags(command.tags()))
			.param("source", source)
			.param("now", Timestamp.from(now))
			.param("sla", timestamp(start.slaDueAt()))
			.param("author", userId(actor))
			.update();
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("to", start.target().key());
		created.put("reference", reference);
		created.put("title", title);
		byRule.ifPresent((choice) -> created.put("assignmentRule", choice.rule()));
		if (command.teamId() != null) {
			created.put("teamId", command.teamId().toString());
		}
		this.timeline.record(id, "CREATED", actor.userId(), now, created);
		this.events.publishEvent(new CaseCreated(CurrentTenant.require(), CaseId.of(id), type.key(), reference,
				start.target().key(), type.labels(), start.target().labels()));
		byRule.ifPresent((choice) -> this.events.publishEvent(new CaseAssigned(CurrentTenant.require(), CaseId.of(id),
				reference, UserId.of(choice.assignee()), choice.rule())));
		if (assignee != null) {
			this.events.publishEvent(new CaseAssigneeChanged(CurrentTenant.require(), CaseId.of(id), reference,
					UserId.of(assignee), actor.userId(), now, batch));
		}
		runEntryActions(id, type.key(), start.target(), start.enteredAt());
		return require(id);
	}

	@Transactional(readOnly = true)
	public Optional<CaseFile> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_file where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public CaseFile require(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("Dossier"));
	}

	@Transactional(readOnly = true)
	public CasePage search(CaseQuery query) {
		int size = Math.min(Math.max(query.size(), 1), 500);
		int page = Math.max(query.page(), 0);
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.caseType() != null && !query.caseType().isBlank()) {
			where.append(" and case_type = :type");
			params.put("type", query.caseType());
		}
		if (query.state() != null && !query.state().isBlank()) {
			where.append(" and state = :state");
			params.put("state", query.state());
		}
		if (query.assigneeId() != null) {
			where.append(" and assignee_id = :assignee");
			params.put("assignee", query.assigneeId());
		}
		if (query.teamId() != null) {
			where.append(" and team_id = :team");
			params.put("team", query.teamId());
		}
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" and (title ilike :text or reference ilike :text)");
			// an underscore and a backslash are searched for as written, not as a
			// wildcard and an escape
			params.put("text",
					"%" + query.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.open() != null) {
			where.append(query.open() ? " and closed_at is null" : " and closed_at is not null");
		}
		if (query.slaBreached()) {
			where.append(" and sla_breached_at is not null");
		}
		if (query.overdueTasksOf() != null) {
			where.append(" and exists (select 1 from case_task t where t.org_id = case_file.org_id"
					+ " and t.case_id = case_file.id and t.done_at is null and t.due_at < :now"
					+ " and coalesce(t.assignee_id, case_file.assignee_id) = :overdueOf)");
			params.put("now", Timestamp.from(this.clock.instant()));
			params.put("overdueOf", query.overdueTasksOf());
		}
		long total = this.jdbc.sql("select count(*) from case_file" + where).params(params).query(Long.class).single();
		List<CaseFile> items = this.jdbc
			.sql("select " + COLUMNS + " from case_file" + where + " order by " + query.sort().orderBy()
					+ ", id limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			// a far page is past the end, not an offset that wrapped round below zero
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
		return new CasePage(items, page, size, total);
	}

	/**
	 * Applies a JSON merge patch of the editable properties ({@code title, assigneeId,
	 * teamId, priority, dueDate, fields, tags}); {@code expectedVersion} must be the
	 * current one.
	 */
	public CaseFile update(UUID id, @Nullable Integer expectedVersion, Map<String, Object> patch, Actor actor) {
		return update(id, expectedVersion, patch, actor, null);
	}

	/**
	 * As {@link #update(UUID, Integer, Map, Actor)}, as one of many changes of one
	 * operation ({@code batch}): a new assignee is told once for the batch.
	 */
	@SuppressWarnings("unchecked")
	CaseFile update(UUID id, @Nullable Integer expectedVersion, Map<String, Object> patch, Actor actor,
			@Nullable UUID batch) {
		CaseFile current = require(id);
		if (expectedVersion == null) {
			throw new InvalidInputException("version", "field.required");
		}
		if (expectedVersion != current.version()) {
			throw stale(current);
		}
		CaseType type = this.caseTypes.require(current.caseType());
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> changes = new LinkedHashMap<>();
		String title = current.title();
		if (patch.containsKey("title")) {
			Object raw = patch.get("title");
			title = (raw instanceof String t) ? t.trim() : "";
			if (raw != null && !(raw instanceof String)) {
				// a merge patch is read as a map: a list or a number is said wrong
				// as such
				problems.add(new FieldProblem("title", "json.expected.text"));
			}
			else if (title.isEmpty()) {
				problems.add(new FieldProblem("title", "field.required"));
			}
			else if (title.length() > 200) {
				problems.add(new FieldProblem("title", "field.too-long", 200));
			}
		}
		UUID assignee = current.assigneeId();
		if (patch.containsKey("assigneeId")) {
			try {
				Object raw = patch.get("assigneeId");
				assignee = (raw == null || raw.toString().isBlank()) ? null : UUID.fromString(raw.toString());
				checkAssignee(assignee);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("assigneeId", "field.invalid"));
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		UUID team = current.teamId();
		if (patch.containsKey("teamId")) {
			try {
				Object raw = patch.get("teamId");
				team = (raw == null || raw.toString().isBlank()) ? null : UUID.fromString(raw.toString().trim());
				checkTeam(team);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("teamId", "case.team.unknown"));
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		String priority = current.priority();
		if (patch.containsKey("priority")) {
			priority = String.valueOf(patch.get("priority")).trim().toUpperCase();
			if (!PRIORITIES.contains(priority)) {
				problems.add(new FieldProblem("priority", "case.priority.invalid", String.join(", ", PRIORITIES)));
			}
		}
		LocalDate due = current.dueDate();
		if (patch.containsKey("dueDate")) {
			// told as a creation's unreadable date is, not as a mere "invalid value": a
			// 30 February, a 31/12/2026 or a number
			try {
				Object raw = patch.get("dueDate");
				due = FourDigitDays.checked("dueDate",
						(raw == null || raw.toString().isBlank()) ? null : LocalDate.parse(raw.toString()));
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("dueDate", "json.expected.date"));
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		Map<String, Object> fields = current.fields();
		if (patch.get("fields") instanceof Map<?, ?> fieldChanges) {
			try {
				fields = type.fields().apply(current.fields(), (Map<String, Object>) fieldChanges);
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		else if (patch.get("fields") != null) {
			problems.add(new FieldProblem("fields", "json.expected.object"));
		}
		List<String> tags = current.tags();
		if (patch.containsKey("tags")) {
			Object raw = patch.get("tags");
			if (raw != null && !(raw instanceof List<?>)) {
				problems.add(new FieldProblem("tags", "json.expected.list"));
			}
			List<?> list = (raw instanceof List<?> given) ? given : List.of();
			for (int i = 0; i < list.size(); i++) {
				// as creating a case refuses them: a null or a number is no tag, and
				// written as text it would be the tag "null"
				if (!(list.get(i) instanceof String)) {
					problems.add(new FieldProblem("tags[" + i + "]", "json.expected.text"));
				}
			}
			// compared as they are stored (trimmed, without blanks or repeats), so tags
			// sent back as read, or spaced differently, are no change and no new version
			tags = List.of(tags(list.stream().map(String::valueOf).toList()));
			if (!tags.equals(current.tags())) {
				// tags sent back as read pass whatever their length; a change is held
				// to the bounds
				checkTags(list.stream().map((tag) -> (tag instanceof String text) ? text : "").toList(), problems);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		diff(changes, "title", current.title(), title);
		diff(changes, "assigneeId", current.assigneeId(), assignee);
		diff(changes, "teamId", current.teamId(), team);
		diff(changes, "priority", current.priority(), priority);
		diff(changes, "dueDate", current.dueDate(), due);
		diff(changes, "tags", current.tags(), tags);
		Set<String> fieldKeys = new HashSet<>(current.fields().keySet());
		fieldKeys.addAll(fields.keySet());
		for (String key : fieldKeys.stream().sorted().toList()) {
			diff(changes, "fields." + key, current.fields().get(key), fields.get(key));
		}
		if (changes.isEmpty()) {
			return current;
		}
		Instant now = this.clock.instant();
		int updated = this.jdbc
			.sql("""
					update case_file set title = :title, assignee_id = :assignee, team_id = :team, priority = :priority, due_date = :due,
					    fields = :fields::jsonb, tags = :tags, updated_at = :now, version = version + 1
					where id = :id and version = :version""")
			.param("title", title)
			.param("assignee", assignee)
			.param("team", team)
			.param("priority", priority)
			.param("due", (due != null) ? Date.valueOf(due) : null)
			.param("fields", this.json.write(fields))
			.param("tags", tags(tags))
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("version", current.version())
			.update();
		if (updated == 0) {
			throw stale(require(id));
		}
		this.timeline.record(id, "FIELD_CHANGE", actor.userId(), now, Map.of("changes", changes));
		Map<String, Map<String, String>> fieldLabels = new LinkedHashMap<>();
		type.fields().fields().forEach((field) -> fieldLabels.put(field.key(), field.labels()));
		this.events.publishEvent(new CaseUpdated(CurrentTenant.require(), CaseId.of(id), current.reference(),
				List.copyOf(changes.keySet()), fieldLabels));
		if (assignee != null && !assignee.equals(current.assigneeId())) {
			this.events.publishEvent(new CaseAssigneeChanged(CurrentTenant.require(), CaseId.of(id),
					current.reference(), UserId.of(assignee), actor.userId(), now, batch));
		}
		return require(id);
	}

	/**
	 * Deletes a case with everything that hangs on it: timeline, tasks, appointments,
	 * parties, notifications and escalation records (ADR 0057). {@code expectedVersion},
	 * when given, must be the current one; the audit log keeps what the case was.
	 */
	public void delete(UUID id, @Nullable Integer expectedVersion) {
		CaseFile current = this.jdbc.sql("select " + COLUMNS + " from case_file where id = ? for update")
			.param(id)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Dossier"));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale(current);
		}
		for (String table : List.of("case_notification", "case_sla_escalation", "case_party", "case_appointment",
				"case_task", "case_event")) {
			this.jdbc.sql("delete from " + table + " where case_id = ?").param(id).update();
		}
		this.jdbc.sql("delete from case_file where id = ?").param(id).update();
		this.events.publishEvent(new CaseDeleted(CurrentTenant.require(), CaseId.of(id), current.caseType(),
				current.reference(), current.title(), current.state(),
				this.workflows.engine(current.caseType(), current.workflowVersion())
					.definition()
					.state(current.state())
					.map(StateDefinition::labels)
					.orElse(Map.of())));
	}

	public CaseFile transition(UUID id, String transition, Map<String, Object> inputs,
			@Nullable Integer expectedVersion, Actor actor) {
		return transition(id, transition, inputs, expectedVersion, actor, this.clock);
	}

	/**
	 * Moves a case through a transition of its workflow version, or refuses with a 409
	 * that lists the transitions allowed now. Inputs that are custom fields of the type
	 * are stored on the case. Two concurrent moves of one case cannot both succeed: the
	 * update only applies to the version that was read.
	 */
	public CaseFile transition(UUID id, String transition, Map<String, Object> inputs,
			@Nullable Integer expectedVersion, Actor actor, Clock at) {
		CaseFile current = require(id);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw stale(current);
		}
		var definition = this.workflows.engine(current.caseType(), current.workflowVersion()).definition();
		definition.transition(transition)
			.ifPresent((named) -> unknownInputs(named, this.caseTypes.require(current.caseType()), inputs));
		Workflow workflow = Workflow.of(definition, at, this.workingHours.current());
		Decision decision = workflow.decide(current.state(), transition, current.fields(), inputs, actor::hasRole);
		if (decision instanceof Refusal refusal) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reason", refusal.reason().name());
			details.put("state", current.state());
			details.put("transition", transition);
			details.put("missing", refusal.missing());
			details.put("allowedTransitions", refusal.allowedTransitions());
			// the details keep the keys, for programs; the message says the labels the
			// member sees on the case's page
			String language = LocaleContextHolder.getLocale().getLanguage();
			// (the roles a refusal for a role misses, by the members page's labels)
			FieldSchema fields = this.caseTypes.require(current.caseType()).fields();
			throw new ConflictException(refusal.reason().code(), details,
					definition.transition(transition).map((t) -> t.label(language)).orElse(transition),
					(refusal.reason() == Decision.Reason.ROLE_NOT_ALLOWED) ? this.roleWords.either(refusal.missing())
							: refusal.missing()
								.stream()
								.map((key) -> fields.field(key).map((field) -> field.label(language)).orElse(key))
								.collect(Collectors.joining(", ")),
					definition.state(current.state()).map((state) -> state.label(language)).orElse(current.state()));
		}
		Move move = (Move) decision;
		CaseType type = this.caseTypes.require(current.caseType());
		checkInputs(move, type);
		Map<String, Object> fieldInputs = new LinkedHashMap<>();
		move.inputs().forEach((key, value) -> {
			if (type.fields().has(key)) {
				fieldInputs.put(key, value);
			}
		});
		Map<String, Object> fields = type.fields().apply(current.fields(), fieldInputs);
		StateDefinition target = move.target();
		Instant now = move.enteredAt();
		int updated = this.jdbc
			.sql("""
					update case_file set state = :state, state_entered_at = :now, sla_due_at = :sla, sla_breached_at = null,
					    sla_escalation_due_at = null, closed_at = :closed, fields = :fields::jsonb, updated_at = :now, version = version + 1
					where id = :id and version = :version""")
			.param("state", target.key())
			.param("now", Timestamp.from(now))
			.param("sla", timestamp(move.slaDueAt()))
			.param("closed", target.terminal() ? Timestamp.from(now) : null)
			.param("fields", this.json.write(fields))
			.param("id", id)
			.param("version", current.version())
			.update();
		if (updated == 0) {
			throw stale(require(id));
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("transition", transition);
		payload.put("from", current.state());
		payload.put("to", target.key());
		// the timeline keeps what the move asked for or the case holds, not whatever else
		// the request carried
		Map<String, Object> kept = new LinkedHashMap<>();
		move.inputs().forEach((key, value) -> {
			if (move.transition().requiredInputs().contains(key) || type.fields().has(key)) {
				kept.put(key, value);
			}
		});
		if (!kept.isEmpty()) {
			payload.put("inputs", kept);
		}
		this.timeline.record(id, "TRANSITION", actor.userId(), now, payload);
		this.events.publishEvent(new CaseStateChanged(CurrentTenant.require(), CaseId.of(id), current.reference(),
				transition, current.state(), target.key(),
				definition.state(current.state()).map(StateDefinition::labels).orElse(Map.of()), target.labels()));
		runEntryActions(id, current.caseType(), move.target(), move.enteredAt());
		return require(id);
	}

	/**
	 * An input that is neither a field of the type nor one the transition asks for was
	 * dropped without a word: a misspelt {@code "lossReasn"} or a {@code "comment"} the
	 * workflow does not keep moved the case and lost what was typed. Each is named, with
	 * what the move accepts, before anything else is said of the move (ADR 0111).
	 */
	private static void unknownInputs(TransitionDefinition named, CaseType type, Map<String, Object> inputs) {
		List<String> accepted = new ArrayList<>(named.requiredInputs());
		type.fields()
			.fields()
			.stream()
			.map(FieldSpec::key)
			.filter((key) -> !accepted.contains(key))
			.forEach(accepted::add);
		List<FieldProblem> problems = new ArrayList<>();
		for (String input : inputs.keySet()) {
			if (!accepted.contains(input)) {
				problems.add(new FieldProblem(input, "case.transition.input-unknown", input, named.name(),
						String.join(", ", accepted)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * A required input that is no field of the type (a comment, a reason the workflow
	 * asks for) is kept on the timeline as it came: it is a text, a number or a yes/no of
	 * at most {@link FieldSchema#MAX_TEXT} characters, as a note. An object or megabytes
	 * of text were kept whole (ADR 0104).
	 */
	private static void checkInputs(Move move, CaseType type) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String input : move.transition().requiredInputs()) {
			Object value = move.inputs().get(input);
			if (value == null || type.fields().has(input)) {
				continue;
			}
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				problems.add(new FieldProblem(input, "json.expected.text"));
			}
			else if (value.toString().length() > FieldSchema.MAX_TEXT) {
				problems.add(new FieldProblem(input, "field.too-long", FieldSchema.MAX_TEXT));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	public AddedNote addNote(UUID id, String text, Actor actor) {
		return addNote(id, text, "NOTE", actor);
	}

	/**
	 * What became of a note's mentions: the members told, and the handles that named
	 * nobody of the organisation, as written (without the {@code @}), so that the author
	 * knows who was not told.
	 */
	public record AddedNote(List<UUID> mentions, List<String> unmatchedMentions) {
	}

	/**
	 * Writes a note, or the record of a call or an e-mail ({@code channel} NOTE, CALL,
	 * EMAIL).
	 */
	public AddedNote addNote(UUID id, String text, @Nullable String channel, Actor actor) {
		CaseFile current = require(id);
		String note = (text != null) ? text.trim() : "";
		if (note.isEmpty()) {
			throw new InvalidInputException("text", "field.required");
		}
		if (note.length() > 10_000) {
			throw new InvalidInputException("text", "field.too-long", 10_000);
		}
		String kind = (channel != null) ? channel.trim().toUpperCase(Locale.ROOT) : "NOTE";
		if (!Set.of("NOTE", "CALL", "EMAIL").contains(kind)) {
			throw new InvalidInputException("channel", "case.note.channel-invalid");
		}
		Mentions found = mentions(note);
		List<Member> mentioned = found.members();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("text", note);
		payload.put("channel", kind);
		if (!mentioned.isEmpty()) {
			payload.put("mentions", mentioned.stream().map((m) -> m.id().toString()).toList());
		}
		this.timeline.record(id, "NOTE", actor.userId(), this.clock.instant(), payload);
		this.events.publishEvent(new CaseNoteAdded(CurrentTenant.require(), CaseId.of(id), current.reference()));
		String excerpt = (note.length() > 280) ? note.substring(0, 280) + "…" : note;
		for (Member member : mentioned) {
			this.events.publishEvent(new MemberMentioned(CurrentTenant.require(), CaseId.of(id), current.reference(),
					member.id(), excerpt));
		}
		return new AddedNote(mentioned.stream().map((m) -> m.id().value()).toList(), found.unmatched());
	}

	/**
	 * A migration's problems with the states named by their labels in the member's
	 * language, a running state's in the version its cases are on, a target's in the
	 * target version ("Les dossiers en cours dans l’état « Visite »…"): their keys,
	 * "VISIT", were words of the workflow's designer that the member had never read. A
	 * key no version labels (one the mapping mistyped) stays as typed; the path keeps the
	 * key. The roles are named by their labels too ("Propriétaire", not "OWNER").
	 */
	private List<DefinitionProblem> labelled(List<DefinitionProblem> problems, String caseType, List<CaseFile> running,
			WorkflowVersion target) {
		if (problems.isEmpty()) {
			return problems;
		}
		String language = LocaleContextHolder.getLocale().getLanguage();
		Map<String, String> sources = new HashMap<>();
		for (CaseFile c : running) {
			sources.computeIfAbsent(c.state(),
					(key) -> this.workflows.engine(caseType, c.workflowVersion())
						.definition()
						.state(key)
						.map((state) -> state.label(language))
						.orElse(key));
		}
		Function<String, String> targetLabel = (
				key) -> target.definition().state(key).map((state) -> state.label(language)).orElse(key);
		return problems.stream().map((p) -> {
			List<Object> arguments = new ArrayList<>(p.arguments());
			if (!arguments.isEmpty()) {
				String from = String.valueOf(arguments.get(0));
				arguments.set(0, sources.getOrDefault(from, targetLabel.apply(from)));
			}
			if (arguments.size() > 1 && !"workflow.mapping-unknown-state".equals(p.code())) {
				arguments.set(1, targetLabel.apply(String.valueOf(arguments.get(1))));
			}
			// the roles as the members page names them ("Propriétaire"), not "OWNER"
			if (arguments.size() > 2 && p.code().startsWith("workflow.mapping-role")) {
				arguments.set(2, this.roleWords.either(String.valueOf(arguments.get(2))));
			}
			return new DefinitionProblem(p.path(), p.code(), arguments);
		}).toList();
	}

	/**
	 * The states the running cases of a type on other versions than {@code version} are
	 * in, with how many are in each (and the versions they are on, the newest first), in
	 * the order of their states' keys: what a migration to {@code version} maps.
	 */
	@Transactional(readOnly = true)
	public List<RunningState> runningElsewhere(String caseType, int version) {
		return this.jdbc
			.sql("""
					select state, count(*) as cases, array_agg(distinct workflow_version order by workflow_version desc) as versions
					from case_file where case_type = ? and closed_at is null and workflow_version <> ?
					group by state order by state""")
			.params(caseType, version)
			.query((rs, row) -> new RunningState(rs.getString("state"), rs.getLong("cases"),
					List.of((Integer[]) rs.getArray("versions").getArray())))
			.list();
	}

	/** A state running cases are in, on the versions listed. */
	public record RunningState(String state, long cases, List<Integer> versions) {
	}

	/**
	 * Moves the running cases of a type to a published version, mapping their states. The
	 * mapping is checked against every state a running case is in before anything is
	 * changed.
	 */
	public int migrate(String caseType, int targetVersion, Map<String, String> mapping, Actor actor) {
		WorkflowVersion target = this.workflows.version(caseType, targetVersion);
		if (!target.published()) {
			throw new ConflictException("workflow.migrate-to-draft", caseType, targetVersion);
		}
		List<CaseFile> running = this.jdbc
			.sql("select " + COLUMNS
					+ " from case_file where case_type = ? and closed_at is null and workflow_version <> ? for update")
			.params(caseType, targetVersion)
			.query(this::map)
			.list();
		Set<String> states = new HashSet<>();
		running.forEach((c) -> states.add(c.state()));
		List<DefinitionProblem> problems = new ArrayList<>(
				WorkflowValidation.validateMapping(mapping, states, target.definition(), actor::hasRole));
		// an entry from a state no version of the type has (a key mistyped, "VISITE" for
		// "VISIT") was taken without a word and applied to nothing: the check before the
		// migration is what the member relies on (ADR 0118)
		Set<String> known = new HashSet<>();
		this.workflows.versions(caseType).forEach((v) -> known.addAll(v.definition().stateKeys()));
		mapping.keySet()
			.stream()
			.filter((from) -> !known.contains(from))
			.forEach((from) -> problems
				.add(new DefinitionProblem("mapping." + from, "workflow.mapping-unknown-source", List.of(from))));
		Workflows.problemsOrThrow(labelled(problems, caseType, running, target));
		Instant now = this.clock.instant();
		WorkingHours calendar = this.workingHours.current();
		for (CaseFile c : running) {
			String to = mapping.getOrDefault(c.state(), c.state());
			StateDefinition state = target.definition().state(to).orElseThrow();
			boolean moved = !to.equals(c.state());
			this.jdbc.sql("""
					update case_file set workflow_version = :version, state = :state,
					    state_entered_at = case when :moved then :now else state_entered_at end,
					    sla_due_at = case when :moved then :sla else sla_due_at end,
					    sla_breached_at = case when :moved then null else sla_breached_at end,
					    sla_escalation_due_at = case when :moved then null else sla_escalation_due_at end,
					    closed_at = :closed, updated_at = :now, version = version + 1
					where id = :id""")
				.param("version", targetVersion)
				.param("state", to)
				.param("moved", moved)
				.param("now", Timestamp.from(now))
				.param("sla", timestamp(Workflow.slaDueAt(state, now, calendar)))
				.param("closed", state.terminal() ? Timestamp.from(now) : null)
				.param("id", c.id())
				.update();
			this.timeline.record(c.id(), "MIGRATION", actor.userId(), now, Map.of("fromVersion", c.workflowVersion(),
					"toVersion", targetVersion, "from", c.state(), "to", to));
			if (moved) {
				// the state left is one of the case's former version: the audit log
				// names it by its label there, as a transition's entry does, not by
				// its key
				Map<String, String> fromLabels = this.workflows.engine(caseType, c.workflowVersion())
					.definition()
					.state(c.state())
					.map(StateDefinition::labels)
					.orElse(Map.of());
				this.events.publishEvent(new CaseStateChanged(CurrentTenant.require(), CaseId.of(c.id()), c.reference(),
						"migration", c.state(), to, fromLabels, state.labels()));
			}
			if (state.terminal()) {
				// closing a case is what its final state's entry actions are for (tell
				// the assignee, let other modules know it is won): a case closed by a
				// migration is closed as surely as by its transition (ADR 0078); a case
				// kept open is in the same stage of its work under a new version, which
				// it entered already, so its entry tasks are not made again
				runEntryActions(c.id(), caseType, state, now);
			}
		}
		this.events.publishEvent(new CasesMigrated(CurrentTenant.require(), caseType, targetVersion, running.size()));
		return running.size();
	}

	/**
	 * Members named in a note as {@code @local-part} of their e-mail or
	 * {@code @FirstLast} (their name without spaces), case-insensitively, and the handles
	 * that name none of them, once each in the order written.
	 */
	private Mentions mentions(String note) {
		Matcher matcher = MENTION.matcher(note);
		Map<String, String> handles = new LinkedHashMap<>();
		while (matcher.find()) {
			// A mention may end a sentence: "merci @alice."
			String handle = matcher.group(1).replaceAll("[._-]+$", "");
			if (!handle.isEmpty()) {
				handles.putIfAbsent(handle.toLowerCase(Locale.ROOT), handle);
			}
		}
		if (handles.isEmpty()) {
			return new Mentions(List.of(), List.of());
		}
		Set<String> matched = new HashSet<>();
		List<Member> members = new ArrayList<>();
		for (Member member : this.members.active()) {
			String local = member.email().substring(0, member.email().indexOf('@')).toLowerCase(Locale.ROOT);
			String name = member.name().replace(" ", "").toLowerCase(Locale.ROOT);
			boolean named = false;
			for (String handle : List.of(local, name)) {
				if (handles.containsKey(handle)) {
					matched.add(handle);
					named = true;
				}
			}
			if (named) {
				members.add(member);
			}
		}
		List<String> unmatched = handles.entrySet()
			.stream()
			.filter((e) -> !matched.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		return new Mentions(members, unmatched);
	}

	private record Mentions(List<Member> members, List<String> unmatched) {
	}

	private void runEntryActions(UUID id, String caseType, StateDefinition target, Instant enteredAt) {
		for (EntryAction action : target.onEnter()) {
			switch (action.type()) {
				case CREATE_TASK -> {
					// counted in the organisation's working hours as the state's SLA is:
					// the seeded "first contact within 2 hours" task of a lead that comes
					// in on Friday evening was due, and mailed as a reminder, at night
					Instant due = (action.due() != null) ? this.workingHours.current().deadline(enteredAt, action.due())
							: null;
					UUID taskId = UUID.randomUUID();
					this.jdbc.sql("""
							insert into case_task (org_id, id, case_id, title, due_at, created_at)
							values (:org, :id, :case, :title, :due, :now)""")
						.param("org", CurrentTenant.require().value())
						.param("id", taskId)
						.param("case", id)
						.param("title", action.name())
						.param("due", timestamp(due))
						.param("now", Timestamp.from(enteredAt))
						.update();
					Map<String, Object> payload = new LinkedHashMap<>();
					payload.put("change", "created");
					payload.put("taskId", taskId.toString());
					payload.put("title", action.name());
					payload.put("automatic", true);
					this.timeline.record(id, "TASK", null, enteredAt, payload);
					this.events.publishEvent(new fr.atlas.cases.CaseTaskChanged(CurrentTenant.require(), CaseId.of(id),
							taskId, "created", action.name()));
				}
				case NOTIFY -> {
					this.timeline.record(id, "EVENT", null, enteredAt,
							Map.of("name", "notify", "message", action.name(), "state", target.key()));
					this.events.publishEvent(new AssigneeNotificationRequested(CurrentTenant.require(), CaseId.of(id),
							require(id).reference(), action.name(), enteredAt));
				}
				case EMIT_EVENT -> {
					this.timeline.record(id, "EVENT", null, enteredAt,
							Map.of("name", action.name(), "state", target.key()));
					this.events.publishEvent(new CaseWorkflowEventEmitted(CurrentTenant.require(), CaseId.of(id),
							caseType, action.name(), target.key()));
				}
			}
		}
	}

	private String nextReference(CaseType type, Instant now) {
		int year = now.atZone(PARIS).getYear();
		int number = this.jdbc.sql("""
				insert into case_reference_counter (org_id, case_type, year, last_value) values (:org, :type, :year, 1)
				on conflict (org_id, case_type, year) do update set last_value = case_reference_counter.last_value + 1
				returning last_value""")
			.param("org", CurrentTenant.require().value())
			.param("type", type.key())
			.param("year", year)
			.query(Integer.class)
			.single();
		return "%s-%d-%05d".formatted(type.referencePrefix(), year, number);
	}

	void checkAssignee(@Nullable UUID assignee) {
		if (assignee != null && this.members.find(UserId.of(assignee)).filter((m) -> m.active()).isEmpty()) {
			throw new InvalidInputException("assigneeId", "case.assignee.unknown");
		}
	}

	/**
	 * A team of the organisation (another organisation's is as unknown as none). Checks
	 * the team exists and keeps it until this transaction ends: a deletion of the team
	 * waits (it locks the team first), then releases this case too, instead of the insert
	 * failing on the foreign key.
	 */
	/** Runs every check, adding the problems of those that refuse to {@code problems}. */
	private static void collect(List<FieldProblem> problems, Runnable... checks) {
		for (Runnable check : checks) {
			try {
				check.run();
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
	}

	private void checkTeam(@Nullable UUID team) {
		if (team != null && this.jdbc.sql("select id from case_team where id = ? for key share")
			.param(team)
			.query(UUID.class)
			.optional()
			.isEmpty()) {
			throw new InvalidInputException("teamId", "case.team.unknown");
		}
	}

	private static ConflictException stale(CaseFile current) {
		return new ConflictException("case.stale", Map.of("currentVersion", current.version()), current.version());
	}

	private static void diff(Map<String, Object> changes, String key, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(normalised(before), normalised(after))) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("from", normalised(before));
			change.put("to", normalised(after));
			changes.put(key, change);
		}
	}

	private static @Nullable Object normalised(@Nullable Object value) {
		if (value instanceof Number number) {
			return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable UUID userId(Actor actor) {
		return (actor.userId() != null) ? actor.userId().value() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * Tags of at most {@link #TAG_MOST} characters, each named by its place in the list
	 * sent, and at most {@link #TAGS_MOST} of them once trimmed and without repeats: a
	 * tag of megabytes was kept whole and shown on every list and board (ADR 0104).
	 */
	private static void checkTags(@Nullable List<String> given, List<FieldProblem> problems) {
		if (given == null) {
			return;
		}
		for (int i = 0; i < given.size(); i++) {
			if (given.get(i) != null && given.get(i).trim().length() > TAG_MOST) {
				problems.add(new FieldProblem("tags[" + i + "]", "field.too-long", TAG_MOST));
			}
		}
		if (tags(given).length > TAGS_MOST) {
			problems.add(new FieldProblem("tags", "field.too-many", TAGS_MOST));
		}
	}

	private static String[] tags(@Nullable List<String> tags) {
		if (tags == null) {
			return new String[0];
		}
		return tags.stream().map(String::trim).filter((t) -> !t.isEmpty()).distinct().toArray(String[]::new);
	}

	@SuppressWarnings("unchecked")
	CaseFile map(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		Date due = rs.getDate("due_date");
		return new CaseFile(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("case_type"),
				rs.getInt("workflow_version"), rs.getString("state"), rs.getString("title"),
				rs.getObject("assignee_id", UUID.class), rs.getObject("team_id", UUID.class), rs.getString("team_name"),
				rs.getString("priority"), (due != null) ? due.toLocalDate() : null,
				this.json.readMap(rs.getString("fields")), Arrays.asList((String[]) tags.getArray()),
				rs.getString("source"), rs.getTimestamp("state_entered_at").toInstant(), instant(rs, "sla_due_at"),
				instant(rs, "sla_breached_at"), instant(rs, "closed_at"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
