package fr.atlas.cases.internal;

import java.util.List;
import java.util.Map;

/**
 * A custom field of a case type: its key, its type, French and English labels, and the
 * allowed values of a {@code CHOICE}.
 */
public record FieldSpec(String key, Type type, Map<String, String> labels, List<String> options) {

	public FieldSpec {
		labels = Map.copyOf(labels);
		options = List.copyOf(options);
	}

	public String label(String language) {
		return this.labels.getOrDefault(language, this.labels.getOrDefault("fr", this.key));
	}

	public enum Type {

		TEXT, NUMBER, BOOLEAN, DATE, CHOICE

	}

}
