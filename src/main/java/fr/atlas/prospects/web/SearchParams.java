package fr.atlas.prospects.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.prospects.internal.ProspectQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agency list's search as the query string (or the bulk form) carries it, shared by
 * the list, the export and the bulk form, in the pages and the API.
 *
 * @param owner a member's id, {@code me} or {@code none}
 * @param importId an import: the agencies its rows ended in
 * @param reachable {@code email}, {@code phone}, {@code mobile} or {@code none}
 * @param minListings the least number of listings
 * @param minRevenue the least revenue in euros ({@code 500 k€})
 * @param source the agencies' source
 * @param headcount a number of people or a range ({@code 10-19}, {@code 250+})
 * @param work a module's work the agencies have going ({@code prospection-case}), or not
 * ({@code no-prospection-case})
 */
record SearchParams(@Nullable String q, @Nullable String department, @Nullable String city, @Nullable String status,
		@Nullable String specialty, @Nullable String postcode, @Nullable String tag, @Nullable String owner,
		@Nullable String importId, @Nullable String reachable, @Nullable String minListings,
		@Nullable String minRevenue, @Nullable String source, @Nullable String headcount, @Nullable String work,
		@Nullable String sort) {

	/**
	 * A form posts its empty fields as "": the same search as no value (an empty
	 * {@code status} came back from a bulk change as a status nothing has).
	 */
	SearchParams {
		q = given(q);
		department = given(department);
		city = given(city);
		status = given(status);
		specialty = given(specialty);
		postcode = given(postcode);
		tag = given(tag);
		owner = given(owner);
		importId = given(importId);
		reachable = given(reachable);
		minListings = given(minListings);
		minRevenue = given(minRevenue);
		source = given(source);
		headcount = given(headcount);
		work = given(work);
		sort = given(sort);
	}

	/**
	 * The search a saved search's filters describe (their names as in the query string).
	 */
	static SearchParams of(Map<String, String> filters) {
		return new SearchParams(filters.get("q"), filters.get("department"), filters.get("city"), filters.get("status"),
				filters.get("specialty"), filters.get("postcode"), filters.get("tag"), filters.get("owner"),
				filters.get("importId"), filters.get("reachable"), filters.get("minListings"),
				filters.get("minRevenue"), filters.get("source"), filters.get("headcount"), filters.get("work"),
				filters.get("sort"));
	}

	/**
	 * Its parameters that have a value, by their names in the query string: what a saved
	 * search keeps, and the hidden fields of the list's forms.
	 */
	public Map<String, String> filters() {
		Map<String, String> filters = new LinkedHashMap<>();
		parameters().forEach((name, value) -> {
			if (value != null) {
				filters.put(name, value);
			}
		});
		return filters;
	}

	/**
	 * How many filters it sets among those the list's filter panel holds: neither the
	 * text, always in sight, nor the order, nor the import, named above the results, nor
	 * the default status.
	 */
	int panelFilters() {
		Map<String, String> set = filters();
		set.keySet().removeAll(Set.of("q", "sort", "importId"));
		set.computeIfPresent("status", (name, status) -> status.strip().equalsIgnoreCase("ACTIVE") ? null : status);
		return set.size();
	}

	/**
	 * Its filters alone, without the order: what chose the agencies of an export, with
	 * {@code owner=me} as the member it meant (the audit names them).
	 */
	Map<String, String> choosing(AtlasPrincipal principal) {
		Map<String, String> filters = filters();
		filters.remove("sort");
		filters.computeIfPresent("owner", (name, owner) -> OwnerFilter.of(owner, principal));
		return filters;
	}

	ProspectQuery query(AtlasPrincipal principal, int page, int size) {
		return new ProspectQuery(this.q, this.department, this.city, this.status, this.specialty, this.postcode,
				this.tag, OwnerFilter.of(this.owner, principal), this.importId, this.reachable, this.minListings,
				this.minRevenue, this.source, this.headcount, this.work, this.sort, page, size);
	}

	/**
	 * An address of the pages with this search, then {@code more} parameters (names and
	 * values in turn): only the parameters that have a value, so that a link reads as the
	 * search it keeps ({@code /prospects?city=Lyon&page=2}, not every filter empty).
	 * {@code without} leaves one of the search's parameters out (the filter a link
	 * removes).
	 */
	public String link(String path, @Nullable String without, @Nullable Object... more) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters().forEach((name, value) -> {
			if (!name.equals(without) && value != null) {
				uri.queryParam(name, value);
			}
		});
		for (int i = 0; i + 1 < more.length; i += 2) {
			if (more[i + 1] != null) {
				uri.queryParam(String.valueOf(more[i]), more[i + 1]);
			}
		}
		return uri.encode().build().toUriString();
	}

	/** Carries the search over a redirect, so the list comes back as it was. */
	void keepIn(RedirectAttributes redirect) {
		parameters().forEach((name, value) -> {
			if (value != null) {
				redirect.addAttribute(name, value);
			}
		});
	}

	private static @Nullable String given(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** The search's parameters by their names in the query string, in its order. */
	private Map<String, @Nullable String> parameters() {
		Map<String, @Nullable String> parameters = new LinkedHashMap<>();
		parameters.put("q", this.q);
		parameters.put("department", this.department);
		parameters.put("city", this.city);
		parameters.put("status", this.status);
		parameters.put("specialty", this.specialty);
		parameters.put("postcode", this.postcode);
		parameters.put("tag", this.tag);
		parameters.put("owner", this.owner);
		parameters.put("importId", this.importId);
		parameters.put("reachable", this.reachable);
		parameters.put("minListings", this.minListings);
		parameters.put("minRevenue", this.minRevenue);
		parameters.put("source", this.source);
		parameters.put("headcount", this.headcount);
		parameters.put("work", this.work);
		parameters.put("sort", this.sort);
		return parameters;
	}

}
