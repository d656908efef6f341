package fr.atlas.tenancy.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Role;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated member kept in the session or rebuilt from an API token. Sessions are
 * stored in the database, so it is serialised with everything it holds.
 */
public record MemberPrincipal(UserId userId, OrgId orgId, String email, String name, List<Role> roles,
		String locale) implements AtlasPrincipal, AuthenticatedPrincipal, Serializable {

	/**
	 * The member the request being handled is signed in as, if a member is: signing up
	 * and asking for a token are done by nobody yet.
	 */
	static Optional<MemberPrincipal> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member)
				? Optional.of(member) : Optional.empty();
	}

	public static MemberPrincipal of(Member member) {
		return new MemberPrincipal(member.id(), member.orgId(), member.email(), member.name(), member.roles(),
				member.locale());
	}

	/**
	 * The name sessions are indexed by: the member's id, which stays when the e-mail
	 * changes and fits the session table's column.
	 */
	@Override
	public String getName() {
		return this.userId.value().toString();
	}

	public List<GrantedAuthority> authorities() {
		return this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

}
