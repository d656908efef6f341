package fr.atlas.cases.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the engine answers to a requested transition: a {@link Move} to apply, or a
 * {@link Refusal} that says why and which transitions the actor may use instead.
 */
public sealed interface Decision {

	record Move(TransitionDefinition transition, StateDefinition target, Instant enteredAt, @Nullable Instant slaDueAt,
			List<EntryAction> actions, Map<String, Object> inputs) implements Decision {

		public Move {
			actions = List.copyOf(actions);
			inputs = Map.copyOf(inputs);
		}

	}

	record Refusal(Reason reason, String transition, List<String> missing,
			List<String> allowedTransitions) implements Decision {

		public Refusal {
			missing = List.copyOf(missing);
			allowedTransitions = List.copyOf(allowedTransitions);
		}

	}

	enum Reason {

		/** No transition of that name in the case's workflow version. */
		UNKNOWN_TRANSITION,
		/** The transition exists but does not leave the case's current state. */
		NOT_FROM_CURRENT_STATE,
		/** The actor's roles do not include one the transition allows. */
		ROLE_NOT_ALLOWED,
		/** Fields the transition requires on the case are empty. */
		GUARD_FAILED,
		/** Inputs the transition requires were not given. */
		INPUT_MISSING;

		public String code() {
			return "case.transition." + name().toLowerCase().replace('_', '-');
		}

	}

}
