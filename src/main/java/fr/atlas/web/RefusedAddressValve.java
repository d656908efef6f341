package fr.atlas.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
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
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.apache.tomcat.util.res.StringManager;
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
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's error report, replaced for the addresses it refuses before the application
 * sees them: an encoded slash ({@code %2F}) or an encoded NUL ({@code %00}) in the path
 * is a 400 of the connector, which no servlet, filter or error page of Spring ever meets
 * (the request is mapped to no context). Tomcat then wrote its own English page; this
 * valve answers as Atlas does for an address its firewall refuses: Atlas's 400 page in
 * the member's language, and under {@code /api/} a problem detail. A request line or
 * headers longer than {@code server.max-http-request-header-size} are refused the same
 * way, and said to be too long. So are the two refusals of the connector that are not a
 * 400: a method it does not serve ({@code CONNECT}, 501) and a protocol version it does
 * not speak ({@code HTTP/1.2}, 505), each keeping its status. Every other error report
 * stays Tomcat's (the application writes its own errors).
 */
final class RefusedAddressValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(RefusedAddressValve.class);

	private static final String BAD_PATH = "problem.bad-path";

	private static final String TOO_LONG = "problem.request-too-long";

	private static final String BAD_HEADER = "problem.bad-header";

	private static final String METHOD_NOT_IMPLEMENTED = "problem.method-not-implemented";

	private static final String HTTP_VERSION = "problem.http-version-not-supported";

	/**
	 * The start of what Tomcat's header parser says of a header line it refuses (a
	 * control character in a value), up to the line it quotes.
	 */
	private static final String INVALID_HEADER = prefix(
			StringManager.getManager("org.apache.tomcat.util.http.parser").getString("httpHeaderParser.invalidHeader"));

	/**
	 * What Tomcat's HTTP/1.1 reader says when the request line and headers overflow its
	 * buffer, in the language Tomcat writes its messages in.
	 */
	private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	/** Bytes of an unread request line looked at for its path. */
	private static final int REQUEST_LINE_LOOKED_AT = 4096;

	private final Supplier<Renderers> renderers;

	private final Context context;

	private final long headerLimitKilobytes;

	/**
	 * @param renderers the application's beans, asked for when an address is refused (the
	 * valve is made before them)
	 * @param context the application's context in Tomcat
	 * @param headerLimit {@code server.max-http-request-header-size}, said to a request
	 * past it
	 */
	RefusedAddressValve(Supplier<Renderers> renderers, Context context, DataSize headerLimit) {
		this.renderers = renderers;
		this.context = context;
		this.headerLimitKilobytes = headerLimit.toKilobytes();
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (request.getContext() != null || !refusedByTheConnector(status) || response.getContentWritten() > 0) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		Locale locale = language(request);
		String reason = switch (status) {
			case NOT_IMPLEMENTED -> METHOD_NOT_IMPLEMENTED;
			case HTTP_VERSION_NOT_SUPPORTED -> HTTP_VERSION;
			default -> tooLong(throwable) ? TOO_LONG : badHeader(throwable) ? BAD_HEADER : BAD_PATH;
		};
		// a request line too long to be read has no address yet: it is looked for in what
		// was received
		String path = (request.getRequestURI() != null) ? request.getRequestURI() : unreadPath(request);
		try {
			String title = this.renderers.get()
				.messages()
				.getMessage(reason, new Object[] { this.headerLimitKilobytes, String.valueOf(request.getMethod()) },
						reason, locale);
			String body;
			if (path != null && path.startsWith("/api/")) {
				response.setContentType("application/problem+json");
				body = problem(status, reason, title, path);
			}
			else {
				response.setContentType("text/html");
				body = page(request, response, locale, (reason.equals(BAD_PATH) || reason.equals(BAD_HEADER))
						? Map.of("reason", reason) : Map.of("problems", List.of(title)));
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
			// the status stays, without a body
			logger.warn("Could not write the page of a refused address", ex);
		}
	}

	private static boolean refusedByTheConnector(@Nullable HttpStatus status) {
		return status == HttpStatus.BAD_REQUEST || status == HttpStatus.NOT_IMPLEMENTED
				|| status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED;
	}

	private static boolean tooLong(@Nullable Throwable throwable) {
		return throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage());
	}

	private static boolean badHeader(@Nullable Throwable throwable) {
		return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
				&& !INVALID_HEADER.isEmpty() && throwable.getMessage().startsWith(INVALID_HEADER);
	}

	private static String prefix(String message) {
		int argument = message.indexOf('[');
		return (argument < 0) ? message : message.substring(0, argument);
	}

	/**
	 * The path of a request line Tomcat could not read to its end (an address longer than
	 * its buffer), from the bytes it received: the method, a space, then the target up to
	 * its query. Null when they say nothing readable.
	 */
	static @Nullable String unreadPath(Request request) {
		try {
			if (!(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler received)
					|| received.getByteBuffer() == null) {
				return null;
			}
			ByteBuffer bytes = received.getByteBuffer();
			int end = Math.min(bytes.limit(), REQUEST_LINE_LOOKED_AT);
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < end; i++) {
				line.append((char) (bytes.get(i) & 0xFF));
			}
			return pathOf(line.toString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The path of the start of a request line ({@code GET /api/v1/prospects?q=…}). */
	static @Nullable String pathOf(String requestLine) {
		String line = requestLine.stripLeading();
		int space = line.indexOf(' ');
		if (space < 1) {
			return null;
		}
		String target = line.substring(space + 1);
		int scheme = target.indexOf("://");
		if (scheme > 0 && scheme < 8) {
			// absolute form: http://host/path
			int slash = target.indexOf('/', scheme + 3);
			target = (slash < 0) ? "/" : target.substring(slash);
		}
		int stop = target.length();
		for (char end : new char[] { '?', '#', ' ', '\r', '\n' }) {
			int at = target.indexOf(end);
			if (at >= 0 && at < stop) {
				stop = at;
			}
		}
		// the start of the path when the line was cut before its end: enough to tell the
		// API from the pages
		String path = target.substring(0, stop);
		return path.startsWith("/") ? path : null;
	}

	private String problem(HttpStatus status, String reason, String title, String path) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(title);
		problem.setType(URI.create("https://atlas.test/problems/" + reason.replace("problem.", "")));
		if (path.length() < REQUEST_LINE_LOOKED_AT / 2) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException ex) {
				// a path read from an unread request line that is no URI: none given
			}
		}
		return this.renderers.get().json().writeValueAsString(problem);
	}

	/**
	 * Atlas's 400 page, as the view resolver would render it. The request reached no
	 * context: it is given the application's, and links are written as they are (no
	 * session to encode into them).
	 */
	private String page(Request request, Response response, Locale locale, Map<String, Object> model) {
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
		this.renderers.get().templates().process("error/400", new WebContext(exchange, locale, model), page);
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
