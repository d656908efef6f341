package fr.atlas.prospects.internal;

import java.util.Map;
import java.util.UUID;

/**
 * A search of the agency list saved under a name: its filters as the list's query string
 * carries them ({@code {"city": "Lyon", "headcount": "10-19"}}), and whether it is the
 * member's own ({@code personal}) or the organisation's.
 */
public record SavedSearch(UUID id, String name, Map<String, String> filters, boolean personal) {

	public SavedSearch {
		filters = Map.copyOf(filters);
	}

}
