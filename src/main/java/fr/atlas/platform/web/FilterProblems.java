package fr.atlas.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What the filters that answer before Spring MVC need to answer as the API does: the
 * caller's language, read from the request as the pages' resolver reads it (no locale is
 * bound yet), and a problem detail written as {@code application/problem+json}.
 */
@Component
class FilterProblems {

	private final MessageSource messages;

	private final JsonMapper json;

	private final ObjectProvider<LocaleResolver> locales;

	FilterProblems(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	Locale locale(HttpServletRequest request) {
		LocaleResolver resolver = this.locales.getIfAvailable();
		return (resolver != null) ? resolver.resolveLocale(request) : request.getLocale();
	}

	@Nullable String text(String code, Object @Nullable [] arguments, @Nullable String fallback, Locale locale) {
		return this.messages.getMessage(code, arguments, fallback, locale);
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
