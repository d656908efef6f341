package fr.atlas.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses of the case list that keep what the member chose (filters, search and
 * order) while changing one thing: the page, or the order, which starts again at the
 * first page. Public, as the template calls it.
 */
public record CaseListLinks(@Nullable String type, @Nullable String state, @Nullable UUID assignee, @Nullable UUID team,
		@Nullable String q, @Nullable Boolean open, boolean slaBreached, @Nullable UUID overdueTasksOf, String sort) {

	public String page(int page) {
		return link(this.sort, (page > 0) ? page : null);
	}

	/**
	 * The link of a column header: sorts by the column in its usual direction
	 * ({@code first}), or reverses the order when the list is already sorted by it.
	 */
	public String sortBy(String column, String first) {
		String next = this.sort.equals(column) ? "-" + column : (this.sort.equals("-" + column) ? column : first);
		return link(next, null);
	}

	/** "ascending", "descending" or "none", for the header's {@code aria-sort}. */
	public String direction(String column) {
		return this.sort.equals(column) ? "ascending" : (this.sort.equals("-" + column) ? "descending" : "none");
	}

	private String link(String order, @Nullable Integer page) {
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		params.put("type", this.type);
		params.put("state", this.state);
		params.put("assignee", this.assignee);
		params.put("team", this.team);
		params.put("q", this.q);
		params.put("open", this.open);
		params.put("slaBreached", this.slaBreached ? true : null);
		params.put("overdueTasksOf", this.overdueTasksOf);
		params.put("sort", order.equals("-created") ? null : order);
		params.put("page", page);
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cases");
		Map<String, Object> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				link.queryParam(name, "{" + name + "}");
				values.put(name, value);
			}
		});
		// encoded as values, so that a search for "T3 + parking" or "a&b" comes back
		// as typed
		return link.encode().buildAndExpand(values).toUriString();
	}

}
