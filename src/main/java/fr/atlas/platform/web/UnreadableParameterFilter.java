package fr.atlas.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A parameter Tomcat cannot decode ({@code ?q=%FF}, not UTF-8) or one past its count:
 * Tomcat leaves it out and throws at the first read of any parameter, wherever that is (a
 * controller's argument, the language switch, the sign-in form). The API answered a 500,
 * the pages a 400 logged as an error with its stack trace, and a caller reading past the
 * throw would have searched without the parameter it sent. The parameters are read here
 * first, before any other filter, and an unreadable one is the caller's mistake: a 400
 * problem detail under {@code /api/}, the 400 page with the reason elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableParameterFilter extends OncePerRequestFilter {

	static final String REASON = "problem.unreadable-parameter";

	private static final Log logger = LogFactory.getLog(UnreadableParameterFilter.class);

	private final FilterProblems problems;

	UnreadableParameterFilter(FilterProblems problems) {
		this.problems = problems;
	}

	/**
	 * Only parameters of the address or of a form: reading those of a multipart body here
	 * would read an uploaded file before security has let it in.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && !type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			logger.info("Unreadable parameter in " + request.getMethod() + " " + request.getRequestURI() + ": "
					+ ex.getMessage());
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			request.setAttribute(CorrelatedErrorAttributes.REASON, REASON);
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		Locale locale = this.problems.locale(request);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(this.problems.text("problem.status.400", null, "Bad request", locale));
		problem.setDetail(this.problems.text(REASON, null, REASON, locale));
		problem.setType(URI.create("https://atlas.test/problems/unreadable-parameter"));
		problem.setInstance(URI.create(request.getRequestURI()));
		this.problems.write(response, problem);
	}

}
