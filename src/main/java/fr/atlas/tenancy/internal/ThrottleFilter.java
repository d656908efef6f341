package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import fr.atlas.platform.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to the requests that take a password or create an
 * account, before any credential is looked at; a refused request gets 429 with
 * {@code Retry-After}.
 */
class ThrottleFilter extends OncePerRequestFilter {

	private final Map<String, Consumer<String>> limits;

	private final MessageSource messages;

	ThrottleFilter(LoginThrottle throttle, MessageSource messages) {
		this.messages = messages;
		this.limits = Map.of("/login", throttle::login, "/api/v1/auth/tokens", throttle::login, "/signup",
				throttle::signup, "/api/v1/signup", throttle::signup, "/password/forgot", throttle::login);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Consumer<String> limit = "POST".equals(request.getMethod()) ? this.limits.get(request.getServletPath()) : null;
		if (limit != null) {
			try {
				limit.accept(request.getRemoteAddr());
			}
			catch (TooManyRequestsException ex) {
				writeTooMany(response, ex.retryAfterSeconds(), request.getServletPath().startsWith("/api/"),
						this.messages);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static void writeTooMany(HttpServletResponse response, long retryAfterSeconds, boolean json, MessageSource messages)
			throws IOException {
		writeTooMany(response, retryAfterSeconds, json, messages, "problem.too-many-requests");
	}

	static void writeTooMany(HttpServletResponse response, long retryAfterSeconds, boolean json, MessageSource messages,
			String titleCode) throws IOException {
		String title = messages.getMessage(titleCode, null, LocaleContextHolder.getLocale());
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setCharacterEncoding("UTF-8");
		if (json) {
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"https://atlas.test/problems/too-many-requests\",\"title\":\"" + title
						+ "\",\"status\":429,\"retryAfterSeconds\":" + retryAfterSeconds + "}");
		}
		else {
			Locale locale = LocaleContextHolder.getLocale();
			String back = messages.getMessage("login.back", null, locale);
			String heading = messages.getMessage("throttle.title", null, locale);
			response.setContentType("text/html");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
						+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
						+ heading + " · Atlas</title><link rel=\"stylesheet\" href=\"/css/atlas.css\"></head>"
						+ "<body class=\"auth\"><main class=\"card\"><h1>Atlas</h1><h2>" + heading
						+ "</h2><p role=\"alert\">" + wait(retryAfterSeconds, messages, locale)
						+ "</p><p><a href=\"/login\">" + back + "</a></p></main></body></html>");
		}
	}

	/** How long to wait in words: 15 minutes rather than 900 s. */
	static String wait(long seconds, MessageSource messages, Locale locale) {
		if (seconds < 60) {
			return messages.getMessage("throttle.wait.seconds", new Object[] { Math.max(seconds, 1) }, locale);
		}
		return messages.getMessage("throttle.wait.minutes", new Object[] { (seconds + 59) / 60 }, locale);
	}

}
