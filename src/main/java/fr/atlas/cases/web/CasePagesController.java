package fr.atlas.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.internal.Actor;
import fr.atlas.cases.internal.CaseBoard;
import fr.atlas.cases.internal.CaseFile;
import fr.atlas.cases.internal.CaseSort;
import fr.atlas.cases.internal.CaseJson;
import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTeam;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.CaseParties;
import fr.atlas.cases.internal.CaseTeams;
import fr.atlas.cases.internal.CaseWork;
import fr.atlas.cases.internal.FieldSpec;
import fr.atlas.cases.internal.PartyCandidates;
import fr.atlas.cases.internal.Cases;
import fr.atlas.cases.internal.Cases.CasePage;
import fr.atlas.cases.internal.Cases.CaseQuery;
import fr.atlas.cases.internal.Timeline;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.cases.internal.WorkflowVersion;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of cases: the filtered list, the Kanban board of a case type (drag and drop
 * posts to {@code /cases/{id}/move}) and the case page with its transitions, fields,
 * timeline, notes, tasks and appointments.
 */
@Controller
@RequestMapping("/cases")
@RequiresFeature(Feature.CASES)
class CasePagesController {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Cases cases;

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	private final CaseWork work;

	private final Timeline timeline;

	private final Members members;

	private final CaseActors actors;

	private final UiMessages messages;

	private final CaseJson json;

	private final CaseParties parties;

	private final CaseBoard board;

	private final CaseTeams teams;

	private final Features features;

	private final PartyCandidates partyCandidates;

	CasePagesController(Cases cases, CaseTypes caseTypes, Workflows workflows, CaseWork work, Timeline timeline,
			Members members, CaseActors actors, UiMessages messages, CaseJson json, CaseParties parties,
			CaseBoard board, CaseTeams teams, Features features, PartyCandidates partyCandidates) {
		this.features = features;
		this.partyCandidates = partyCandidates;
		this.board = board;
		this.teams = teams;
		this.parties = parties;
		this.cases = cases;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.work = work;
		this.timeline = timeline;
		this.members = members;
		this.actors = actors;
		this.messages = messages;
		this.json = json;
	}

	@Bean
	static NavigationEntry casesNavigation() {
		return new NavigationEntry("/cases", "nav.cases", 30, "cases", null);
	}

	@ModelAttribute("canEdit")
	boolean canEdit(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("AGENT");
	}

	@ModelAttribute("canDelete")
	boolean canDelete(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("MANAGER");
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable UUID assignee,
			@RequestParam(required = false) @Nullable UUID team, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(defaultValue = "false") boolean slaBreached,
			@RequestParam(required = false) @Nullable UUID overdueTasksOf, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "-created") String sort, @AuthenticationPrincipal AtlasPrincipal principal,
			Model model) {
		// an order the list does not know (an old bookmark) is the usual one, not an
		// error page
		CaseSort order = CaseSort.of(sort).orElse(CaseSort.NEWEST);
		List<CaseType> types = this.caseTypes.all();
		model.addAttribute("types", types);
		model.addAttribute("typeLabels",
				types.stream().collect(Collectors.toMap(CaseType::key, (t) -> t.label(lang()))));
		model.addAttribute("type", type);
		model.addAttribute("state", state);
		model.addAttribute("assignee", assignee);
		model.addAttribute("team", team);
		model.addAttribute("teams", this.teams.all());
		model.addAttribute("q", q);
		model.addAttribute("open", open);
		model.addAttribute("slaBreached", slaBreached);
		model.addAttribute("overdueTasksOf", overdueTasksOf);
		// what the phone's closed filter panel counts: the filters set in it, not the
		// search (in sight beside it) nor the order
		model.addAttribute("activeFilters",
				Stream.of(type, state, assignee, team, open, slaBreached ? true : null, overdueTasksOf)
					.filter((f) -> f != null && !f.toString().isBlank())
					.count());
		if (type != null && !type.isBlank()) {
			model.addAttribute("states", this.workflows.current(type).definition().states());
		}
		CasePage result = this.cases
			.search(new CaseQuery(type, state, assignee, team, q, open, slaBreached, overdueTasksOf, page, 50, order));
		model.addAttribute("result", result);
		model.addAttribute("sort", order.key());
		model.addAttribute("sorts", CaseSort.values());
		model.addAttribute("links",
				new CaseListLinks(type, state, assignee, team, q, open, slaBreached, overdueTasksOf, order.key()));
		model.addAttribute("memberNames", memberNames());
		model.addAttribute("members", this.members.active());
		rows(result.items(), this.actors.of(principal), model);
		return "cases/list";
	}

	/**
	 * A transition started from a row of the list (htmx): the same rules as the board and
	 * the API; the row comes back with the new state, or unchanged with the reason of the
	 * refusal. Always 200, since htmx only swaps successful responses.
	 */
	@PostMapping("/{id}/list-transition")
	@PreAuthorize("hasRole('AGENT')")
	String listTransition(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		Map<String, Object> inputs = new LinkedHashMap<>(form.toSingleValueMap());
		Object named = inputs.remove("transition");
		inputs.remove("_csrf");
		Actor actor = this.actors.of(principal);
		CaseFile row;
		try {
			Integer version = parseVersion(inputs.remove("version"));
			inputs.values().removeIf((v) -> v == null || v.toString().isBlank());
			row = this.cases.transition(id, transitionName(named), inputs, version, actor);
			String label = this.workflows.engine(row.caseType(), row.workflowVersion())
				.definition()
				.state(row.state())
				.map((target) -> target.label(lang()))
				.orElse(row.state());
			model.addAttribute("rowMessage", this.messages.text("cases.list.moved", label));
			model.addAttribute("rowOk", true);
		}
		catch (ConflictException | InvalidInputException ex) {
			row = this.cases.require(id);
			model.addAttribute("rowMessage", this.messages.of(ex, fieldLabels(row.caseType())));
			model.addAttribute("rowOk", false);
		}
		List<CaseType> types = this.caseTypes.all();
		model.addAttribute("typeLabels",
				types.stream().collect(Collectors.toMap(CaseType::key, (t) -> t.label(lang()))));
		model.addAttribute("memberNames", memberNames());
		model.addAttribute("c", row);
		rows(List.of(row), actor, model);
		return "cases/list :: row";
	}

	/**
	 * What the rows of the list need: the transitions each case allows its viewer now
	 * (from its own workflow version and the viewer's roles), state labels, and the
	 * labels of required inputs.
	 */
	private void rows(List<CaseFile> items, Actor actor, Model model) {
		Map<UUID, List<TransitionDefinition>> actions = new LinkedHashMap<>();
		Map<String, String> stateLabels = new LinkedHashMap<>();
		Map<String, String> inputLabels = new LinkedHashMap<>();
		Map<String, CaseType> types = new LinkedHashMap<>();
		Set<String> closing = new HashSet<>();
		for (CaseFile c : items) {
			WorkflowDefinition definition = this.workflows.engine(c.caseType(), c.workflowVersion()).definition();
			definition.states().forEach((s) -> stateLabels.putIfAbsent(c.caseType() + ":" + s.key(), s.label(lang())));
			Set<String> closes = closingWithoutSuccess(definition);
			closes.forEach((key) -> closing.add(c.caseType() + ":" + key));
			List<TransitionDefinition> allowed = lastIfClosing(definition.transitionsFrom(c.state())
				.stream()
				.filter((t) -> t.roles().isEmpty() || t.roles().stream().anyMatch(actor::hasRole))
				.toList(), closes);
			actions.put(c.id(), allowed);
			CaseType type = types.computeIfAbsent(c.caseType(), this.caseTypes::require);
			allowed.stream()
				.flatMap((t) -> t.requiredInputs().stream())
				.forEach((input) -> inputLabels.putIfAbsent(c.caseType() + ":" + input,
						type.fields().field(input).map((f) -> f.label(lang())).orElse(input)));
		}
		model.addAttribute("actions", actions);
		model.addAttribute("closingStates", closing);
		model.addAttribute("stateLabels", stateLabels);
		model.addAttribute("inputLabels", inputLabels);
	}

	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	String create(@RequestParam String caseType, @RequestParam String title,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			CaseFile created = this.cases.create(
					new Cases.NewCase(caseType, title, principal.userId().value(), null, null, null, null, "MANUAL"),
					this.actors.of(principal));
			return "redirect:/cases/" + created.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			return "redirect:/cases";
		}
	}

	@GetMapping("/board")
	String board(@RequestParam(defaultValue = "LEAD_ACHAT") String type,
			@RequestParam(required = false) @Nullable UUID assignee,
			@RequestParam(required = false) @Nullable UUID team,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable String q,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		CaseType caseType = this.caseTypes.require(type);
		WorkflowDefinition definition = this.workflows.current(type).definition();
		Actor actor = this.actors.of(principal);
		// a move into a final state other than the won one is asked first, as on the case
		// page; a card's menu lists only the moves the member may make (an agent may move
		// cases, a viewer none)
		Set<String> closing = closingWithoutSuccess(definition);
		CaseBoard.Filter filter = new CaseBoard.Filter(assignee, team, from, to, q);
		// each column's sum of the type's money field, when it has one (ADR 0091)
		FieldSpec money = caseType.fields().moneyField().orElse(null);
		CaseBoard.Board board = this.board.board(type, definition.states().stream().map(StateDefinition::key).toList(),
				filter, (money != null) ? money.key() : null);
		List<Map<String, Object>> moves = definition.transitions()
			.stream()
			.map((t) -> Map.<String, Object>of("name", t.name(), "from", t.from(), "to", t.to(), "label",
					t.label(lang()), "requiredInputs", t.requiredInputs(), "inputLabels",
					t.requiredInputs()
						.stream()
						.collect(Collectors.toMap((input) -> input,
								(input) -> caseType.fields()
									.field(input)
									.map((field) -> field.label(lang()))
									.orElse(input))),
					"closes", closing.contains(t.to()), "allowed",
					actor.hasRole("AGENT") && (t.roles().isEmpty() || t.roles().stream().anyMatch(actor::hasRole))))
			.toList();
		model.addAttribute("types", this.caseTypes.all());
		model.addAttribute("caseType", caseType);
		model.addAttribute("states", definition.states());
		model.addAttribute("board", board);
		model.addAttribute("money", money);
		model.addAttribute("amounts",
				board.columns()
					.stream()
					.filter((column) -> column.amount() != null)
					.collect(Collectors.toMap(CaseBoard.Column::state, (column) -> (column.total() == 0)
							? EuroTotals.NONE : EuroTotals.format(column.amount(), LocaleContextHolder.getLocale()))));
		// Cases still on an older version may be in a state the current one lacks: they
		// keep a column.
		model.addAttribute("otherColumns",
				board.columns().stream().filter((column) -> definition.state(column.state()).isEmpty()).toList());
		model.addAttribute("filter", filter);
		model.addAttribute("members", this.members.active());
		model.addAttribute("teams", this.teams.all());
		model.addAttribute("maxCards", CaseBoard.MAX_CARDS);
		model.addAttribute("transitionsJson", this.json.write(moves));
		model.addAttribute("memberNames", memberNames());
		model.addAttribute("lang", lang());
		return "cases/board";
	}

	/** The board's "voir plus": the next cards of one column, with the same filters. */
	@GetMapping("/board/column")
	String boardColumn(@RequestParam String type, @RequestParam String state,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) @Nullable UUID assignee,
			@RequestParam(required = false) @Nullable UUID team,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable String q,
			Model model) {
		CaseType caseType = this.caseTypes.require(type);
		CaseBoard.Filter filter = new CaseBoard.Filter(assignee, team, from, to, q);
		List<CaseFile> cards = this.board.cards(type, state, filter, offset, CaseBoard.PAGE);
		// its cards carry their amount, which a move takes to the column it reaches
		model.addAttribute("money", caseType.fields().moneyField().orElse(null));
		long remaining = this.board.count(type, state, filter) - Math.max(offset, 0) - cards.size();
		model.addAttribute("cards", cards);
		model.addAttribute("more", remaining > 0);
		model.addAttribute("remaining", remaining);
		model.addAttribute("nextOffset", Math.max(offset, 0) + cards.size());
		model.addAttribute("type", type);
		model.addAttribute("state", state);
		// names the column in the next "voir plus", as the board does: a state of an
		// older version of the workflow goes by its key
		model.addAttribute("stateLabel",
				this.workflows.current(type)
					.definition()
					.states()
					.stream()
					.filter((s) -> s.key().equals(state))
					.map((s) -> s.label(lang()))
					.findFirst()
					.orElse(state));
		model.addAttribute("filter", filter);
		model.addAttribute("memberNames", memberNames());
		return "cases/board :: more-cards";
	}

	/**
	 * The board's drag and drop: a transition answered in JSON, refusals with a reason.
	 */
	@PostMapping("/{id}/move")
	@ResponseBody
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Map<String, Object>> move(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Map<String, Object> inputs = new LinkedHashMap<>(form.toSingleValueMap());
		Object named = inputs.remove("transition");
		inputs.remove("_csrf");
		Integer version = parseVersion(inputs.remove("version"));
		try {
			CaseFile moved = this.cases.transition(id, transitionName(named), inputs, version,
					this.actors.of(principal));
			Map<String, Object> body = new LinkedHashMap<>(
					Map.of("ok", true, "state", moved.state(), "version", moved.version()));
			// the case's amount after the move, which may have asked it: the board
			// moves it between the columns' sums (ADR 0091)
			this.caseTypes.require(moved.caseType())
				.fields()
				.moneyField()
				.ifPresent((money) -> body.put("amount", moved.fields().get(money.key())));
			return ResponseEntity.ok(body);
		}
		catch (ConflictException | InvalidInputException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("ok", false);
			body.put("message", this.messages.of(ex));
			if (ex instanceof ConflictException conflict) {
				body.putAll(conflict.details());
			}
			return ResponseEntity.status((ex instanceof ConflictException) ? 409 : 400).body(body);
		}
	}

	@GetMapping("/{id}")
	String page(@PathVariable UUID id, @RequestParam(required = false) @Nullable String partyType,
			@RequestParam(required = false) @Nullable String partyQ, @AuthenticationPrincipal AtlasPrincipal principal,
			Model model) {
		CaseFile caseFile = this.cases.require(id);
		candidates(partyType, partyQ, model);
		CaseType type = this.caseTypes.require(caseFile.caseType());
		WorkflowDefinition definition = this.workflows.engine(caseFile.caseType(), caseFile.workflowVersion())
			.definition();
		Actor actor = this.actors.of(principal);
		Set<String> closing = closingWithoutSuccess(definition);
		// a move back to an earlier stage ("Revenir en qualification") is not the page's
		// call to action either: a plain button, after the moves forward
		List<String> order = definition.states().stream().map(StateDefinition::key).toList();
		Set<String> backward = Set.copyOf(order.subList(0, Math.max(0, order.indexOf(caseFile.state()))));
		List<TransitionDefinition> available = definition.transitionsFrom(caseFile.state())
			.stream()
			.filter((t) -> t.roles().isEmpty() || t.roles().stream().anyMatch(actor::hasRole))
			.sorted(Comparator.comparing(
					(TransitionDefinition t) -> closing.contains(t.to()) ? 2 : backward.contains(t.to()) ? 1 : 0))
			.toList();
		model.addAttribute("closing", closing);
		model.addAttribute("backward", backward);
		model.addAttribute("c", caseFile);
		model.addAttribute("caseType", type);
		model.addAttribute("state", definition.state(caseFile.state()).orElse(null));
		model.addAttribute("states", definition.states()
			.stream()
			.collect(Collectors.toMap(StateDefinition::key, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("transitions", available);
		stateWords(caseFile, model);
		// newest first, under the note being written, as a CRM's activity feed reads: the
		// last call is what a member opens the case for (the API keeps the order of
		// events)
		model.addAttribute("timeline", this.timeline.of(id).reversed());
		model.addAttribute("tasks", this.work.tasks(id));
		model.addAttribute("appointments", this.work.appointments(id));
		model.addAttribute("parties", this.parties.of(id));
		// an agency party links to its page while the organisation has Prospects on
		model.addAttribute("agencyPages", this.features.isEnabled(Feature.PROSPECTS));
		model.addAttribute("members", this.members.active());
		List<CaseTeam> teams = this.teams.all();
		List<String> handles = mentionHandles(closestFirst(this.members.active(), caseFile, teams));
		model.addAttribute("mentionHandles", handles.subList(0, Math.min(handles.size(), HANDLES_SHOWN)));
		model.addAttribute("mentionOthers", Math.max(0, handles.size() - HANDLES_SHOWN));
		model.addAttribute("teams", teams);
		Map<UUID, String> names = memberNames();
		model.addAttribute("memberNames", names);
		// the timeline's changes hold ids as JSON text: a reassignment names both members
		model.addAttribute("memberNamesByText",
				names.entrySet()
					.stream()
					.collect(Collectors.toMap((entry) -> entry.getKey().toString(), Map.Entry::getValue)));
		model.addAttribute("lang", lang());
		return "cases/case";
	}

	/**
	 * The final states that close a case without its success: every final state but the
	 * first, which the reports count as won (WON, CLIENT, ACCEPTE). A move into one of
	 * them ("Perdre", "Désister") ends the case for good, so the pages show it apart from
	 * the moves that take the case forward, in the danger style, after them, and ask
	 * before doing it, as deleting does: it was a primary button like "Qualifier".
	 */
	static Set<String> closingWithoutSuccess(WorkflowDefinition definition) {
		List<String> finals = definition.states()
			.stream()
			.filter(StateDefinition::terminal)
			.map(StateDefinition::key)
			.toList();
		return finals.isEmpty() ? Set.of() : Set.copyOf(finals.subList(1, finals.size()));
	}

	private static List<TransitionDefinition> lastIfClosing(List<TransitionDefinition> transitions,
			Set<String> closing) {
		return transitions.stream()
			.sorted(Comparator.comparing((TransitionDefinition t) -> closing.contains(t.to())))
			.toList();
	}

	/**
	 * The labels of the states the timeline names: a migration's entry names a state of
	 * the version the case left, and entries written before it name states its version
	 * may no longer have, which were shown by their keys ("qualified" for "Qualifié").
	 * {@code stateLabels} by key, the case's version first, then the newest;
	 * {@code versionStateLabels} by "version:key".
	 */
	private void stateWords(CaseFile caseFile, Model model) {
		String language = lang();
		Map<String, String> byKey = new LinkedHashMap<>();
		Map<String, String> byVersion = new LinkedHashMap<>();
		this.workflows.engine(caseFile.caseType(), caseFile.workflowVersion())
			.definition()
			.states()
			.forEach((s) -> byKey.put(s.key(), s.label(language)));
		for (WorkflowVersion version : this.workflows.versions(caseFile.caseType()).reversed()) {
			for (StateDefinition s : version.definition().states()) {
				byKey.putIfAbsent(s.key(), s.label(language));
				byVersion.put(version.version() + ":" + s.key(), s.label(language));
			}
		}
		model.addAttribute("stateLabels", byKey);
		model.addAttribute("versionStateLabels", byVersion);
	}

	@PostMapping("/{id}/transitions")
	@PreAuthorize("hasRole('AGENT')")
	String transition(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		Map<String, Object> inputs = new LinkedHashMap<>(form.toSingleValueMap());
		String transition = transitionName(inputs.remove("transition"));
		inputs.remove("_csrf");
		Integer version = parseVersion(inputs.remove("version"));
		inputs.values().removeIf((v) -> v == null || v.toString().isBlank());
		String next = attempt(id, redirect, List.of(),
				() -> this.cases.transition(id, transition, inputs, version, this.actors.of(principal)),
				(moved) -> this.messages.text("cases.moved",
						this.workflows.engine(moved.caseType(), moved.workflowVersion())
							.definition()
							.state(moved.state())
							.map((target) -> target.label(lang()))
							.orElse(moved.state())));
		if (redirect.getFlashAttributes().containsKey("error")) {
			// shown again in the transition's fields, to correct "beaucoup" rather than
			// type the budget and the financing again
			redirect.addFlashAttribute("typed", inputs);
		}
		return next;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('AGENT')")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		Map<String, Object> patch = new LinkedHashMap<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		form.toSingleValueMap().forEach((key, value) -> {
			if (key.startsWith("fields.")) {
				fields.put(key.substring("fields.".length()), value);
			}
			else if (List.of("title", "assigneeId", "teamId", "priority", "dueDate").contains(key)) {
				patch.put(key, value);
			}
		});
		if (form.containsKey("tags")) {
			patch.put("tags", List.of(form.getFirst("tags").split(",")).stream().map(String::trim).toList());
		}
		patch.put("fields", fields);
		Integer version = parseVersion(form.getFirst("version"));
		// what was typed comes back after a refusal, to be corrected rather than typed
		// again; not after a stale version, whose page shows the other person's change
		redirect.addFlashAttribute("edited", form.toSingleValueMap());
		return attempt(id, redirect, () -> this.cases.update(id, version, patch, this.actors.of(principal)));
	}

	/**
	 * Deletes the case as the API does (ADR 0057), from the version the page showed: a
	 * case changed meanwhile is shown again with why, not deleted.
	 */
	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('MANAGER')")
	String delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version,
			RedirectAttributes redirect) {
		String reference = this.cases.require(id).reference();
		try {
			this.cases.delete(id, parseVersion(version));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			return "redirect:/cases/" + id;
		}
		redirect.addFlashAttribute("notice", this.messages.text("cases.deleted", reference));
		return "redirect:/cases";
	}

	@PostMapping("/{id}/notes")
	@PreAuthorize("hasRole('AGENT')")
	String note(@PathVariable UUID id, @RequestParam String text, @RequestParam(defaultValue = "NOTE") String channel,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		// a refused note comes back in its field, so what was typed is never lost
		redirect.addFlashAttribute("noteText", text);
		redirect.addFlashAttribute("noteChannel", channel);
		return attempt(id, redirect, () -> {
			Cases.AddedNote added = this.cases.addNote(id, text, channel, this.actors.of(principal));
			if (!added.unmatchedMentions().isEmpty()) {
				redirect.addFlashAttribute("warning", this.messages.text("cases.note.unmatched-mentions",
						added.unmatchedMentions().stream().map((h) -> "@" + h).collect(Collectors.joining(", ")),
						added.unmatchedMentions().size()));
			}
			return null;
		});
	}

	/**
	 * The party picker's candidates as one types (htmx): the organisation's agencies,
	 * contacts and parties already linked whose name holds the text.
	 */
	@GetMapping("/{id}/parties/candidates")
	@PreAuthorize("hasRole('AGENT')")
	String partyCandidates(@PathVariable UUID id, @RequestParam(defaultValue = "AGENCY") String partyType,
			@RequestParam(defaultValue = "") String partyQ, Model model) {
		model.addAttribute("c", this.cases.require(id));
		candidates(partyType, partyQ, model);
		return "cases/case :: party-candidates";
	}

	private void candidates(@Nullable String partyType, @Nullable String partyQ, Model model) {
		String type = (partyType != null && !partyType.isBlank()) ? partyType : "AGENCY";
		model.addAttribute("partyType", type);
		model.addAttribute("partyQ", partyQ);
		model.addAttribute("leastLetters", PartyCandidates.LEAST_LETTERS);
		model.addAttribute("candidates", (partyQ != null) ? this.partyCandidates.find(type, partyQ) : List.of());
	}

	@PostMapping("/{id}/parties")
	@PreAuthorize("hasRole('AGENT')")
	String addParty(@PathVariable UUID id, @RequestParam String type, @RequestParam String partyId,
			@RequestParam String label, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return attempt(id, redirect,
				() -> this.parties.add(id, new CaseParties.NewParty(type, partyId, label), this.actors.of(principal)));
	}

	@PostMapping("/{id}/parties/remove")
	@PreAuthorize("hasRole('AGENT')")
	String removeParty(@PathVariable UUID id, @RequestParam String type, @RequestParam String partyId,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> {
			this.parties.remove(id, type, partyId, this.actors.of(principal));
			return null;
		});
	}

	@PostMapping("/{id}/tasks")
	@PreAuthorize("hasRole('AGENT')")
	String addTask(@PathVariable UUID id, @RequestParam String title,
			@RequestParam(required = false) @Nullable String dueAt,
			@RequestParam(required = false) @Nullable String remindAt,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		List<String> remarks = new ArrayList<>();
		keepTyped(redirect, "tasks", Map.of("title", title, "dueAt", orEmpty(dueAt), "remindAt", orEmpty(remindAt)));
		return attempt(id, redirect, remarks, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			WallClockTime due = typed("dueAt", dueAt, problems, remarks);
			WallClockTime remind = typed("remindAt", remindAt, problems, remarks);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return this.work.addTask(id,
					new CaseWork.NewTask(title, WallClockTime.instantOf(due), null, WallClockTime.instantOf(remind)),
					this.actors.of(principal));
		}, (task) -> this.messages.text("cases.task.added", title.strip()));
	}

	@PostMapping("/{id}/tasks/{taskId}/complete")
	@PreAuthorize("hasRole('AGENT')")
	String completeTask(@PathVariable UUID id, @PathVariable UUID taskId,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> this.work.completeTask(id, taskId, this.actors.of(principal)));
	}

	@PostMapping("/{id}/appointments")
	@PreAuthorize("hasRole('AGENT')")
	String schedule(@PathVariable UUID id, @RequestParam String title, @RequestParam String startsAt,
			@RequestParam(required = false) @Nullable String endsAt,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String participants,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		List<String> remarks = new ArrayList<>();
		keepTyped(redirect, "appointments", Map.of("title", title, "startsAt", startsAt, "endsAt", orEmpty(endsAt),
				"place", orEmpty(place), "participants", orEmpty(participants)));
		return attempt(id, redirect, remarks, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			WallClockTime starts = typed("startsAt", startsAt, problems, remarks);
			// without an end, an hour, as the API does
			WallClockTime ends = typed("endsAt", endsAt, problems, remarks);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return this.work.schedule(id,
					new CaseWork.NewAppointment(title, WallClockTime.instantOf(starts), WallClockTime.instantOf(ends),
							place, (participants != null) ? List.of(participants.split(",")) : List.of()),
					this.actors.of(principal));
		}, (appointment) -> this.messages.text("cases.appointment.scheduled", title.strip()));
	}

	@PostMapping("/{id}/appointments/{appointmentId}/outcome")
	@PreAuthorize("hasRole('AGENT')")
	String outcome(@PathVariable UUID id, @PathVariable UUID appointmentId, @RequestParam String outcome,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		return attempt(id, redirect,
				() -> this.work.recordOutcome(id, appointmentId, outcome, this.actors.of(principal)));
	}

	@GetMapping(path = "/{id}/appointments/{appointmentId}/invitation.ics", produces = "text/calendar")
	@ResponseBody
	ResponseEntity<String> invitation(@PathVariable UUID id, @PathVariable UUID appointmentId) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"rendez-vous.ics\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.body(this.work.invitation(id, appointmentId));
	}

	private String attempt(UUID id, RedirectAttributes redirect, java.util.function.Supplier<?> work) {
		return attempt(id, redirect, List.of(), work);
	}

	/**
	 * Does the work and says it is saved, followed by the {@code remarks} the work made
	 * (how a typed time was read), or says why it was refused.
	 */
	private String attempt(UUID id, RedirectAttributes redirect, List<String> remarks,
			java.util.function.Supplier<?> work) {
		return attempt(id, redirect, remarks, work, (done) -> this.messages.text("cases.saved"));
	}

	/**
	 * As above, saying what was done ({@code said} of the work's result: "Tâche «
	 * Rappeler le client » ajoutée.") rather than a bare "Enregistré.".
	 */
	private <T> String attempt(UUID id, RedirectAttributes redirect, List<String> remarks,
			java.util.function.Supplier<T> work, java.util.function.Function<T, String> said) {
		try {
			T done = work.get();
			// what was sent is kept only to be shown again after a refusal
			redirect.getFlashAttributes().remove("noteText");
			redirect.getFlashAttributes().remove("noteChannel");
			redirect.getFlashAttributes().remove("edited");
			redirect.getFlashAttributes().remove("typedIn");
			redirect.getFlashAttributes().remove("typedAt");
			redirect.addFlashAttribute("notice",
					Stream.concat(Stream.of(said.apply(done)), remarks.stream()).collect(Collectors.joining(" ")));
		}
		catch (ConflictException | InvalidInputException ex) {
			if (ex instanceof ConflictException) {
				redirect.getFlashAttributes().remove("edited");
			}
			redirect.addFlashAttribute("error",
					this.messages.of(ex, this.cases.find(id).map((c) -> fieldLabels(c.caseType())).orElse(Map.of())));
			// a refused task or appointment is told beside its form, which the page is
			// brought back to, rather than at the top of a page reloaded at its top, out
			// of sight of the form the member had scrolled down to
			if (redirect.getFlashAttributes().get("typedAt") instanceof String form) {
				return "redirect:/cases/" + id + "#" + form;
			}
		}
		return "redirect:/cases/" + id;
	}

	/**
	 * Keeps what was typed in the form {@code form} of the case page ("tasks",
	 * "appointments"), to be shown again in it if the work is refused: an appointment
	 * over 24 hours, or a reminder after its task's due date, came back with the form
	 * emptied, its place, participants and times to be typed again.
	 */
	private static void keepTyped(RedirectAttributes redirect, String form, Map<String, String> typed) {
		redirect.addFlashAttribute("typedAt", form);
		redirect.addFlashAttribute("typedIn", typed);
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * Handles the note form lists: an organisation of forty members had forty, for a case
	 * that two or three of them work.
	 */
	private static final int HANDLES_SHOWN = 10;

	/**
	 * The members a case's note most likely mentions first: its assignee, then its team,
	 * then the others as they come.
	 */
	static List<Member> closestFirst(List<Member> members, CaseFile caseFile, List<CaseTeam> teams) {
		Set<UUID> team = teams.stream()
			.filter((t) -> t.id().equals(caseFile.teamId()))
			.flatMap((t) -> t.members().stream())
			.collect(Collectors.toSet());
		return members.stream()
			.sorted(Comparator.comparingInt((Member m) -> m.id().value().equals(caseFile.assigneeId()) ? 0
					: team.contains(m.id().value()) ? 1 : 2))
			.toList();
	}

	/**
	 * How each member is mentioned in a note ({@code @AliceMartin}, their name without
	 * spaces, else the start of their e-mail address), told under the note: nothing on
	 * the page said it, and "@Alice" was answered that it named nobody.
	 */
	static List<String> mentionHandles(List<Member> members) {
		return members.stream().map((m) -> {
			String name = m.name().replace(" ", "");
			return HANDLE.matcher(name).matches() ? name : m.email().substring(0, m.email().indexOf('@'));
		}).filter((h) -> HANDLE.matcher(h).matches()).map((h) -> "@" + h).toList();
	}

	/** A handle a note's mention reads whole (as {@code Cases} reads them). */
	private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern
		.compile("[\\p{L}0-9]([\\p{L}0-9._-]*[\\p{L}0-9])?");

	/** The labels of a case type's own fields, by the name their problems give them. */
	private Map<String, String> fieldLabels(String caseType) {
		return this.caseTypes.require(caseType)
			.fields()
			.fields()
			.stream()
			.collect(Collectors.toMap((f) -> "fields." + f.key(), (f) -> f.label(lang())));
	}

	private Map<UUID, String> memberNames() {
		return this.members.namesById();
	}

	/**
	 * The transition a form names. A request without one, which no page sends, was tried
	 * as the transition "null" and refused as « La transition « null » n'existe pas ».
	 */
	private static String transitionName(@Nullable Object raw) {
		if (raw == null || raw.toString().isBlank()) {
			throw new InvalidInputException("transition", "field.required");
		}
		return raw.toString().trim();
	}

	private static @Nullable Integer parseVersion(@Nullable Object raw) {
		try {
			return (raw != null && !raw.toString().isBlank()) ? Integer.valueOf(raw.toString().trim()) : null;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "field.invalid");
		}
	}

	/**
	 * A datetime-local field read as Paris time; a problem is added to {@code problems},
	 * and a time the clocks showed twice is said in {@code remarks} (ADR 0077).
	 */
	private @Nullable WallClockTime typed(String field, @Nullable String value, List<FieldProblem> problems,
			List<String> remarks) {
		DateTimeFormatter days = DateTimeFormatter.ofPattern(this.messages.text("format.date"),
				LocaleContextHolder.getLocale());
		try {
			WallClockTime time = WallClockTime.read(field, value, days);
			if (time != null && time.repeated() != null) {
				ZonedDateTime at = time.instant().atZone(PARIS);
				remarks
					.add(this.messages.text("cases.time.repeated", this.messages.text("cases.problem.field." + field),
							days.format(at), DateTimeFormatter.ofPattern("HH:mm").format(at), at.getOffset().getId()));
			}
			return time;
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	private static String lang() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
