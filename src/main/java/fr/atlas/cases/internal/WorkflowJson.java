package fr.atlas.cases.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.engine.EntryAction;
import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a workflow definition, used for storage, import and export: <pre>
 * {"states": [{"key", "initial", "final", "labels": {"fr", "en"}, "colour", "sla": "PT2H", "escalateAfter": "PT4H",
 *              "onEnter": [{"type": "CREATE_TASK"|"NOTIFY"|"EMIT_EVENT", "name", "due"}]}],
 *  "transitions": [{"name", "from": [...], "to", "labels", "roles", "requiredFields", "requiredInputs"}]}
 * </pre> Shape errors are reported with the path of the offending element.
 */
public final class WorkflowJson {

	private WorkflowJson() {
	}

	private static final List<String> DEFINITION_PROPERTIES = List.of("states", "transitions");

	private static final List<String> STATE_PROPERTIES = List.of("key", "initial", "final", "labels", "colour", "sla",
			"escalateAfter", "onEnter");

	private static final List<String> ACTION_PROPERTIES = List.of("type", "name", "due");

	private static final List<String> TRANSITION_PROPERTIES = List.of("name", "from", "to", "labels", "roles",
			"requiredFields", "requiredInputs");

	/**
	 * Reads a definition sent by a client (import, draft, validation): besides what
	 * {@link #read} refuses, a property the format does not have (a misspelt
	 * {@code "colr"} or {@code "gards"} would otherwise be dropped without a word) and a
	 * role no member can hold (its transition would be open to nobody). Stored
	 * definitions are read with {@link #read}, so that none saved earlier stops loading.
	 */
	public static WorkflowDefinition readImported(Map<String, Object> json) {
		List<FieldProblem> problems = new ArrayList<>();
		unknown(json, "", DEFINITION_PROPERTIES, problems);
		if (json.get("states") instanceof List<?> states) {
			for (int i = 0; i < states.size(); i++) {
				if (states.get(i) instanceof Map<?, ?> state) {
					unknown(state, "states[" + i + "].", STATE_PROPERTIES, problems);
					wrongTypes(state, "states[" + i + "].", List.of("key", "colour"), List.of("initial", "final"),
							problems);
					labelProblems(state.get("labels"), "states[" + i + "].labels", problems);
					if (state.get("onEnter") instanceof List<?> actions) {
						for (int a = 0; a < actions.size(); a++) {
							if (actions.get(a) instanceof Map<?, ?> action) {
								unknown(action, "states[" + i + "].onEnter[" + a + "].", ACTION_PROPERTIES, problems);
								wrongTypes(action, "states[" + i + "].onEnter[" + a + "].", List.of("type", "name"),
										List.of(), problems);
								// the title of the task it creates
								tooLong(action.get("name"), "states[" + i + "].onEnter[" + a + "].name", problems);
							}
						}
					}
				}
			}
		}
		if (json.get("transitions") instanceof List<?> transitions) {
			for (int i = 0; i < transitions.size(); i++) {
				if (transitions.get(i) instanceof Map<?, ?> transition) {
					unknown(transition, "transitions[" + i + "].", TRANSITION_PROPERTIES, problems);
					wrongTypes(transition, "transitions[" + i + "].", List.of("name", "to"), List.of(), problems);
					labelProblems(transition.get("labels"), "transitions[" + i + "].labels", problems);
					List<?> roles = (transition.get("roles") instanceof List<?> list) ? list
							: (transition.get("roles") instanceof String one) ? List.of(one) : List.of();
					for (int r = 0; r < roles.size(); r++) {
						if (roles.get(r) instanceof String role && Role.parse(role).isEmpty()) {
							problems.add(new FieldProblem("transitions[" + i + "].roles[" + r + "]",
									"workflow.unknown-role", role));
						}
					}
				}
			}
		}
		try {
			WorkflowDefinition definition = read(json);
			if (problems.isEmpty()) {
				return definition;
			}
		}
		catch (InvalidInputException ex) {
			// a value of the wrong type is named as such above, not again as missing
			List<String> named = problems.stream().map(FieldProblem::field).toList();
			problems.addAll(0, ex.problems().stream().filter((p) -> !named.contains(p.field())).toList());
		}
		throw new InvalidInputException(problems);
	}

	/**
	 * Adds a problem for each of {@code texts} that is there but no text, and each of
	 * {@code booleans} that is there but neither true nor false: {@code "initial": "yes"}
	 * made a state that is not initial, {@code "labels": "Nouveau"} a state without its
	 * labels, saved, and {@code "to": ["WON"]} was "required" (ADR 0118).
	 */
	private static void wrongTypes(Map<?, ?> object, String path, List<String> texts, List<String> booleans,
			List<FieldProblem> problems) {
		for (String property : texts) {
			Object value = object.get(property);
			if (value != null && !(value instanceof String)) {
				problems.add(new FieldProblem(path + property, "json.expected.text"));
			}
		}
		for (String property : booleans) {
			Object value = object.get(property);
			if (value != null && !(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
				problems.add(new FieldProblem(path + property, "json.expected.boolean"));
			}
		}
		Object labels = object.get("labels");
		if (labels != null && !(labels instanceof Map)) {
			problems.add(new FieldProblem(path + "labels", "json.expected.object"));
		}
		else if (labels instanceof Map<?, ?> map) {
			map.forEach((language, label) -> {
				if (!(label instanceof String)) {
					problems.add(new FieldProblem(path + "labels." + language, "json.expected.text"));
				}
			});
		}
	}

	/**
	 * The longest label of a case type, a state, a transition or a field, and the longest
	 * option of a CHOICE: as a case's title, which they stand beside on every page.
	 */
	static final int MAX_LABEL = 200;

	/** The most languages a thing is labelled in. */
	static final int MAX_LANGUAGES = 10;

	/** The longest code of a language ("fr", "pt-BR"). */
	static final int MAX_LANGUAGE_CODE = 10;

	/**
	 * Adds a problem for each label of {@code labels} longer than {@link #MAX_LABEL}
	 * ({@code states[2].labels.fr}), each language code longer than
	 * {@link #MAX_LANGUAGE_CODE}, and one for more than {@link #MAX_LANGUAGES} of them: a
	 * label of megabytes, or thousands of them, was kept whole and shown on every page
	 * and diagram (ADR 0111).
	 */
	static void labelProblems(@Nullable Object labels, String path, List<FieldProblem> problems) {
		if (!(labels instanceof Map<?, ?> map)) {
			return;
		}
		if (map.size() > MAX_LANGUAGES) {
			problems.add(new FieldProblem(path, "field.too-many", MAX_LANGUAGES));
		}
		map.forEach((language, label) -> {
			String code = String.valueOf(language);
			if (code.codePointCount(0, code.length()) > MAX_LANGUAGE_CODE) {
				problems.add(new FieldProblem(path, "workflow.label-language-too-long", MAX_LANGUAGE_CODE));
			}
			else {
				tooLong(label, path + "." + code, problems);
			}
		});
	}

	/** Adds a problem when {@code value} is a text longer than {@link #MAX_LABEL}. */
	static void tooLong(@Nullable Object value, String path, List<FieldProblem> problems) {
		if (value instanceof String text && text.strip().codePointCount(0, text.strip().length()) > MAX_LABEL) {
			problems.add(new FieldProblem(path, "field.too-long", MAX_LABEL));
		}
	}

	/** Adds a problem for each property of {@code object} not {@code known}. */
	static void unknown(Map<?, ?> object, String path, List<String> known, List<FieldProblem> problems) {
		for (Object property : object.keySet()) {
			if (!known.contains(String.valueOf(property))) {
				problems.add(
						new FieldProblem(path + property, "json.unknown-property", property, String.join(", ", known)));
			}
		}
	}

	public static WorkflowDefinition read(Map<String, Object> json) {
		List<FieldProblem> problems = new ArrayList<>();
		List<StateDefinition> states = new ArrayList<>();
		List<Map<String, Object>> rawStates = objects(json.get("states"), "states", problems);
		for (int i = 0; i < rawStates.size(); i++) {
			Map<String, Object> s = rawStates.get(i);
			String path = "states[" + i + "]";
			List<EntryAction> actions = new ArrayList<>();
			List<Map<String, Object>> rawActions = objects(s.get("onEnter"), path + ".onEnter", problems);
			for (int a = 0; a < rawActions.size(); a++) {
				Map<String, Object> action = rawActions.get(a);
				String actionPath = path + ".onEnter[" + a + "]";
				try {
					actions.add(new EntryAction(
							EntryAction.Type.valueOf(text(action.get("type"), actionPath + ".type", problems)),
							text(action.get("name"), actionPath + ".name", problems),
							duration(action.get("due"), actionPath + ".due", problems)));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem(actionPath + ".type", "workflow.unknown-action", action.get("type")));
				}
			}
			states.add(new StateDefinition(text(s.get("key"), path + ".key", problems), bool(s.get("initial")),
					bool(s.get("final")), labels(s.get("labels")), optionalText(s.get("colour")),
					duration(s.get("sla"), path + ".sla", problems),
					duration(s.get("escalateAfter"), path + ".escalateAfter", problems), actions));
		}
		List<TransitionDefinition> transitions = new ArrayList<>();
		List<Map<String, Object>> rawTransitions = objects(json.get("transitions"), "transitions", problems);
		for (int i = 0; i < rawTransitions.size(); i++) {
			Map<String, Object> t = rawTransitions.get(i);
			String path = "transitions[" + i + "]";
			transitions.add(new TransitionDefinition(text(t.get("name"), path + ".name", problems),
					strings(t.get("from"), path + ".from", problems), text(t.get("to"), path + ".to", problems),
					labels(t.get("labels")), strings(t.get("roles"), path + ".roles", problems),
					strings(t.get("requiredFields"), path + ".requiredFields", problems),
					strings(t.get("requiredInputs"), path + ".requiredInputs", problems)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WorkflowDefinition(states, transitions);
	}

	public static Map<String, Object> write(WorkflowDefinition definition) {
		List<Object> states = new ArrayList<>();
		for (StateDefinition state : definition.states()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("key", state.key());
			if (state.initial()) {
				s.put("initial", true);
			}
			if (state.terminal()) {
				s.put("final", true);
			}
			s.put("labels", new LinkedHashMap<>(state.labels()));
			if (state.colour() != null) {
				s.put("colour", state.colour());
			}
			if (state.sla() != null) {
				s.put("sla", state.sla().toString());
			}
			if (state.escalateAfter() != null) {
				s.put("escalateAfter", state.escalateAfter().toString());
			}
			if (!state.onEnter().isEmpty()) {
				s.put("onEnter", state.onEnter().stream().map((action) -> {
					Map<String, Object> a = new LinkedHashMap<>();
					a.put("type", action.type().name());
					a.put("name", action.name());
					if (action.due() != null) {
						a.put("due", action.due().toString());
					}
					return a;
				}).toList());
			}
			states.add(s);
		}
		List<Object> transitions = new ArrayList<>();
		for (TransitionDefinition transition : definition.transitions()) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("name", transition.name());
			t.put("from", transition.from());
			t.put("to", transition.to());
			t.put("labels", new LinkedHashMap<>(transition.labels()));
			putIfAny(t, "roles", transition.roles());
			putIfAny(t, "requiredFields", transition.requiredFields());
			putIfAny(t, "requiredInputs", transition.requiredInputs());
			transitions.add(t);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("states", states);
		json.put("transitions", transitions);
		return json;
	}

	private static void putIfAny(Map<String, Object> target, String key, List<String> values) {
		if (!values.isEmpty()) {
			target.put(key, values);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> objects(@Nullable Object value, String path, List<FieldProblem> problems) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch((e) -> !(e instanceof Map))) {
			problems.add(new FieldProblem(path, "workflow.expected-list-of-objects"));
			return List.of();
		}
		return (List<Map<String, Object>>) list;
	}

	private static List<String> strings(@Nullable Object value, String path, List<FieldProblem> problems) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof String single) {
			return List.of(single);
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch((e) -> !(e instanceof String))) {
			problems.add(new FieldProblem(path, "workflow.expected-list-of-texts"));
			return List.of();
		}
		return list.stream().map(String.class::cast).toList();
	}

	private static String text(@Nullable Object value, String path, List<FieldProblem> problems) {
		if (!(value instanceof String text) || text.isBlank()) {
			problems.add(new FieldProblem(path, "field.required"));
			return "";
		}
		return text.trim();
	}

	private static @Nullable String optionalText(@Nullable Object value) {
		return (value instanceof String text && !text.isBlank()) ? text.trim() : null;
	}

	private static boolean bool(@Nullable Object value) {
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	private static Map<String, String> labels(@Nullable Object value) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				if (k instanceof String key && v instanceof String label) {
					labels.put(key, label);
				}
			});
		}
		return labels;
	}

	private static @Nullable Duration duration(@Nullable Object value, String path, List<FieldProblem> problems) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		try {
			return Duration.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(path, "workflow.invalid-duration", value));
			return null;
		}
	}

}
