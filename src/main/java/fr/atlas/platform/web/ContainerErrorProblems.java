package fr.atlas.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error of an API request that the servlet container reports rather than Spring MVC: a
 * {@code TRACE}, which Tomcat refuses itself, a failure thrown out of a filter, a
 * {@code sendError} before any controller. Tomcat forwards those to {@code /error}, where
 * Spring Boot wrote its own English JSON ({@code timestamp}, {@code error},
 * {@code path}). Under {@code /api/} the error dispatch answers here instead, with the
 * problem detail the API answers everything else with, in the caller's language.
 */
@Component
@FilterRegistration(dispatcherTypes = DispatcherType.ERROR, order = Ordered.HIGHEST_PRECEDENCE + 2)
class ContainerErrorProblems extends OncePerRequestFilter {

	private final FilterProblems problems;

	ContainerErrorProblems(FilterProblems problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR || apiPath(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = apiPath(request);
		if (path == null || response.isCommitted()) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = this.problems.locale(request);
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem
			.setTitle(this.problems.text("problem.status." + status.value(), null, status.getReasonPhrase(), locale));
		String detail = detail(request, status, locale);
		if (detail != null) {
			problem.setDetail(detail);
		}
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException ex) {
			// a path that is no URI: none given
		}
		Object correlationId = request.getAttribute(CorrelatedErrorAttributes.ATTRIBUTE);
		if (correlationId != null && status.is5xxServerError()) {
			problem.setProperty("correlationId", correlationId);
		}
		response.resetBuffer();
		this.problems.write(response, problem);
	}

	/**
	 * The most cookies Tomcat reads of a request (its connector's {@code maxCookieCount},
	 * left at its default): one with more is refused before any filter of ours runs, with
	 * a 400 that says nothing of why.
	 */
	static final int MAX_COOKIES = 200;

	private @Nullable String detail(HttpServletRequest request, HttpStatus status, Locale locale) {
		if (status == HttpStatus.BAD_REQUEST && cookies(request) > MAX_COOKIES) {
			// the only refusal of Tomcat's that leaves the request whole enough to tell
			// why: a browser holding hundreds of cookies for the site (ADR 0111)
			return this.problems.text("problem.too-many-cookies", new Object[] { MAX_COOKIES }, null, locale);
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			// the words of a known method an address does not take
			return this.problems.text("problemDetail." + HttpRequestMethodNotSupportedException.class.getName(),
					new Object[] { sentMethod(request) }, null, locale);
		}
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			Object correlationId = request.getAttribute(CorrelatedErrorAttributes.ATTRIBUTE);
			return (correlationId != null)
					? this.problems.text("problem.unexpected.with-id", new Object[] { correlationId }, null, locale)
					: this.problems.text("problem.unexpected", null, null, locale);
		}
		return null;
	}

	/**
	 * The method the client sent: Tomcat forwards an error to its page as a {@code GET},
	 * and only the request it read first still says {@code TRACE}.
	 */
	private static String sentMethod(HttpServletRequest request) {
		ServletRequest sent = request;
		while (sent instanceof ServletRequestWrapper wrapper) {
			sent = wrapper.getRequest();
		}
		return (sent instanceof HttpServletRequest http) ? http.getMethod() : request.getMethod();
	}

	static int cookies(HttpServletRequest request) {
		int count = 0;
		for (String header : Collections.list(request.getHeaders("Cookie"))) {
			for (String pair : header.split(";")) {
				count += pair.isBlank() ? 0 : 1;
			}
		}
		return count;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static @Nullable String apiPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) ? path : null;
	}

}
