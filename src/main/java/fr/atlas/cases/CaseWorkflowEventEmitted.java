package fr.atlas.cases;

import fr.atlas.platform.OrgId;

/**
 * A workflow's "emit event" action fired as a case entered a state (e.g.
 * {@code lead.won}), for other modules to react to.
 */
public record CaseWorkflowEventEmitted(OrgId orgId, CaseId caseId, String caseType, String name, String state) {
}
