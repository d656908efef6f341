package fr.atlas.prospects;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A member downloaded agencies of the base as a file ({@code format}: {@code csv} or
 * {@code xlsx}): how many rows it held and the list's filters that chose them, by their
 * names in the query string (none: the whole base). The summary says the filters in
 * words, as the list's form names them ("Ville : Lyon, Statut : Archivée"); entries
 * written before said them as the query string.
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
		return AuditSummary.of("audit.summary.prospect.exported-filtered", AuditSummary.text(this.format.toUpperCase()),
				AuditSummary.count(this.agencies),
				AuditSummary.list(this.filters.entrySet()
					.stream()
					.sorted(Comparator.comparingInt((Map.Entry<String, String> filter) -> order(filter.getKey()))
						.thenComparing(Map.Entry::getKey))
					.map((filter) -> inWords(filter.getKey(), filter.getValue()))
					.toList()));
	}

	/**
	 * The list's filters by their names in the query string, in the order of its form,
	 * with the label of each: the words the list shows beside its field.
	 */
	private static final Map<String, String> LABELS = new LinkedHashMap<>();

	static {
		LABELS.put("q", "prospects.search");
		LABELS.put("department", "prospects.department");
		LABELS.put("city", "prospects.city");
		LABELS.put("postcode", "prospects.field.postcode");
		LABELS.put("specialty", "prospects.specialty");
		LABELS.put("owner", "prospects.owner");
		LABELS.put("status", "prospects.status");
		LABELS.put("headcount", "prospects.headcount");
		LABELS.put("minRevenue", "prospects.min-revenue");
		LABELS.put("minListings", "prospects.min-listings");
		LABELS.put("reachable", "prospects.reachable");
		LABELS.put("tag", "prospects.tag");
		LABELS.put("source", "prospects.source");
		LABELS.put("importId", "audit.summary.prospect.filter.import");
	}

	private static int order(String name) {
		int index = List.copyOf(LABELS.keySet()).indexOf(name);
		return (index >= 0) ? index : LABELS.size();
	}

	/**
	 * One filter as "label: value", its value in words where the list offers a choice.
	 */
	private static AuditSummary.Argument inWords(String name, String value) {
		if (name.equals("work")) {
			// no-<key> for the agencies without that work
			boolean without = value.startsWith("no-");
			String work = without ? value.substring(3) : value;
			return AuditSummary.phrase(
					without ? "audit.summary.prospect.filter.work-none" : "audit.summary.prospect.filter.work-going",
					AuditSummary.label("prospects.sources.field.", work));
		}
		String label = LABELS.get(name);
		AuditSummary.Argument filter = (label != null) ? new AuditSummary.Label(label, name) : AuditSummary.text(name);
		return AuditSummary.phrase("audit.summary.prospect.filter", filter, valueInWords(name, value));
	}

	private static AuditSummary.Argument valueInWords(String name, String value) {
		return switch (name) {
			case "status" -> AuditSummary.label("prospects.status.", value);
			case "reachable" -> AuditSummary.label("prospects.reachable.", value);
			case "specialty" -> AuditSummary.label("prospects.specialty.", value);
			case "owner" -> owner(value);
			default -> AuditSummary.text(value);
		};
	}

	/** A member's id as their name; "none" as the list says it. */
	private static AuditSummary.Argument owner(String value) {
		if (value.equalsIgnoreCase("none")) {
			return AuditSummary.label("prospects.owner.", "none");
		}
		try {
			return AuditSummary.member(UserId.of(UUID.fromString(value)));
		}
		catch (IllegalArgumentException ex) {
			return AuditSummary.text(value);
		}
	}

}
