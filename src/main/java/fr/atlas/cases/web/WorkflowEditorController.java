package fr.atlas.cases.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.atlas.cases.engine.EntryAction;
import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.internal.CaseAssignment;
import fr.atlas.cases.internal.CaseJson;
import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.FieldSpec;
import fr.atlas.cases.internal.Cases;
import fr.atlas.cases.internal.WorkflowJson;
import fr.atlas.cases.internal.WorkflowVersion;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow editor of a case type: its versions, the states and transitions of one
 * version with a diagram, and a JSON editor that saves a new draft (refused with every
 * problem if the graph is invalid) and publishes drafts.
 */
@Controller
@RequestMapping("/cases/types/{key}/workflow")
@RequiresFeature(Feature.CASES)
class WorkflowEditorController {

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	private final CaseJson json;

	private final UiMessages messages;

	private final JsonMapper pretty;

	private final CaseActors actors;

	private final DefinitionDocuments documents;

	private final CaseAssignment assignment;

	private final Members members;

	private final DelayWords delays;

	private final Cases cases;

	WorkflowEditorController(CaseTypes caseTypes, Workflows workflows, CaseJson json, UiMessages messages,
			JsonMapper mapper, CaseActors actors, DefinitionDocuments documents, CaseAssignment assignment,
			Members members, DelayWords delays, Cases cases) {
		this.cases = cases;
		this.delays = delays;
		this.assignment = assignment;
		this.members = members;
		this.documents = documents;
		this.actors = actors;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.json = json;
		this.messages = messages;
		this.pretty = mapper.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	@ModelAttribute("canAdmin")
	boolean canAdmin(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("ADMIN");
	}

	@GetMapping
	String show(@PathVariable String key, @RequestParam(required = false) @Nullable Integer version, Model model) {
		CaseType type = this.caseTypes.require(key);
		List<WorkflowVersion> versions = this.workflows.versions(key);
		WorkflowVersion shown = (version != null) ? this.workflows.version(key, version) : versions.getLast();
		String language = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("types", this.caseTypes.all());
		model.addAttribute("caseType", type);
		model.addAttribute("versions", versions);
		model.addAttribute("shown", shown);
		model.addAttribute("current", this.workflows.current(key).version());
		model.addAttribute("latest", versions.getLast().version());
		model.addAttribute("diagram", WorkflowDiagram.svg(shown.definition(), language, this.delays,
				this.messages.text("cases.workflow.diagram", type.label(language))));
		model.addAttribute("lang", language);
		// the tables name fields, roles and entry actions in words, as the case page does
		model.addAttribute("fieldWords", new KeyWords(
				type.fields().fields().stream().collect(Collectors.toMap(FieldSpec::key, (f) -> f.label(language)))));
		model.addAttribute("roleWords", new KeyWords(Arrays.stream(Role.values())
			.collect(Collectors.toMap(Role::name, (r) -> this.messages.text("role." + r.name())))));
		// the step form offers the roles as boxes to tick, by their labels: it asked for
		// keys typed in ("MANAGER") that no page shows
		model.addAttribute("roleKeys", Arrays.stream(Role.values()).map(Role::name).toList());
		model.addAttribute("actionWords",
				new KeyWords(Arrays.stream(EntryAction.Type.values())
					.collect(Collectors.toMap(EntryAction.Type::name,
							(t) -> this.messages.text("cases.workflow.action." + t.name())))));
		// states by their labels, as the board and the case page name them: the form's
		// lists and the transitions' moves showed keys ("QUALIFIED")
		model.addAttribute("stateWords",
				new KeyWords(shown.definition()
					.states()
					.stream()
					.collect(Collectors.toMap(StateDefinition::key, (s) -> s.label(language), (a, b) -> a))));
		model.addAttribute("assignmentRules", this.assignment.rules(key));
		model.addAttribute("agents", this.members.active().stream().filter((m) -> m.has(Role.AGENT)).toList());
		model.addAttribute("memberNames", this.members.namesById());
		model.addAttribute("sources", Cases.SOURCES.stream().sorted().toList());
		// a published version offers to move there the cases running on the others, each
		// state they are in mapped onto one of its own: the API did it, no page did
		List<Cases.RunningState> running = shown.published() ? this.cases.runningElsewhere(key, shown.version())
				: List.of();
		model.addAttribute("runningElsewhere", running);
		Map<String, String> runningLabels = new LinkedHashMap<>();
		for (Cases.RunningState state : running) {
			String label = state.versions()
				.stream()
				.map((v) -> versions.stream().filter((w) -> w.version() == v).findFirst())
				.flatMap(java.util.Optional::stream)
				.map((w) -> w.definition().state(state.state()))
				.flatMap(java.util.Optional::stream)
				.map((st) -> st.label(language))
				.findFirst()
				.orElse(state.state());
			runningLabels.put(state.state(), label);
		}
		model.addAttribute("runningLabels", runningLabels);
		if (!model.containsAttribute("document")) {
			model.addAttribute("document", this.pretty.writeValueAsString(WorkflowJson.write(shown.definition())));
		}
		return "cases/workflow";
	}

	/** Downloads a case type with one workflow version, in the import format. */
	@GetMapping("/export")
	@ResponseBody
	ResponseEntity<String> export(@PathVariable String key, @RequestParam int version,
			@RequestParam(defaultValue = "json") String format) {
		CaseType type = this.caseTypes.require(key);
		WorkflowVersion shown = this.workflows.version(key, version);
		Map<String, Object> document = this.caseTypes.export(type, shown);
		if (this.documents.wantsYaml(format, null)) {
			return this.documents.yaml(document, null, key + "-v" + version + ".yaml");
		}
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"" + key + "-v" + version + ".json\"")
			.body(this.pretty.writeValueAsString(document));
	}

	/**
	 * Imports a YAML (or JSON) file, a whole export or just {states, transitions}, as a
	 * new draft; refused with every problem, line and column included for malformed YAML.
	 */
	@PostMapping("/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importFile(@PathVariable String key,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			Map<String, Object> document = this.documents.read(file);
			@SuppressWarnings("unchecked")
			Map<String, Object> definition = (document.get("workflow") instanceof Map<?, ?> workflow)
					? (Map<String, Object>) workflow : document;
			// a whole export's fields stay with the draft (ADR 0090)
			WorkflowVersion draft = this.workflows.createDraft(key, definition,
					(document.get("workflow") instanceof Map<?, ?>) ? document.get("fields") : null,
					this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.imported", draft.version()));
			return "redirect:/cases/types/" + key + "/workflow?version=" + draft.version();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			return "redirect:/cases/types/" + key + "/workflow";
		}
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String saveDraft(@PathVariable String key, @RequestParam String document,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			Map<String, Object> parsed = this.json.parseDocument("document", document);
			// a whole export pasted in is read as the API reads it, its fields kept with
			// the draft (ADR 0090); it was refused for its "key" and "fields"
			@SuppressWarnings("unchecked")
			Map<String, Object> definition = (parsed.get("workflow") instanceof Map<?, ?> workflow)
					? (Map<String, Object>) workflow : parsed;
			WorkflowVersion draft = this.workflows.createDraft(key, definition,
					(parsed.get("workflow") instanceof Map<?, ?>) ? parsed.get("fields") : null,
					this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.draft-saved", draft.version()));
			return "redirect:/cases/types/" + key + "/workflow?version=" + draft.version();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			redirect.addFlashAttribute("document", document);
			return "redirect:/cases/types/" + key + "/workflow";
		}
	}

	/**
	 * The form editor's "add a step": a new state and the transition that reaches it,
	 * added to the latest draft (or to a new draft of the current version). Adding both
	 * at once keeps the graph valid at every save.
	 */
	@PostMapping("/steps")
	@PreAuthorize("hasRole('ADMIN')")
	String addStep(@PathVariable String key, StepForm form, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return edit(key, principal, redirect, form, (definition) -> {
			List<StateDefinition> states = new ArrayList<>(definition.states());
			String stateKey = form.state() != null ? form.state().trim().toUpperCase() : "";
			if (definition.state(stateKey).isEmpty()) {
				Map<String, String> labels = new LinkedHashMap<>();
				labels.put("fr", blankToDefault(form.labelFr(), stateKey));
				labels.put("en", blankToDefault(form.labelEn(), labels.get("fr")));
				Duration sla = delay("sla", form.sla(), form.slaUnit());
				Duration escalateAfter = (sla != null) ? delay("escalate", form.escalate(), form.escalateUnit()) : null;
				states.add(new StateDefinition(stateKey, false, Boolean.TRUE.equals(form.terminal()), labels,
						blankToNull(form.colour()), sla, escalateAfter, List.of()));
			}
			List<TransitionDefinition> transitions = new ArrayList<>(definition.transitions());
			transitions.add(new TransitionDefinition(
					blankToDefault(form.transition(), "").trim(), (form.from() != null) ? form.from() : List.of(),
					stateKey, transitionLabels(form, stateKey), (form.roles() != null)
							? form.roles().stream().flatMap((r) -> words(r).stream()).toList() : List.of(),
					words(form.requiredFields()), words(form.requiredInputs())));
			if (form.nextState() != null && !form.nextState().isBlank()) {
				// A new open state needs a way out, or the graph has a dead end.
				transitions.add(new TransitionDefinition(
						blankToDefault(form.nextTransition(), stateKey.toLowerCase() + "_next"), List.of(stateKey),
						form.nextState().trim(), Map.of(), List.of(), List.of(), List.of()));
			}
			return new WorkflowDefinition(states, transitions);
		});
	}

	/**
	 * The transition's label in both languages, as the state's: English, left empty,
	 * reads the French one; French, left empty, the state's key.
	 */
	private static Map<String, String> transitionLabels(StepForm form, String stateKey) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("fr", blankToDefault(form.transitionLabel(), stateKey));
		labels.put("en", blankToDefault(form.transitionLabelEn(), labels.get("fr")));
		return labels;
	}

	/**
	 * The form editor's "remove": a transition, or a state with every transition into or
	 * out of it.
	 */
	@PostMapping("/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String remove(@PathVariable String key, @RequestParam(required = false) @Nullable String transition,
			@RequestParam(required = false) @Nullable String state, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return edit(key, principal, redirect, null, (definition) -> {
			List<StateDefinition> states = definition.states().stream().filter((s) -> !s.key().equals(state)).toList();
			List<TransitionDefinition> transitions = definition.transitions()
				.stream()
				.filter((t) -> !t.name().equals(transition) && !t.to().equals(state))
				.map((t) -> new TransitionDefinition(t.name(),
						t.from().stream().filter((f) -> !f.equals(state)).toList(), t.to(), t.labels(), t.roles(),
						t.requiredFields(), t.requiredInputs()))
				.filter((t) -> !t.from().isEmpty())
				.toList();
			return new WorkflowDefinition(states, transitions);
		});
	}

	/**
	 * Applies {@code change} to the latest version; a refused {@code step} (the step
	 * form's) comes back in its form, with the refusal beside it, where the page is
	 * brought back to: its eight or so fields came back emptied, and the refusal sat at
	 * the top of the page, out of sight of the form.
	 */
	private String edit(String key, AtlasPrincipal principal, RedirectAttributes redirect, @Nullable StepForm step,
			java.util.function.UnaryOperator<WorkflowDefinition> change) {
		try {
			List<WorkflowVersion> versions = this.workflows.versions(key);
			WorkflowVersion latest = versions.getLast();
			Map<String, Object> document = WorkflowJson.write(change.apply(latest.definition()));
			WorkflowVersion saved = latest.published()
					? this.workflows.createDraft(key, document, this.actors.of(principal))
					: this.workflows.updateDraft(key, latest.version(), document, this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.draft-saved", saved.version()));
			return "redirect:/cases/types/" + key + "/workflow?version=" + saved.version();
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			if (step != null) {
				// as a map: a flash attribute is kept in the session, whose store takes
				// what serialises
				redirect.addFlashAttribute("step", step.typed());
				return "redirect:/cases/types/" + key + "/workflow#step-form";
			}
			return "redirect:/cases/types/" + key + "/workflow";
		}
	}

	/**
	 * A delay as the form gives it: working days, or working hours under a day. The
	 * engine counts each whole 24 hours of a delay as one working day (ADR 0011's
	 * calendar), so 30 "hours" would be a day and 6 hours: beyond 23 hours, days are
	 * asked for instead.
	 */
	static @Nullable Duration delay(String field, @Nullable Integer amount, @Nullable String unit) {
		if (amount == null || amount <= 0) {
			return null;
		}
		if ("days".equals(unit)) {
			return Duration.ofDays(amount);
		}
		if (amount >= 24) {
			throw new InvalidInputException(field, "cases.workflow.hours-under-a-day");
		}
		return Duration.ofHours(amount);
	}

	private static List<String> words(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\s]+")).filter((w) -> !w.isBlank()).toList();
	}

	private static String blankToDefault(@Nullable String text, String fallback) {
		return (text == null || text.isBlank()) ? fallback : text.trim();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/** The "add a step" form: a state (new or existing) and the transition into it. */
	record StepForm(@Nullable String state, @Nullable String labelFr, @Nullable String labelEn, @Nullable String colour,
			@Nullable Integer sla, @Nullable String slaUnit, @Nullable Integer escalate, @Nullable String escalateUnit,
			@Nullable Boolean terminal, @Nullable String transition, @Nullable String transitionLabel,
			@Nullable String transitionLabelEn, @Nullable List<String> from, @Nullable List<String> roles,
			@Nullable String requiredFields, @Nullable String requiredInputs, @Nullable String nextTransition,
			@Nullable String nextState) {

		/** What was typed, to be shown again in the form after a refusal. */
		Map<String, Object> typed() {
			Map<String, Object> typed = new java.util.HashMap<>();
			typed.put("state", this.state);
			typed.put("labelFr", this.labelFr);
			typed.put("labelEn", this.labelEn);
			typed.put("colour", this.colour);
			typed.put("sla", this.sla);
			typed.put("slaUnit", this.slaUnit);
			typed.put("escalate", this.escalate);
			typed.put("escalateUnit", this.escalateUnit);
			typed.put("terminal", Boolean.TRUE.equals(this.terminal));
			typed.put("transition", this.transition);
			typed.put("transitionLabel", this.transitionLabel);
			typed.put("transitionLabelEn", this.transitionLabelEn);
			typed.put("from", (this.from != null) ? new ArrayList<>(this.from) : new ArrayList<>());
			typed.put("roles", (this.roles != null) ? new ArrayList<>(this.roles) : new ArrayList<>());
			typed.put("requiredFields", this.requiredFields);
			typed.put("requiredInputs", this.requiredInputs);
			typed.put("nextTransition", this.nextTransition);
			typed.put("nextState", this.nextState);
			return typed;
		}

	}

	/**
	 * Moves the running cases of other versions to this published one, each state they
	 * are in mapped as chosen ({@code mapping.VISIT=RDV}); a state mapped onto itself is
	 * left out, as the API reads a state it is not given. Refused, the choices come back
	 * with the reason beside them.
	 */
	@PostMapping("/{version}/migrate")
	@PreAuthorize("hasRole('ADMIN')")
	String migrate(@PathVariable String key, @PathVariable int version, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		Map<String, String> mapping = new LinkedHashMap<>();
		form.forEach((name, to) -> {
			if (name.startsWith("mapping.") && to != null && !to.isBlank()
					&& !name.substring("mapping.".length()).equals(to)) {
				mapping.put(name.substring("mapping.".length()), to.strip());
			}
		});
		try {
			int migrated = this.cases.migrate(key, version, mapping, this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.migrated", migrated, version));
			return "redirect:/cases/types/" + key + "/workflow?version=" + version;
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			Map<String, String> chosen = new java.util.HashMap<>();
			form.forEach((name, to) -> {
				if (name.startsWith("mapping.")) {
					chosen.put(name.substring("mapping.".length()), to);
				}
			});
			redirect.addFlashAttribute("migration", chosen);
			return "redirect:/cases/types/" + key + "/workflow?version=" + version + "#migration";
		}
	}

	@PostMapping("/{version}/publish")
	@PreAuthorize("hasRole('ADMIN')")
	String publish(@PathVariable String key, @PathVariable int version,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			this.workflows.publish(key, version, this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.published", version));
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return "redirect:/cases/types/" + key + "/workflow?version=" + version;
	}

}
