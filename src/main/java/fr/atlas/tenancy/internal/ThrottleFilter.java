package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import fr.atlas.platform.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} to the requests that take a password or create an
 * account, before any credential is looked at; a refused request gets 429 with
 * {@code Retry-After}.
 */
class ThrottleFilter extends OncePerRequestFilter {

	private final Map<String, Consumer<String>> limits;

	private final FilterProblems problems;

	private final MessageSource messages;

	/**
	 * Set on a sign-up request whose address turned out to be taken: it counts towards
	 * the limit even though it was refused, or the limit would no longer keep anyone from
	 * trying addresses to learn which have an account.
	 */
	static final String ADDRESS_TAKEN = ThrottleFilter.class.getName() + ".addressTaken";

	private static final Set<String> SIGNUPS = Set.of("/signup", "/api/v1/signup");

	private final LoginThrottle throttle;

	ThrottleFilter(LoginThrottle throttle, FilterProblems problems, MessageSource messages) {
		this.throttle = throttle;
		this.problems = problems;
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
				if (request.getServletPath().startsWith("/api/")) {
					this.problems.tooMany(request, response, ex.retryAfterSeconds(), "problem.too-many-requests");
				}
				else {
					writeTooManyPage(response, ex.retryAfterSeconds(), this.messages);
				}
				return;
			}
		}
		chain.doFilter(request, response);
		if (limit != null && SIGNUPS.contains(request.getServletPath()) && refusedForItsForm(request, response)) {
			this.throttle.refundSignup(request.getRemoteAddr());
		}
	}

	/**
	 * Whether a sign-up was refused for what its form holds: a 400 from the API, or a 415
	 * for a body of a type it does not read, which tried no address either (ADR 0119);
	 * the form shown again on the page (a success is a redirection). A taken address is
	 * not such a refusal ({@link #ADDRESS_TAKEN}).
	 */
	private static boolean refusedForItsForm(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(ADDRESS_TAKEN) != null) {
			return false;
		}
		int status = response.getStatus();
		return request.getServletPath().startsWith("/api/") ? (status == 400 || status == 415) : status == 200;
	}

	/** Marks the current sign-up as one whose address is taken. */
	static void addressTaken() {
		var attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ADDRESS_TAKEN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The page a person's browser shows when the form was sent too often. */
	static void writeTooManyPage(HttpServletResponse response, long retryAfterSeconds, MessageSource messages)
			throws IOException {
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setCharacterEncoding("UTF-8");
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

	/** How long to wait in words: 15 minutes rather than 900 s. */
	static String wait(long seconds, MessageSource messages, Locale locale) {
		return messages.getMessage(TooManyRequestsException.waitInWords(seconds, "throttle.wait"), locale);
	}

}
