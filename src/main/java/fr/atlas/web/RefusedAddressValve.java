package fr.atlas.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import fr.atlas.platform.Languages;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, replaced for the addresses it refuses before the application
 * sees them: an encoded slash ({@code %2F}) or an encoded NUL ({@code %00}) in the path
 * is a 400 of the connector, which no servlet, filter or error page of Spring ever meets
 * (the request is mapped to no context). Tomcat then wrote its own English page; this
 * valve answers as Atlas does for an address its firewall refuses: Atlas's 400 page in
 * the member's language, and under {@code /api/} a problem detail. Every other error
 * report stays Tomcat's (the application writes its own errors).
 */
final class RefusedAddressValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(RefusedAddressValve.class);

	private static final String REASON = "problem.bad-path";

	private final Supplier<Renderers> renderers;

	private final Context context;

	/**
	 * @param renderers the application's beans, asked for when an address is refused (the
	 * valve is made before them)
	 * @param context the application's context in Tomcat
	 */
	RefusedAddressValve(Supplier<Renderers> renderers, Context context) {
		this.renderers = renderers;
		this.context = context;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		if (request.getContext() != null || response.getStatus() != HttpStatus.BAD_REQUEST.value()
				|| response.getContentWritten() > 0) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		Locale locale = language(request);
		try {
			String body;
			if (request.getRequestURI().startsWith("/api/")) {
				response.setContentType("application/problem+json");
				body = problem(request, locale);
			}
			else {
				response.setContentType("text/html");
				body = page(request, response, locale);
			}
			response.setCharacterEncoding("UTF-8");
			response.setLocale(locale);
			response.setHeader("X-Content-Type-Options", "nosniff");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the status stays 400, without a body
			logger.warn("Could not write the page of a refused address", ex);
		}
	}

	private String problem(Request request, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(this.renderers.get().messages().getMessage(REASON, null, REASON, locale));
		problem.setType(URI.create("https://atlas.test/problems/" + REASON.replace("problem.", "")));
		problem.setInstance(URI.create(request.getRequestURI()));
		return this.renderers.get().json().writeValueAsString(problem);
	}

	/**
	 * Atlas's 400 page, as the view resolver would render it. The request reached no
	 * context: it is given the application's, and links are written as they are (no
	 * session to encode into them).
	 */
	private String page(Request request, Response response, Locale locale) {
		ServletContext servletContext = this.context.getServletContext();
		HttpServletRequest asked = new HttpServletRequestWrapper(request) {

			@Override
			public ServletContext getServletContext() {
				return servletContext;
			}

			@Override
			public String getContextPath() {
				return servletContext.getContextPath();
			}

			@Override
			public Cookie @Nullable [] getCookies() {
				return null;
			}

		};
		HttpServletResponse answered = new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return url;
			}

			@Override
			public String encodeRedirectURL(String url) {
				return url;
			}

		};
		var exchange = JakartaServletWebApplication.buildApplication(servletContext).buildExchange(asked, answered);
		StringWriter page = new StringWriter();
		this.renderers.get()
			.templates()
			.process("error/400", new WebContext(exchange, locale, Map.of("reason", REASON)), page);
		return page.toString();
	}

	/**
	 * The member's language as the pages choose it: the one chosen (the
	 * {@code atlas-lang} cookie), else what the browser asks for, else French. Read from
	 * the headers: the request has no context to parse its cookies with.
	 */
	static Locale language(HttpServletRequest request) {
		String cookies = request.getHeader("Cookie");
		if (cookies != null) {
			for (String cookie : cookies.split(";")) {
				String[] pair = cookie.trim().split("=", 2);
				if (pair.length == 2 && pair[0].equals("atlas-lang") && Languages.supports(pair[1].trim())) {
					return Locale.forLanguageTag(pair[1].trim());
				}
			}
		}
		return WebConfiguration.asked(request.getHeader("Accept-Language"));
	}

	/** What the valve renders with, the application's beans. */
	record Renderers(ISpringTemplateEngine templates, MessageSource messages, JsonMapper json) {
	}

}
