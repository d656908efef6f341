package fr.atlas.cases.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import fr.atlas.cases.engine.Decision.Move;
import fr.atlas.cases.engine.Decision.Reason;
import fr.atlas.cases.engine.Decision.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * A valid workflow definition at work: where a case starts, whether a transition may
 * happen and what follows from it. A case never changes state except through
 * {@link #decide}; the clock sets entry times and SLA deadlines.
 */
public final class Workflow {

	private final WorkflowDefinition definition;

	private final Clock clock;

	private final SlaCalendar calendar;

	private Workflow(WorkflowDefinition definition, Clock clock, SlaCalendar calendar) {
		this.definition = definition;
		this.clock = clock;
		this.calendar = calendar;
	}

	/** A workflow whose SLAs count every hour ({@link SlaCalendar#CONTINUOUS}). */
	public static Workflow of(WorkflowDefinition definition, Clock clock) {
		return of(definition, clock, SlaCalendar.CONTINUOUS);
	}

	/** A workflow whose SLA deadlines are counted in {@code calendar}'s time. */
	public static Workflow of(WorkflowDefinition definition, Clock clock, SlaCalendar calendar) {
		List<DefinitionProblem> problems = WorkflowValidation.validate(definition);
		if (!problems.isEmpty()) {
			throw new InvalidWorkflowException(problems);
		}
		return new Workflow(definition, clock, calendar);
	}

	public WorkflowDefinition definition() {
		return this.definition;
	}

	public StateDefinition initialState() {
		return this.definition.states().stream().filter(StateDefinition::initial).findFirst().orElseThrow();
	}

	/** Entering the initial state when a case is created. */
	public Move start() {
		StateDefinition initial = initialState();
		Instant now = this.clock.instant();
		TransitionDefinition creation = new TransitionDefinition("create", List.of(), initial.key(), Map.of(),
				List.of(), List.of(), List.of());
		return new Move(creation, initial, now, slaDueAt(initial, now, this.calendar), initial.onEnter(), Map.of());
	}

	/**
	 * Decides a transition requested by an actor from the case's current state, given the
	 * case's fields and the inputs sent with the request. Inputs count for guards too, so
	 * a move may supply a missing field.
	 */
	public Decision decide(String currentState, String transitionName, Map<String, ?> fields, Map<String, ?> inputs,
			Predicate<String> actorHasRole) {
		List<String> allowed = allowedTransitions(currentState, actorHasRole);
		TransitionDefinition transition = this.definition.transition(transitionName).orElse(null);
		if (transition == null) {
			return new Refusal(Reason.UNKNOWN_TRANSITION, transitionName, List.of(), allowed);
		}
		if (!transition.leaves(currentState)) {
			return new Refusal(Reason.NOT_FROM_CURRENT_STATE, transitionName, List.of(), allowed);
		}
		if (!mayUse(transition, actorHasRole)) {
			return new Refusal(Reason.ROLE_NOT_ALLOWED, transitionName, transition.roles(), allowed);
		}
		List<String> missingInputs = transition.requiredInputs()
			.stream()
			.filter((input) -> isBlank(inputs.get(input)))
			.toList();
		if (!missingInputs.isEmpty()) {
			return new Refusal(Reason.INPUT_MISSING, transitionName, missingInputs, allowed);
		}
		Map<String, Object> merged = new HashMap<>(fields);
		inputs.forEach((key, value) -> {
			if (!isBlank(value)) {
				merged.put(key, value);
			}
		});
		List<String> missingFields = transition.requiredFields()
			.stream()
			.filter((field) -> isBlank(merged.get(field)))
			.toList();
		if (!missingFields.isEmpty()) {
			return new Refusal(Reason.GUARD_FAILED, transitionName, missingFields, allowed);
		}
		StateDefinition target = this.definition.state(transition.to()).orElseThrow();
		Instant now = this.clock.instant();
		Map<String, Object> given = new HashMap<>();
		inputs.forEach((key, value) -> {
			if (value != null) {
				given.put(key, value);
			}
		});
		return new Move(transition, target, now, slaDueAt(target, now, this.calendar), target.onEnter(), given);
	}

	/** Transitions out of a state that the actor's roles allow, guards aside. */
	public List<String> allowedTransitions(String currentState, Predicate<String> actorHasRole) {
		return this.definition.transitionsFrom(currentState)
			.stream()
			.filter((t) -> mayUse(t, actorHasRole))
			.map(TransitionDefinition::name)
			.toList();
	}

	/** Whether a case that entered its state with this deadline is late now. */
	public boolean isLate(@Nullable Instant slaDueAt) {
		return slaDueAt != null && slaDueAt.isBefore(this.clock.instant());
	}

	public static @Nullable Instant slaDueAt(StateDefinition state, Instant enteredAt) {
		return slaDueAt(state, enteredAt, SlaCalendar.CONTINUOUS);
	}

	public static @Nullable Instant slaDueAt(StateDefinition state, Instant enteredAt, SlaCalendar calendar) {
		return (state.sla() != null) ? calendar.deadline(enteredAt, state.sla()) : null;
	}

	/**
	 * When a case late since {@code slaDueAt} is escalated to the managers, or null when
	 * the state does not escalate.
	 */
	public static @Nullable Instant escalationDueAt(StateDefinition state, Instant slaDueAt, SlaCalendar calendar) {
		return (state.escalateAfter() != null) ? calendar.deadline(slaDueAt, state.escalateAfter()) : null;
	}

	private static boolean mayUse(TransitionDefinition transition, Predicate<String> actorHasRole) {
		return transition.admits(actorHasRole);
	}

	private static boolean isBlank(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof java.util.Collection<?> collection && collection.isEmpty());
	}

}
