package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.atlas.platform.ChangesNothing;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer atl_…}. An unknown or
 * revoked token is a 401, never an anonymous call; a read-only token is a 403, whatever
 * its member's roles allow, for anything but a read or a handler marked
 * {@link ChangesNothing}.
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

	private final ObjectProvider<RequestMappingHandlerMapping> handlers;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, AccessDeniedHandler readOnly,
			ObjectProvider<RequestMappingHandlerMapping> handlers) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
		this.readOnly = readOnly;
		this.handlers = handlers;
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
		if (signIn.get().readOnly() && !READS.contains(request.getMethod()) && !changesNothing(request)) {
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

	/**
	 * Whether the handler the request goes to is marked {@link ChangesNothing}: looked up
	 * as the dispatcher will, and only for a read-only token's writes, so every other
	 * request costs nothing more. An address that matches no handler is no exception.
	 */
	private boolean changesNothing(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = this.handlers.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			@Nullable HandlerExecutionChain chain = mapping.getHandler(request);
			return chain != null && chain.getHandler() instanceof HandlerMethod method
					&& method.hasMethodAnnotation(ChangesNothing.class);
		}
		catch (Exception ex) {
			return false;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
