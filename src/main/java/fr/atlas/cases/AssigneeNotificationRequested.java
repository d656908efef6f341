package fr.atlas.cases;

import java.time.Instant;

import fr.atlas.platform.OrgId;

/**
 * A workflow's "notify" action fired as a case entered a state: its assignee is to be
 * told {@code message}. {@code at} is when the case entered the state (earlier than now
 * for backdated work such as demo data).
 */
public record AssigneeNotificationRequested(OrgId orgId, CaseId caseId, String reference, String message, Instant at) {
}
