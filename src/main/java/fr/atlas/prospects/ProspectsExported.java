package fr.atlas.prospects;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.audit.AuditSummary;
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
	public AuditSummary summary() {
		if (this.filters.isEmpty()) {
			return AuditSummary.of("audit.summary.prospect.exported-all", AuditSummary.text(this.format.toUpperCase()),
					AuditSummary.count(this.agencies));
		}
		return AuditSummary.of("audit.summary.prospect.exported", AuditSummary.text(this.format.toUpperCase()),
				AuditSummary.count(this.agencies),
				AuditSummary.text(this.filters.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((filter) -> filter.getKey() + "=" + filter.getValue())
					.collect(Collectors.joining(", "))));
	}

}
