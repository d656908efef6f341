package fr.atlas.cases.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A move between states. An empty {@code roles} list lets every member who may work on
 * cases use it; {@code requiredFields} are guards on the case's fields and
 * {@code requiredInputs} must be given with the move itself (a loss reason, say).
 */
public record TransitionDefinition(String name, List<String> from, String to, Map<String, String> labels,
		List<String> roles, List<String> requiredFields, List<String> requiredInputs) {

	public TransitionDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(to, "to");
		from = List.copyOf(from);
		labels = Map.copyOf(labels);
		roles = List.copyOf(roles);
		requiredFields = List.copyOf(requiredFields);
		requiredInputs = List.copyOf(requiredInputs);
	}

	public String label(String language) {
		return this.labels.getOrDefault(language, this.labels.getOrDefault("fr", this.name));
	}

	public boolean leaves(String state) {
		return this.from.contains(state);
	}

	/** Whether an actor with these roles may use it; no roles admits everyone. */
	public boolean admits(Predicate<String> actorHasRole) {
		return this.roles.isEmpty() || this.roles.stream().anyMatch(actorHasRole);
	}

}
