package fr.atlas.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

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

	private final MessageSource messages;

	private final JsonMapper json;

	private final ObjectProvider<LocaleResolver> locales;

	UnreadableAcceptFilter(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
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
			LocaleResolver resolver = this.locales.getIfAvailable();
			var locale = (resolver != null) ? resolver.resolveLocale(request) : request.getLocale();
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
			problem.setTitle(this.messages.getMessage("problem.status.400", null, "Bad request", locale));
			problem.setDetail(this.messages.getMessage(REASON, null, REASON, locale));
			problem.setType(URI.create("https://atlas.test/problems/unreadable-accept"));
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setCharacterEncoding("UTF-8");
			response.setContentType("application/problem+json");
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
