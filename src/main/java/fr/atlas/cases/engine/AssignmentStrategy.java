package fr.atlas.cases.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * How one member is picked among several who may receive a new case.
 */
public enum AssignmentStrategy {

	/** The member with the fewest open cases; ties go to the first listed. */
	LEAST_LOADED,

	/**
	 * Each member in turn, in the listed order: the caller keeps the cursor (a counter
	 * that only grows) and hands out one turn per case.
	 */
	ROUND_ROBIN;

	/**
	 * @param candidates the members who may receive the case, in their listed order
	 * @param openCases open cases per member; a member missing from it has none
	 * @param turn takes the next turn of this choice's cursor; only asked for by
	 * {@link #ROUND_ROBIN}, and only when there is a candidate
	 */
	public Optional<UUID> pick(List<UUID> candidates, Map<UUID, Long> openCases, LongSupplier turn) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		return switch (this) {
			case LEAST_LOADED ->
				candidates.stream().min(Comparator.comparingLong((UUID m) -> openCases.getOrDefault(m, 0L)));
			case ROUND_ROBIN -> Optional.of(candidates.get((int) Math.floorMod(turn.getAsLong(), candidates.size())));
		};
	}

}
