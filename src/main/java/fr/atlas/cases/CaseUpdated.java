package fr.atlas.cases;

import java.util.Map;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * Fields of a case changed (title, assignee, priority, due date, custom fields, tags).
 */
public record CaseUpdated(OrgId orgId, CaseId caseId, String reference, java.util.List<String> changed,
		Map<String, Map<String, String>> fieldLabels) implements Auditable {

	public CaseUpdated {
		changed = java.util.List.copyOf(changed);
		fieldLabels = Map.copyOf(fieldLabels);
	}

	/**
	 * A change of the case's own fields ({@code title}, {@code teamId}...), or of custom
	 * fields ({@code fields.<key>}) named by their keys only.
	 */
	public CaseUpdated(OrgId orgId, CaseId caseId, String reference, java.util.List<String> changed) {
		this(orgId, caseId, reference, changed, Map.of());
	}

	@Override
	public String action() {
		return "case.updated";
	}

	@Override
	public String entityType() {
		return "case";
	}

	@Override
	public String entityId() {
		return caseId.toString();
	}

	@Override
	public AuditSummary summary() {
		return AuditSummary.of("audit.summary.case.updated", AuditSummary.text(reference),
				AuditSummary.list(changed.stream().map(this::field).toList()));
	}

	/**
	 * A custom field by its type's label for it, one of the case's own by the bundles'.
	 */
	private AuditSummary.Argument field(String field) {
		if (field.startsWith("fields.")) {
			String key = field.substring("fields.".length());
			return AuditSummary.translated(fieldLabels.getOrDefault(key, Map.of()), key);
		}
		return AuditSummary.label("cases.change.field.", field);
	}

}
