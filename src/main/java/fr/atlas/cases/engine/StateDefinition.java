package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A state of a workflow. {@code terminal} is the "final" flag of the JSON format (a Java
 * keyword); {@code sla} is how long a case may stay in the state before it is late.
 */
public record StateDefinition(String key, boolean initial, boolean terminal, Map<String, String> labels,
		@Nullable String colour, @Nullable Duration sla, List<EntryAction> onEnter) {

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
