package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits the API requests of each organisation, whoever of its members or tokens sends
 * them, so that one tenant's scripts cannot use up the capacity all tenants share; costly
 * endpoints (imports, exports) also have limits of their own. Runs once the tenant is
 * bound; a refused request gets 429 with {@code Retry-After}, and every counted response
 * tells the client its budget ({@code RateLimit-Limit}, {@code RateLimit-Remaining}).
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

	static final String LIMIT = "RateLimit-Limit";

	static final String REMAINING = "RateLimit-Remaining";

	private final ThrottleBuckets buckets;

	private final FilterProblems problems;

	private final Limit organisation;

	private final List<EndpointRule> endpoints;

	ApiRateLimitFilter(ThrottleBuckets buckets, ApiRateLimits limits, FilterProblems problems) {
		this.buckets = buckets;
		this.problems = problems;
		this.organisation = new Limit("api", limits.apiRequestsPerMinutePerOrganisation(), Duration.ofMinutes(1));
		PathPatternParser parser = new PathPatternParser();
		this.endpoints = limits.endpoints()
			.stream()
			.map((endpoint) -> new EndpointRule(endpoint.method(), parser.parse(endpoint.path()),
					new Limit("api:" + endpoint.method() + " " + endpoint.path(), endpoint.requests(), endpoint.per())))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<OrgId> org = CurrentTenant.get();
		if (org.isEmpty()) {
			// signing up and getting a token: LoginThrottle limits those per address
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe overall = this.organisation.consume(this.buckets, org.get());
		response.setHeader(LIMIT, Integer.toString(this.organisation.requests()));
		response.setHeader(REMAINING, Long.toString(Math.max(0, overall.getRemainingTokens())));
		if (!overall.isConsumed()) {
			refuse(request, response, overall);
			return;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (EndpointRule endpoint : this.endpoints) {
			if (endpoint.matches(request.getMethod(), path)) {
				ConsumptionProbe probe = endpoint.limit().consume(this.buckets, org.get());
				if (!probe.isConsumed()) {
					response.setHeader(LIMIT, Integer.toString(endpoint.limit().requests()));
					response.setHeader(REMAINING, "0");
					refuse(request, response, probe);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe)
			throws IOException {
		long seconds = TooManyRequestsException.retryAfterSeconds(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		this.problems.tooMany(request, response, seconds, "problem.rate-limited");
	}

	/** A budget of requests per period, one bucket per organisation. */
	private record Limit(String name, int requests, Duration per) {

		ConsumptionProbe consume(ThrottleBuckets buckets, OrgId org) {
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(this.requests).refillGreedy(this.requests, this.per).build())
				.build();
			return buckets.consume(this.name + ":" + org.value(), configuration);
		}

	}

	private record EndpointRule(String method, PathPattern pattern, Limit limit) {

		boolean matches(String requestMethod, PathContainer path) {
			return this.method.equalsIgnoreCase(requestMethod) && this.pattern.matches(path);
		}

	}

}
