package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import fr.atlas.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details the security filters answer before any controller runs (a missing
 * or refused token, a read-only token, a role, a limit, the firewall), in the form the
 * controllers' problems have: type, title, status, the address as {@code instance} and,
 * where there is more to say than the title, a {@code detail}, in the caller's language.
 * A client that reports or logs errors reads them all alike.
 */
final class FilterProblems {

	private final JsonMapper json;

	private final MessageSource messages;

	FilterProblems(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		write(request, response, status, code, null, Map.of());
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			@Nullable String detail, Map<String, Object> properties) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://atlas.test/problems/" + code.replace("problem.", "")));
		problem.setTitle(text(code));
		problem.setDetail(detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		properties.forEach(problem::setProperty);
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * A 429 of a limit: {@code Retry-After} in seconds for a program, the wait in words
	 * for a person.
	 */
	void tooMany(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, String code)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		String detail = this.messages.getMessage(
				TooManyRequestsException.waitInWords(retryAfterSeconds, "problem.retry-after"),
				LocaleContextHolder.getLocale());
		write(request, response, HttpStatus.TOO_MANY_REQUESTS, code, detail,
				Map.of("retryAfterSeconds", retryAfterSeconds));
	}

	String text(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
