package fr.atlas.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API request whose {@code Accept} header cannot be read ({@code text/*;q=abc}):
 * Spring refuses it as not acceptable, then cannot write its problem either, since it
 * writes in a type the header accepts, and the caller got a 406 without a body. Answered
 * here, before any type is chosen, as the caller's mistake: a 400 problem detail in its
 * language.
 */
@Component
class UnreadableAcceptFilter extends OncePerRequestFilter {

	private static final String REASON = "problem.unreadable-accept";

	private final FilterProblems problems;

	UnreadableAcceptFilter(FilterProblems problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> accept = Collections.list(request.getHeaders("Accept"));
		try {
			MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			Locale locale = this.problems.locale(request);
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
			problem.setTitle(this.problems.text("problem.status.400", null, "Bad request", locale));
			problem.setDetail(this.problems.text(REASON, null, REASON, locale));
			problem.setType(URI.create("https://atlas.test/problems/unreadable-accept"));
			problem.setInstance(URI.create(request.getRequestURI()));
			this.problems.write(response, problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
