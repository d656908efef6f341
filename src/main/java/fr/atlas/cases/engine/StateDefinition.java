package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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

	/**
	 * A colour as {@code #rgb} or {@code #rrggbb}, which the editor's colour input gives.
	 */
	public static final Pattern HEX_COLOUR = Pattern.compile("^#(?:[0-9a-fA-F]{3}){1,2}$");

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

	/**
	 * The colour pages paint the state with: a hexadecimal colour ({@code #1f4fd1}), else
	 * the default. Pages write it into style attributes, where any other text would be
	 * CSS of the definition's author.
	 */
	public String colourOrDefault() {
		return (this.colour != null && HEX_COLOUR.matcher(this.colour).matches()) ? this.colour : "#667085";
	}

}
