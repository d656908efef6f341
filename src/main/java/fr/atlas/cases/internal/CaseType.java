package fr.atlas.cases.internal;

import java.util.Map;

/**
 * A kind of case an organisation works on (buyer lead, agency prospect, rental
 * application…), with its reference prefix and custom fields.
 */
public record CaseType(String key, Map<String, String> labels, String referencePrefix, FieldSchema fields) {

	public String label(String language) {
		return this.labels.getOrDefault(language, this.labels.getOrDefault("fr", this.key));
	}

}
