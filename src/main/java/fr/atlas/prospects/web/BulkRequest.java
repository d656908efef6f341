package fr.atlas.prospects.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.prospects.internal.ProspectBulkEdits.Selection;
import fr.atlas.prospects.internal.ProspectQuery;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/prospects/bulk}: which agencies ({@code ids}, or a
 * {@code filter} with the list's search parameters) and what to change ({@code owner}, or
 * {@code owners} to deal them out among, {@code addTags}, {@code removeTags},
 * {@code archive}, {@code restore}, {@code startWork}). {@code me} names the caller, as
 * in the list's owner filter and as an owner.
 */
record BulkRequest(Selection selection, Map<String, @Nullable Object> changes) {

	private static final Set<String> FILTERS = Set.of("q", "department", "city", "specialty", "postcode", "tag",
			"owner", "importId", "reachable", "minListings", "minRevenue", "source", "headcount", "work");

	static BulkRequest of(Map<String, @Nullable Object> body, AtlasPrincipal principal) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, @Nullable Object> changes = new LinkedHashMap<>(body);
		List<UUID> ids = ids(changes.remove("ids"), problems);
		ProspectQuery filter = filter(changes.remove("filter"), principal, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String me = principal.userId().value().toString();
		if (changes.get("owner") instanceof String owner && owner.strip().equalsIgnoreCase("me")) {
			changes.put("owner", me);
		}
		if (changes.get("owners") instanceof Collection<?> owners) {
			changes.put("owners", owners.stream()
				.map((owner) -> (owner instanceof String text && text.strip().equalsIgnoreCase("me")) ? me : owner)
				.toList());
		}
		return new BulkRequest(new Selection(ids, filter), changes);
	}

	private static @Nullable List<UUID> ids(@Nullable Object value, List<FieldProblem> problems) {
		if (value == null) {
			return null;
		}
		List<UUID> ids = new ArrayList<>();
		if (value instanceof Collection<?> values) {
			for (Object id : values) {
				try {
					ids.add(UUID.fromString(String.valueOf(id)));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem("ids", "prospects.bulk.ids"));
					return null;
				}
			}
			return ids;
		}
		problems.add(new FieldProblem("ids", "prospects.bulk.ids"));
		return null;
	}

	private static @Nullable ProspectQuery filter(@Nullable Object value, AtlasPrincipal principal,
			List<FieldProblem> problems) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> given)) {
			problems.add(new FieldProblem("filter", "prospects.bulk.filter"));
			return null;
		}
		Map<String, @Nullable String> filter = new HashMap<>();
		given.forEach((key, v) -> {
			if (!FILTERS.contains(String.valueOf(key))) {
				problems.add(new FieldProblem("filter." + key, "prospects.edit.unknown-field", key));
			}
			else {
				filter.put(String.valueOf(key), (v != null) ? String.valueOf(v) : null);
			}
		});
		return SearchParams.of(filter).query(principal, 0, 20);
	}

}
