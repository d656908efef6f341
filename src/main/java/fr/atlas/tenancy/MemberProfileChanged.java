package fr.atlas.tenancy;

import fr.atlas.audit.Auditable;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

public record MemberProfileChanged(OrgId orgId, UserId userId, String what) implements Auditable {

	@Override
	public String action() {
		return "member.profile-changed";
	}

	@Override
	public String entityType() {
		return "member";
	}

	@Override
	public String entityId() {
		return userId.toString();
	}

	@Override
	public String summary() {
		return "Profil modifié : " + what;
	}

}
