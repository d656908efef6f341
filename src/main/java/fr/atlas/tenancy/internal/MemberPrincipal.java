package fr.atlas.tenancy.internal;

import java.io.Serializable;
import java.util.List;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated member kept in the session or rebuilt from an API token.
 */
public record MemberPrincipal(UserId userId, OrgId orgId, String email, String name, List<Role> roles,
		String locale) implements AtlasPrincipal, Serializable {

	public static MemberPrincipal of(Member member) {
		return new MemberPrincipal(member.id(), member.orgId(), member.email(), member.name(), member.roles(),
				member.locale());
	}

	public List<GrantedAuthority> authorities() {
		return this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

}
