package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks that a definition is a usable graph: exactly one initial state, at least one
 * final state, unique state keys and transition names, transitions only between known
 * states, every state reachable from the initial one, and from every state that is not
 * final a way out that can lead to a final state.
 */
public final class WorkflowValidation {

	/**
	 * The longest SLA, escalation delay or task due: ten years. Each day is walked in
	 * working time when a case enters the state, so "P999999999D" held a CPU for minutes
	 * and then failed on a date no column holds.
	 */
	public static final Duration LONGEST_DELAY = Duration.ofDays(3650);

	private static final Pattern KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,39}$");

	private WorkflowValidation() {
	}

	public static List<DefinitionProblem> validate(WorkflowDefinition definition) {
		List<DefinitionProblem> problems = new ArrayList<>();
		List<StateDefinition> states = definition.states();
		if (states.isEmpty()) {
			problems.add(DefinitionProblem.of("states", "workflow.no-states"));
			return problems;
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < states.size(); i++) {
			StateDefinition state = states.get(i);
			if (!KEY.matcher(state.key()).matches()) {
				problems.add(DefinitionProblem.of("states[" + i + "].key", "workflow.invalid-key", shown(state.key())));
			}
			if (!keys.add(state.key())) {
				problems.add(DefinitionProblem.of("states[" + i + "].key", "workflow.duplicate-state", state.key()));
			}
			if (state.colour() != null && !StateDefinition.HEX_COLOUR.matcher(state.colour()).matches()) {
				problems
					.add(DefinitionProblem.of("states[" + i + "].colour", "workflow.invalid-colour", state.colour()));
			}
			if (state.sla() != null && (state.sla().isNegative() || state.sla().isZero())) {
				problems.add(DefinitionProblem.of("states[" + i + "].sla", "workflow.invalid-sla", state.key()));
			}
			if (state.escalateAfter() != null
					&& (state.sla() == null || state.escalateAfter().isNegative() || state.escalateAfter().isZero())) {
				problems.add(DefinitionProblem.of("states[" + i + "].escalateAfter", "workflow.invalid-escalation",
						state.key()));
			}
			for (var delay : new Object[][] { { "sla", state.sla() }, { "escalateAfter", state.escalateAfter() } }) {
				if (delay[1] instanceof Duration duration && duration.compareTo(LONGEST_DELAY) > 0) {
					problems.add(DefinitionProblem.of("states[" + i + "]." + delay[0], "workflow.delay-too-long",
							state.key(), LONGEST_DELAY.toDays()));
				}
			}
			for (int j = 0; j < state.onEnter().size(); j++) {
				EntryAction action = state.onEnter().get(j);
				// a task due before the case even entered the state is overdue, and its
				// reminder past, from the start
				if (action.due() != null && (action.due().isNegative() || action.due().isZero())) {
					problems.add(DefinitionProblem.of("states[" + i + "].onEnter[" + j + "].due",
							"workflow.invalid-due", state.key(), action.name()));
				}
				else if (action.due() != null && action.due().compareTo(LONGEST_DELAY) > 0) {
					problems.add(DefinitionProblem.of("states[" + i + "].onEnter[" + j + "].due",
							"workflow.delay-too-long", state.key(), LONGEST_DELAY.toDays()));
				}
			}
		}
		List<String> initial = states.stream().filter(StateDefinition::initial).map(StateDefinition::key).toList();
		if (initial.isEmpty()) {
			problems.add(DefinitionProblem.of("states", "workflow.no-initial-state"));
		}
		else if (initial.size() > 1) {
			problems.add(DefinitionProblem.of("states", "workflow.several-initial-states", String.join(", ", initial)));
		}
		if (states.stream().noneMatch(StateDefinition::terminal)) {
			problems.add(DefinitionProblem.of("states", "workflow.no-final-state"));
		}
		states.stream()
			.filter((s) -> s.initial() && s.terminal())
			.forEach((s) -> problems.add(DefinitionProblem.of("states", "workflow.initial-is-final", s.key())));
		Set<String> names = new HashSet<>();
		List<TransitionDefinition> transitions = definition.transitions();
		for (int i = 0; i < transitions.size(); i++) {
			TransitionDefinition transition = transitions.get(i);
			String path = "transitions[" + i + "]";
			if (!KEY.matcher(transition.name()).matches()) {
				problems.add(DefinitionProblem.of(path + ".name", "workflow.invalid-key", shown(transition.name())));
			}
			if (!names.add(transition.name())) {
				problems.add(DefinitionProblem.of(path + ".name", "workflow.duplicate-transition", transition.name()));
			}
			if (transition.from().isEmpty()) {
				problems
					.add(DefinitionProblem.of(path + ".from", "workflow.transition-without-origin", transition.name()));
			}
			for (String from : transition.from()) {
				if (!keys.contains(from)) {
					problems
						.add(DefinitionProblem.of(path + ".from", "workflow.unknown-state", transition.name(), from));
				}
			}
			if (!keys.contains(transition.to())) {
				problems.add(DefinitionProblem.of(path + ".to", "workflow.unknown-state", transition.name(),
						transition.to()));
			}
		}
		// the graph is walked once each way, from the initial state and back from
		// the final ones: a walk from each state would cost states × states ×
		// transitions, hours for a document of a few thousand states that anyone may
		// send to be validated
		Map<String, Set<String>> next = new HashMap<>();
		Map<String, Set<String>> previous = new HashMap<>();
		for (TransitionDefinition transition : transitions) {
			for (String from : transition.from()) {
				next.computeIfAbsent(from, (key) -> new LinkedHashSet<>()).add(transition.to());
				previous.computeIfAbsent(transition.to(), (key) -> new LinkedHashSet<>()).add(from);
			}
		}
		if (initial.size() == 1) {
			Set<String> reached = walk(List.of(initial.get(0)), next);
			states.stream()
				.map(StateDefinition::key)
				.filter((key) -> !reached.contains(key))
				.forEach((key) -> problems.add(DefinitionProblem.of("states", "workflow.unreachable-state", key)));
		}
		states.stream()
			.filter((s) -> !s.terminal())
			.filter((s) -> !next.containsKey(s.key()))
			.forEach((s) -> problems.add(DefinitionProblem.of("states", "workflow.dead-end-state", s.key())));
		// a state with ways out that only lead round a cycle traps its cases as surely as
		// a dead end: they could never be closed
		List<String> finals = states.stream().filter(StateDefinition::terminal).map(StateDefinition::key).toList();
		Set<String> closable = walk(finals, previous);
		states.stream()
			.filter((s) -> !s.terminal())
			.filter((s) -> next.containsKey(s.key()))
			.filter((s) -> !finals.isEmpty() && !closable.contains(s.key()))
			.forEach((s) -> problems.add(DefinitionProblem.of("states", "workflow.final-unreachable", s.key())));
		return problems;
	}

	/**
	 * As {@link #validate(WorkflowDefinition)}, for a case type whose fields are
	 * {@code fields}: a transition's required field must be one of them. Another name (a
	 * misspelt "budjet") is no guard on the case: a move that sent it as an input passed,
	 * and the value was neither stored on the case nor kept on its timeline.
	 */
	public static List<DefinitionProblem> validate(WorkflowDefinition definition, Collection<String> fields) {
		List<DefinitionProblem> problems = validate(definition);
		List<TransitionDefinition> transitions = definition.transitions();
		for (int i = 0; i < transitions.size(); i++) {
			TransitionDefinition transition = transitions.get(i);
			for (int j = 0; j < transition.requiredFields().size(); j++) {
				String field = transition.requiredFields().get(j);
				if (!fields.contains(field)) {
					problems.add(DefinitionProblem.of("transitions[" + i + "].requiredFields[" + j + "]",
							"workflow.unknown-field", transition.name(), field));
				}
			}
		}
		return problems;
	}

	/**
	 * Checks a migration of running cases: every state some case is in must be mapped,
	 * and every entry only onto a state of the target definition. States that keep their
	 * key in the target need no entry.
	 */
	public static List<DefinitionProblem> validateMapping(Map<String, String> mapping, Set<String> runningStates,
			WorkflowDefinition target) {
		List<DefinitionProblem> problems = new ArrayList<>();
		Set<String> targetKeys = new LinkedHashSet<>(target.stateKeys());
		for (String running : runningStates) {
			String mapped = mapping.getOrDefault(running, targetKeys.contains(running) ? running : null);
			if (mapped == null) {
				problems.add(DefinitionProblem.of("mapping." + running, "workflow.mapping-missing", running));
			}
			else if (!targetKeys.contains(mapped)) {
				problems
					.add(DefinitionProblem.of("mapping." + running, "workflow.mapping-unknown-state", running, mapped));
			}
		}
		// a mapping onto a state the version lacks is wrong even while no running case is
		// in its source state: it would be applied to the next one that is
		mapping.forEach((from, to) -> {
			if (!runningStates.contains(from) && !targetKeys.contains(to)) {
				problems.add(DefinitionProblem.of("mapping." + from, "workflow.mapping-unknown-state", from, to));
			}
		});
		return problems;
	}

	/**
	 * The mapping's problems as {@link #validateMapping(Map, Set, WorkflowDefinition)}
	 * finds them and, for each running state whose cases the migration would close (their
	 * state is final in the target version), whether the actor holds a role of a
	 * transition into that final state: closing cases by migrating them is closing them,
	 * and a state that only an owner may close by hand was closed by any admin (ADR
	 * 0078).
	 */
	public static List<DefinitionProblem> validateMapping(Map<String, String> mapping, Set<String> runningStates,
			WorkflowDefinition target, Predicate<String> actorHasRole) {
		List<DefinitionProblem> problems = validateMapping(mapping, runningStates, target);
		if (!problems.isEmpty()) {
			return problems;
		}
		for (String running : runningStates.stream().sorted().toList()) {
			String mapped = mapping.getOrDefault(running, running);
			boolean closes = target.state(mapped).map(StateDefinition::terminal).orElse(false);
			// a case moved into an open state only an owner may lead a case into was put
			// there by any admin, and went on from there as if an owner had
			boolean moves = !mapped.equals(running);
			List<TransitionDefinition> into = target.transitions()
				.stream()
				.filter((t) -> t.to().equals(mapped))
				.toList();
			if ((closes || moves) && !into.isEmpty() && into.stream().noneMatch((t) -> t.admits(actorHasRole))) {
				List<String> roles = into.stream().flatMap((t) -> t.roles().stream()).distinct().sorted().toList();
				problems.add(DefinitionProblem.of("mapping." + running,
						closes ? "workflow.mapping-role" : "workflow.mapping-role-open", running, mapped,
						String.join(", ", roles)));
			}
		}
		return problems;
	}

	/**
	 * What a member may not give away: a move that {@code reference} (the version in
	 * force) keeps from them, because none of its transitions from that state into that
	 * state admits a role they hold, or a state none of whose transitions in admits one,
	 * must stay out of their reach in {@code proposed}. An admin could otherwise publish
	 * a version whose "win" no longer asks the OWNER role, or a detour through a new
	 * state into the owner's state, and then take it, or migrate cases through it:
	 * restricting a move is theirs to do, opening one they cannot take is not. A member
	 * with every role the reference asks (an owner) is never refused.
	 */
	public static List<DefinitionProblem> validateRolesKept(WorkflowDefinition reference, WorkflowDefinition proposed,
			Predicate<String> actorHasRole) {
		Map<String, List<TransitionDefinition>> into = new HashMap<>();
		Map<String, List<TransitionDefinition>> moves = new HashMap<>();
		for (TransitionDefinition t : reference.transitions()) {
			into.computeIfAbsent(t.to(), (k) -> new ArrayList<>()).add(t);
			for (String from : t.from()) {
				moves.computeIfAbsent(from + " " + t.to(), (k) -> new ArrayList<>()).add(t);
			}
		}
		List<DefinitionProblem> problems = new ArrayList<>();
		List<TransitionDefinition> transitions = proposed.transitions();
		for (int i = 0; i < transitions.size(); i++) {
			TransitionDefinition t = transitions.get(i);
			if (!t.admits(actorHasRole)) {
				continue;
			}
			// the state itself, else one of the moves into it
			@Nullable List<TransitionDefinition> kept = reserved(into.get(t.to()), actorHasRole);
			String from = String.join(", ", t.from());
			for (int j = 0; kept == null && j < t.from().size(); j++) {
				from = t.from().get(j);
				kept = reserved(moves.get(from + " " + t.to()), actorHasRole);
			}
			if (kept != null) {
				String roles = String.join(", ",
						kept.stream().flatMap((k) -> k.roles().stream()).distinct().sorted().toList());
				problems.add(DefinitionProblem.of("transitions[" + i + "].roles", "workflow.roles-not-held", t.name(),
						from, t.to(), roles));
			}
		}
		return problems;
	}

	/** The transitions, if there are some and none admits the actor; else null. */
	private static @Nullable List<TransitionDefinition> reserved(@Nullable List<TransitionDefinition> transitions,
			Predicate<String> actorHasRole) {
		if (transitions == null || transitions.isEmpty()
				|| transitions.stream().anyMatch((t) -> t.admits(actorHasRole))) {
			return null;
		}
		return transitions;
	}

	/**
	 * The states reached from {@code starts} along {@code edges}, the starts included.
	 */
	private static Set<String> walk(List<String> starts, Map<String, Set<String>> edges) {
		Set<String> reached = new HashSet<>(starts);
		Deque<String> queue = new ArrayDeque<>(starts);
		while (!queue.isEmpty()) {
			for (String state : edges.getOrDefault(queue.poll(), Set.of())) {
				if (reached.add(state)) {
					queue.add(state);
				}
			}
		}
		return reached;
	}

	/**
	 * A key too long to be one, as a message quotes it: its first 60 characters. A key of
	 * a megabyte was quoted whole, twice per problem (ADR 0118).
	 */
	static String shown(String key) {
		return (key.codePointCount(0, key.length()) <= 60) ? key
				: key.substring(0, key.offsetByCodePoints(0, 60)) + "…";
	}

}
