package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer atl_…}. An unknown or
 * revoked token is a 401, never an anonymous call; a read-only token used for anything
 * but a read is a 403, whatever its member's roles allow.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	/**
	 * The addresses that take their credentials in the body: a token a client sends with
	 * every call, expired, revoked or read-only, must not keep it from signing up or from
	 * getting the token that replaces it (ADR 0070).
	 */
	static final Set<String> PUBLIC = Set.of("/api/v1/signup", "/api/v1/auth/tokens");

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler readOnly;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, AccessDeniedHandler readOnly) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
		this.readOnly = readOnly;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return PUBLIC.contains(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var signIn = this.tokens.authenticate(header.substring(7).trim());
		if (signIn.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
			return;
		}
		if (signIn.get().readOnly() && !READS.contains(request.getMethod())) {
			SecurityContextHolder.clearContext();
			this.readOnly.handle(request, response, new AccessDeniedException("read-only token"));
			return;
		}
		MemberPrincipal principal = signIn.get().member();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
