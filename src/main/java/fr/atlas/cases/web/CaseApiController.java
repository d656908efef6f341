package fr.atlas.cases.web;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.atlas.cases.internal.Appointment;
import fr.atlas.cases.internal.CaseEvent;
import fr.atlas.cases.internal.CaseFile;
import fr.atlas.cases.internal.CaseParties;
import fr.atlas.cases.internal.CaseParties.NewParty;
import fr.atlas.cases.internal.CaseParty;
import fr.atlas.cases.internal.CaseSort;
import fr.atlas.cases.internal.CaseTask;
import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.CaseWork;
import fr.atlas.cases.internal.Cases;
import fr.atlas.cases.internal.Cases.AddedNote;
import fr.atlas.cases.internal.Cases.CasePage;
import fr.atlas.cases.internal.Cases.CaseQuery;
import fr.atlas.cases.internal.Cases.NewCase;
import fr.atlas.cases.internal.Timeline;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.web.ConflictsWith;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Cases (dossiers), their workflow transitions, timeline, tasks and appointments")
@RequiresFeature(Feature.CASES)
class CaseApiController {

	/**
	 * The longest transition name asked for: a name is a key of at most 40 characters,
	 * and workflows stored before that rule keep theirs.
	 */
	private static final int TRANSITION_NAME_MOST = 200;

	/** What a patch changes (with {@code version}, the one it was read at). */
	private static final List<String> EDITABLE = List.of("title", "assigneeId", "teamId", "priority", "dueDate",
			"fields", "tags");

	/**
	 * What a case keeps from its creation (its workflow version moves by a migration): a
	 * patch may send them back as read, not other values. Its times and its team's name
	 * are left out, as they change without a new version of the case (a breach, a team
	 * renamed).
	 */
	private static final Map<String, Function<CaseFile, Object>> FIXED = Map.of("id", CaseFile::id, "reference",
			CaseFile::reference, "caseType", CaseFile::caseType, "source", CaseFile::source, "workflowVersion",
			CaseFile::workflowVersion);

	/**
	 * What the case's JSON shows: a patch may hold them, the case as read sent back, but
	 * changes only what is editable.
	 */
	private static final Set<String> SHOWN = Arrays.stream(CaseFile.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private final Cases cases;

	private final CaseWork work;

	private final Timeline timeline;

	private final CaseActors actors;

	private final CaseParties parties;

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	CaseApiController(Cases cases, CaseWork work, Timeline timeline, CaseActors actors, CaseParties parties,
			CaseTypes caseTypes, Workflows workflows) {
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.cases = cases;
		this.work = work;
		this.timeline = timeline;
		this.actors = actors;
		this.parties = parties;
	}

	@GetMapping("/{id}/parties")
	@Operation(summary = "The parties of a case: agencies (Prospects), contacts, listings")
	List<CaseParty> parties(@PathVariable UUID id) {
		return this.parties.of(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ConflictsWith("case.party.duplicate: the party is already linked to the case; idempotency.key-reused: "
			+ "the Idempotency-Key was sent before with another request")
	@PostMapping("/{id}/parties")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Link a party to a case",
			description = "Body: {\"type\": AGENCY|CONTACT|LISTING, \"id\": its id in its module (an agency is a "
					+ "ProspectId, a UUID), \"label\": shown on the case}. An agency or a contact must be the "
					+ "organisation's (else a 400 on id) and is shown under its own name: its label is ignored. "
					+ "A listing keeps the label given. An id or a label has at most 200 characters (else a 400). "
					+ "The same party twice is a 409.")
	ResponseEntity<CaseParty> addParty(@PathVariable UUID id, @RequestBody NewParty request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		CaseParty added = this.parties.add(id, request, this.actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/parties")).body(added);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}/parties")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Remove a party from a case", description = "Query: type and id of the party.")
	ResponseEntity<Void> removeParty(@PathVariable UUID id, @RequestParam String type,
			@RequestParam(name = "id") String partyId, @AuthenticationPrincipal AtlasPrincipal principal) {
		this.parties.remove(id, type, partyId, this.actors.of(principal));
		return ResponseEntity.noContent().build();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Open a case in the initial state of its type's current workflow",
			description = "With an Idempotency-Key header, a retry with the same key and body returns the first "
					+ "response and creates nothing; the same key with another body is a 409.")
	ResponseEntity<CaseFile> create(@RequestBody NewCase request, @AuthenticationPrincipal AtlasPrincipal principal) {
		CaseFile created = this.cases.create(request, this.actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List cases, newest first, filtered by type, state, assignee, team or text",
			description = "sort: -created (the default), created, title, -title (French order), reference, "
					+ "-reference, deadline (the nearest first), -deadline; another is a 400. "
					+ "open=true: only the cases not in a terminal state (false: only the closed ones); "
					+ "slaBreached=true: only the cases past their deadline; overdueTasksOf={userId}: only the cases "
					+ "with an unfinished task past due that falls to this member (the task's assignee, else the "
					+ "case's). The home page's figures are these lists' totals.")
	CasePage list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable UUID assignee,
			@RequestParam(required = false) @Nullable UUID team, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(defaultValue = "false") boolean slaBreached,
			@RequestParam(required = false) @Nullable UUID overdueTasksOf, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String sort) {
		knownTypeAndState(type, state);
		// an order the list does not have is a 400, as on the agencies' list: a tool
		// would take the page for the order it asked for
		CaseSort order = (sort == null || sort.isBlank()) ? CaseSort.NEWEST
				: CaseSort.of(sort).orElseThrow(() -> new InvalidInputException("sort", "cases.filter.sort", sort));
		return this.cases.search(
				new CaseQuery(type, state, assignee, team, q, open, slaBreached, overdueTasksOf, page, size, order));
	}

	/**
	 * A type the organisation does not have ({@code lead_achat} for {@code LEAD_ACHAT}),
	 * or a state none of its workflows has, would be an empty page that reads as "no such
	 * case": it is a 400 naming the filter.
	 */
	private void knownTypeAndState(@Nullable String type, @Nullable String state) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean typeGiven = type != null && !type.isBlank();
		List<String> types = this.caseTypes.all()
			.stream()
			.map(CaseType::key)
			.filter((key) -> !typeGiven || key.equals(type))
			.toList();
		if (typeGiven && types.isEmpty()) {
			problems.add(new FieldProblem("type", "case.type.unknown", type));
		}
		else if (state != null && !state.isBlank()
				&& types.stream()
					.flatMap((key) -> this.workflows.versions(key).stream())
					.noneMatch((version) -> version.definition().stateKeys().contains(state))) {
			problems.add(new FieldProblem("state", "case.state.unknown", state));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "A case",
			description = "The ETag header is the case's version (\"3\"): a change may send it back in If-Match, "
					+ "and If-None-Match with it answers 304 while the case is unchanged.")
	ResponseEntity<CaseFile> get(@PathVariable UUID id) {
		return tagged(this.cases.require(id));
	}

	/** The case with its version as the ETag, for the next change's If-Match. */
	private static ResponseEntity<CaseFile> tagged(CaseFile caseFile) {
		return ResponseEntity.ok().eTag(CaseVersionTags.tag(caseFile.version())).body(caseFile);
	}

	private @Nullable Integer expected(UUID id, @Nullable Integer fromBody, @Nullable String ifMatch) {
		return CaseVersionTags.expected(fromBody, ifMatch, () -> this.cases.require(id).version());
	}

	@ConflictsWith("case.stale: the case changed since the version sent (currentVersion is the current one); "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Edit a case (merge patch); 'version' or If-Match must be the current one, else 409",
			description = "Editable: title, assigneeId, teamId (null: no team), priority, dueDate, fields (merged; null "
					+ "removes), tags. The version read is sent as 'version' in the body or as the If-Match header "
					+ "(the ETag of the case as read, \"3\"); either one stale is a 409, neither a 400. The case's "
					+ "other properties may be sent back as read and are left as they are; "
					+ "a different state is a 400 (a state changes through a transition), an unknown property too.")
	ResponseEntity<CaseFile> update(@PathVariable UUID id, @RequestBody Map<String, Object> patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Map<String, Object> changes = new LinkedHashMap<>(patch);
		Integer version = expected(id, version(changes.remove("version")), ifMatch);
		List<FieldProblem> problems = new ArrayList<>();
		for (String key : changes.keySet()) {
			if (EDITABLE.contains(key)) {
				continue;
			}
			if (!SHOWN.contains(key)) {
				// a misspelt property would otherwise be a 200 that changed nothing
				problems.add(new FieldProblem(key, "case.patch.unknown", String.join(", ", EDITABLE)));
			}
			else if (key.equals("state")) {
				// the case as read may be sent back whole, but its state only moves
				// through a transition, whose rules a patch would skip
				CaseFile current = this.cases.require(id);
				if (!current.state().equals(String.valueOf(changes.get(key)))) {
					problems.add(new FieldProblem(key, "case.patch.state"));
				}
			}
			else if (FIXED.containsKey(key)) {
				// another type, source or reference was a 200 that changed nothing: the
				// client took it as done (ADR 0118)
				Object now = FIXED.get(key).apply(this.cases.require(id));
				if (!String.valueOf(now).equals(String.valueOf(changes.get(key)))) {
					problems.add(new FieldProblem(key, "case.patch.read-only", String.join(", ", EDITABLE)));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return tagged(this.cases.update(id, version, changes, this.actors.of(principal)));
	}

	@ConflictsWith("case.stale: the case changed since the version sent (currentVersion is the current one); "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a case with its timeline, tasks, appointments, parties and notifications",
			description = "MANAGER and above. Optional ?version= or If-Match (the case's ETag): the version read, "
					+ "else 409. The audit log keeps what the case was (case.deleted). To end a case's work, move it "
					+ "to a final state instead.")
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.cases.delete(id, expected(id, version, ifMatch));
		return ResponseEntity.noContent().build();
	}

	@ConflictsWith("case.transition.unknown-transition, case.transition.not-from-current-state, "
			+ "case.transition.role-not-allowed, case.transition.guard-failed or "
			+ "case.transition.input-missing: the move is refused; reason (UNKNOWN_TRANSITION, "
			+ "NOT_FROM_CURRENT_STATE, ROLE_NOT_ALLOWED, GUARD_FAILED, INPUT_MISSING), state, "
			+ "transition, missing (the fields, inputs or roles it lacks) and allowedTransitions (the "
			+ "transitions of the current state open to the caller) say why. case.stale: the case "
			+ "changed since the version sent (currentVersion); idempotency.key-reused: the "
			+ "Idempotency-Key was sent before with another request")
	@PostMapping("/{id}/transitions")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Move a case through a transition of its workflow",
			description = "Body: {\"transition\": name, \"version\"?: expected version, ...inputs}; the version may "
					+ "be sent as If-Match instead (the case's ETag). A refusal is a 409 "
					+ "problem with reason (UNKNOWN_TRANSITION, NOT_FROM_CURRENT_STATE, ROLE_NOT_ALLOWED, GUARD_FAILED, "
					+ "INPUT_MISSING), missing fields or inputs, and allowedTransitions. An input that is neither a field "
					+ "of the case type nor one the transition asks for (requiredInputs) is a 400 "
					+ "case.transition.input-unknown naming it, and the case does not move.")
	ResponseEntity<CaseFile> transition(@PathVariable UUID id, @RequestBody Map<String, Object> body,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Map<String, Object> inputs = new LinkedHashMap<>(body);
		Object transition = inputs.remove("transition");
		Integer version = expected(id, version(inputs.remove("version")), ifMatch);
		if (transition != null && !(transition instanceof String)) {
			throw new InvalidInputException("transition", "json.expected.text");
		}
		if (!(transition instanceof String name) || name.isBlank()) {
			throw new InvalidInputException("transition", "field.required");
		}
		if (name.codePointCount(0, name.length()) > TRANSITION_NAME_MOST) {
			// no transition has such a name: the 409 that said so quoted megabytes twice
			throw new InvalidInputException("transition", "field.too-long", TRANSITION_NAME_MOST);
		}
		return tagged(this.cases.transition(id, name.trim(), inputs, version, this.actors.of(principal)));
	}

	@GetMapping("/{id}/timeline")
	List<CaseEvent> timeline(@PathVariable UUID id) {
		this.cases.require(id);
		return this.timeline.of(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/notes")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Add a note, or the record of a call or an e-mail, to a case's timeline",
			description = "@handle mentions (the local part of a member's e-mail, or their name without spaces) "
					+ "notify the member. The answer: {\"mentions\": ids of the members told, "
					+ "\"unmatchedMentions\": the handles that named no member of the organisation}.")
	ResponseEntity<AddedNote> note(@PathVariable UUID id, @RequestBody NoteRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		AddedNote added = this.cases.addNote(id, (request.text() != null) ? request.text() : "", request.channel(),
				this.actors.of(principal));
		// a note has no address of its own: it is read, with its author and time, on the
		// timeline, as a party is in its case's list of parties
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/timeline")).body(added);
	}

	@GetMapping("/{id}/tasks")
	List<CaseTask> tasks(@PathVariable UUID id) {
		return this.work.tasks(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/tasks")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<CaseTask> addTask(@PathVariable UUID id, @RequestBody CaseWork.NewTask request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		CaseTask task = this.work.addTask(id, request, this.actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/tasks/" + task.id())).body(task);
	}

	@GetMapping("/{id}/tasks/{taskId}")
	CaseTask task(@PathVariable UUID id, @PathVariable UUID taskId) {
		return this.work.task(id, taskId);
	}

	@PostMapping("/{id}/tasks/{taskId}/complete")
	@PreAuthorize("hasRole('AGENT')")
	CaseTask completeTask(@PathVariable UUID id, @PathVariable UUID taskId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.work.completeTask(id, taskId, this.actors.of(principal));
	}

	@GetMapping("/{id}/appointments")
	List<Appointment> appointments(@PathVariable UUID id) {
		return this.work.appointments(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/appointments")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Appointment> schedule(@PathVariable UUID id, @RequestBody CaseWork.NewAppointment request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Appointment appointment = this.work.schedule(id, request, this.actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/appointments/" + appointment.id()))
			.body(appointment);
	}

	@GetMapping("/{id}/appointments/{appointmentId}")
	Appointment appointment(@PathVariable UUID id, @PathVariable UUID appointmentId) {
		return this.work.appointment(id, appointmentId);
	}

	@ConflictsWith("appointment.outcome.already-recorded: the appointment has its outcome already; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PostMapping("/{id}/appointments/{appointmentId}/outcome")
	@PreAuthorize("hasRole('AGENT')")
	@Operation(summary = "Record how an appointment went: HELD, NO_SHOW, CANCELLED or RESCHEDULED")
	Appointment outcome(@PathVariable UUID id, @PathVariable UUID appointmentId, @RequestBody OutcomeRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.work.recordOutcome(id, appointmentId, request.outcome(), this.actors.of(principal));
	}

	@GetMapping(path = "/{id}/appointments/{appointmentId}/invitation.ics", produces = "text/calendar")
	@Operation(summary = "The appointment as an iCalendar invitation")
	ResponseEntity<String> invitation(@PathVariable UUID id, @PathVariable UUID appointmentId) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"rendez-vous.ics\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.body(this.work.invitation(id, appointmentId));
	}

	private static @Nullable Integer version(@Nullable Object raw) {
		if (raw == null) {
			return null;
		}
		if (raw instanceof Number number) {
			// 0.5 or 4294967296 are no version: read as an int they would pass for 0
			if (!(number instanceof Integer || number instanceof Long || number instanceof Short
					|| number instanceof Byte || number instanceof java.math.BigInteger)
					|| number.longValue() != number.intValue()
					|| (number instanceof java.math.BigInteger big && big.bitLength() >= 32)) {
				throw new InvalidInputException("version", "json.expected.integer");
			}
			return number.intValue();
		}
		try {
			return Integer.valueOf(raw.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "field.invalid");
		}
	}

	/**
	 * A note, or the record of a call or an e-mail: channel NOTE (default), CALL or
	 * EMAIL.
	 */
	@RefusesUnknownProperties
	record NoteRequest(@Nullable String text, @Nullable String channel) {
	}

	@RefusesUnknownProperties
	record OutcomeRequest(@Nullable String outcome) {
	}

}
