package fr.atlas.cases.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keys a workflow holds (its fields, roles, entry actions) as the page names them: a
 * field by its label, a role by its name ("Responsable" for {@code MANAGER}); a key
 * without a word stays as written. Public, as the templates call it.
 */
public record KeyWords(Map<String, String> words) {

	public String of(String key) {
		return this.words.getOrDefault(key, key);
	}

	public String join(List<String> keys) {
		return keys.stream().map(this::of).collect(Collectors.joining(", "));
	}

}
