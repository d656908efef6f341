package fr.atlas.prospects;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A member downloaded agencies of the base as a file ({@code format}: {@code csv} or
 * {@code xlsx}): how many rows it held and the list's filters that chose them, by their
 * names in the query string (none: the whole base).
 */
public record ProspectsExported(OrgId orgId, UUID exportId, String format, long agencies,
		Map<String, String> filters) implements Auditable {

	public ProspectsExported {
		filters = Map.copyOf(filters);
	}

	@Override
	public String action() {
		return "prospect.exported";
	}

	@Override
	public String entityType() {
		return "prospect";
	}

	@Override
	public String entityId() {
		return this.exportId.toString();
	}

	@Override
	public String summary() {
		String chosenBy = this.filters.isEmpty() ? "sans filtre (toute la base)"
				: "filtres : " + this.filters.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((filter) -> filter.getKey() + "=" + filter.getValue())
					.collect(Collectors.joining(", "));
		return "Export " + this.format.toUpperCase() + " de " + this.agencies + " agence(s), " + chosenBy;
	}

}
