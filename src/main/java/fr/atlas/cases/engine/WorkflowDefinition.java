package fr.atlas.cases.engine;

import java.util.List;
import java.util.Optional;

/**
 * The states and transitions of a case type's workflow, as stored, imported and exported.
 * It may be invalid; {@link WorkflowValidation} says why, and {@link Workflow} only runs
 * valid ones.
 */
public record WorkflowDefinition(List<StateDefinition> states, List<TransitionDefinition> transitions) {

	public WorkflowDefinition {
		states = List.copyOf(states);
		transitions = List.copyOf(transitions);
	}

	public Optional<StateDefinition> state(String key) {
		return this.states.stream().filter((s) -> s.key().equals(key)).findFirst();
	}

	public Optional<TransitionDefinition> transition(String name) {
		return this.transitions.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	public List<TransitionDefinition> transitionsFrom(String state) {
		return this.transitions.stream().filter((t) -> t.leaves(state)).toList();
	}

	public List<String> stateKeys() {
		return this.states.stream().map(StateDefinition::key).toList();
	}

}
