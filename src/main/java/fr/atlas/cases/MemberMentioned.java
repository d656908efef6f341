package fr.atlas.cases;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

/**
 * A note on a case mentioned a member with {@code @name}; they are told about it.
 */
public record MemberMentioned(OrgId orgId, CaseId caseId, String reference, UserId mentioned, String excerpt) {
}
