package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A state of a workflow. {@code terminal} is the "final" flag of the JSON format (a Java
 * keyword); {@code sla} is how long a case may stay in the state before it is late, in
 * the organisation's working time ({@link WorkingHours}); {@code escalateAfter}, when
 * set, is how much longer (working time again) a late case may wait before the managers
 * are told.
 */
public record StateDefinition(String key, boolean initial, boolean terminal, Map<String, String> labels,
		@Nullable String colour, @Nullable Duration sla, @Nullable Duration escalateAfter, List<EntryAction> onEnter) {

	/** A state with no escalation, as definitions were written before escalations. */
	public StateDefinition(String key, boolean initial, boolean terminal, Map<String, String> labels,
			@Nullable String colour, @Nullable Duration sla, List<EntryAction> onEnter) {
		this(key, initial, terminal, labels, colour, sla, null, onEnter);
	}

	public StateDefinition {
		Objects.requireNonNull(key, "key");
		labels = Map.copyOf(labels);
		onEnter = List.copyOf(onEnter);
	}

	public String label(String language) {
		return this.labels.getOrDefault(language, this.labels.getOrDefault("fr", this.key));
	}

	public String colourOrDefault() {
		return (this.colour != null) ? this.colour : "#667085";
	}

}
