package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.util.Optional;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.MDC;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the authenticated member's organisation to the request, so that every transaction
 * of the request sees only that organisation's rows. A session member is re-read each
 * time: a role change applies at once and a deactivated member is signed out.
 */
class TenantBindingFilter extends OncePerRequestFilter {

	private final Members members;

	TenantBindingFilter(Members members) {
		this.members = members;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<MemberPrincipal> signedIn = MemberPrincipal.signedIn();
		if (signedIn.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		MemberPrincipal principal = signedIn.get();
		CurrentTenant.bind(principal.orgId());
		MDC.put("orgId", principal.orgId().toString());
		try {
			Optional<Member> member = this.members.find(principal.userId());
			if (member.isEmpty() || !member.get().active()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				if (request.getServletPath().startsWith("/api/")) {
					response.sendError(401);
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?deactivated");
				}
				return;
			}
			MemberPrincipal fresh = MemberPrincipal.of(member.get());
			if (!fresh.equals(principal)) {
				var context = SecurityContextHolder.getContext();
				context.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities()));
			}
			RequestMetadata.bind(RequestMetadata.current().withActor(fresh.userId(), fresh.email()));
			chain.doFilter(request, response);
		}
		finally {
			CurrentTenant.clear();
			MDC.remove("orgId");
		}
	}

}
