package fr.atlas.cases.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import fr.atlas.cases.engine.AssignmentRule.Facts;

/**
 * The ordered assignment rules of a case type: the first rule that matches a new case and
 * still has an available member wins, and its {@link AssignmentStrategy} picks the
 * member: the one of its list with the fewest open cases (ties go to the first listed),
 * or each available member in turn. No rule: the caller falls back to its default
 * strategy.
 */
public record AssignmentPolicy(List<AssignmentRule> rules) {

	public AssignmentPolicy {
		rules = List.copyOf(rules);
	}

	/** A member chosen by a rule. */
	public record Choice(UUID assignee, String rule, int position) {
	}

	/**
	 * @param facts what the rules look at in the new case
	 * @param available members who may receive cases now (active agents)
	 * @param openCases open cases per member; a member missing from it has none
	 */
	public Optional<Choice> choose(Facts facts, Set<UUID> available, Map<UUID, Long> openCases) {
		return choose(facts, available, openCases, (position) -> {
			throw new IllegalStateException("no round-robin cursor given");
		});
	}

	/**
	 * @param facts what the rules look at in the new case
	 * @param available members who may receive cases now (active agents)
	 * @param openCases open cases per member; a member missing from it has none
	 * @param turns takes the next turn of the round-robin cursor of the rule at a
	 * position
	 */
	public Optional<Choice> choose(Facts facts, Set<UUID> available, Map<UUID, Long> openCases,
			ToLongFunction<Integer> turns) {
		for (int i = 0; i < this.rules.size(); i++) {
			AssignmentRule rule = this.rules.get(i);
			if (!rule.matches(facts)) {
				continue;
			}
			int position = i;
			LongSupplier turn = () -> turns.applyAsLong(position);
			Optional<UUID> member = rule.strategy()
				.pick(rule.assignees().stream().filter(available::contains).toList(), openCases, turn);
			if (member.isPresent()) {
				return Optional.of(new Choice(member.get(), rule.name(), i));
			}
		}
		return Optional.empty();
	}

}
