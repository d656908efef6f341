package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a scraper read the platform's metrics with {@code Authorization: Bearer} and the
 * token of {@code atlas.security.metrics-token}. The figures span every organisation, so
 * no member's session or API token opens them (ADR 0049); without a configured token
 * nobody does.
 */
class MetricsTokenFilter extends OncePerRequestFilter {

	static final String ROLE = "ROLE_METRICS";

	private final byte[] token;

	MetricsTokenFilter(String token) {
		this.token = (token == null || token.isBlank()) ? null : token.strip().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (presented(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
					List.of(new SimpleGrantedAuthority(ROLE))));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private boolean presented(String header) {
		if (this.token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		// constant time, so the token cannot be guessed byte by byte from response times
		return MessageDigest.isEqual(this.token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
	}

}
