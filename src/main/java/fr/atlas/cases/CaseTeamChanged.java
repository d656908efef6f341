package fr.atlas.cases;

import java.util.UUID;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;

/**
 * A team of the organisation was created, changed (name or members) or deleted
 * ({@code change}: created, updated, deleted).
 */
public record CaseTeamChanged(OrgId orgId, UUID teamId, String change, String name, int members,
		int casesReleased) implements Auditable {

	@Override
	public String action() {
		return "case-team." + change;
	}

	@Override
	public String entityType() {
		return "case-team";
	}

	@Override
	public String entityId() {
		return teamId.toString();
	}

	@Override
	public AuditSummary summary() {
		return switch (change) {
			case "created" -> AuditSummary.of("audit.summary.case-team.created", AuditSummary.text(name),
					AuditSummary.count(members));
			case "deleted" -> AuditSummary.of("audit.summary.case-team.deleted", AuditSummary.text(name),
					AuditSummary.count(casesReleased));
			default -> AuditSummary.of("audit.summary.case-team.updated", AuditSummary.text(name),
					AuditSummary.count(members));
		};
	}

}
