package fr.atlas.cases;

import fr.atlas.platform.OrgId;

/**
 * A workflow's "notify" action fired as a case entered a state: its assignee is to be
 * told {@code message}.
 */
public record AssigneeNotificationRequested(OrgId orgId, CaseId caseId, String reference, String message) {
}
