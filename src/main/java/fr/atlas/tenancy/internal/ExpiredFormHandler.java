package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A form sent from a page whose session ended (timed out, signed out in another tab, a
 * new password) carries a CSRF token nobody knows any more. Spring would answer "access
 * denied", which reads as a matter of role and leaves the member nowhere. Instead the
 * member is sent back to the page, through the login page when the page needs one, with
 * {@code unsent} in its address: the page says nothing was saved, and {@code atlas.js}
 * puts back what the form held. Other refusals stay a 403.
 */
final class ExpiredFormHandler implements AccessDeniedHandler {

	static final String TARGET = "target";

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	private final List<PathPattern> publicPages;

	private final MessageSource messages;

	private final JsonMapper json;

	ExpiredFormHandler(MessageSource messages, JsonMapper json, String... publicPages) {
		this.messages = messages;
		this.json = json;
		this.publicPages = Arrays.stream(publicPages).map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (expiredForAScript(request, denied)) {
			// a page's script (the board's moves) shows the message and leaves the page
			// as it is; the member signs in again from the link
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setCharacterEncoding("UTF-8");
			response.setContentType("application/json");
			String text = this.messages.getMessage("page.session-expired", null, LocaleContextHolder.getLocale());
			this.json.writeValue(response.getOutputStream(),
					Map.of("ok", false, "message", text, "login", request.getContextPath() + "/login?expired"));
			return;
		}
		if (!expired(request, denied)) {
			this.forbidden.handle(request, response, denied);
			return;
		}
		String page = pageOf(request);
		String context = request.getContextPath();
		String location;
		if (page == null) {
			location = context + (signedIn() ? "/?unsent" : "/login?expired");
		}
		else if (signedIn() || isPublic(page)) {
			location = context + withUnsent(page);
		}
		else {
			location = context + "/login?expired&" + TARGET + "=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
		}
		if ("true".equals(request.getHeader("HX-Request"))) {
			// htmx follows this header with a whole page load; a redirect it would follow
			// inside the page
			response.setHeader("HX-Redirect", location);
			response.setStatus(HttpServletResponse.SC_OK);
			return;
		}
		response.sendRedirect(location);
	}

	/**
	 * Whether a page's script asking for JSON (the board) sent a token of a session that
	 * ended: its token is missing on our side.
	 */
	private static boolean expiredForAScript(HttpServletRequest request, AccessDeniedException denied) {
		String accept = request.getHeader("Accept");
		return denied instanceof MissingCsrfTokenException && accept != null && accept.contains("application/json");
	}

	/**
	 * Whether a refused token is one a page of ours handed out: the session that knew it
	 * ended (its token is missing on our side), or the page is older than the member's
	 * last sign-in. A request with no token at all in a live session was never sent by
	 * our page, and a script asking for JSON is answered by {@link #expiredForAScript}:
	 * neither goes back to a page.
	 */
	private static boolean expired(HttpServletRequest request, AccessDeniedException denied) {
		String accept = request.getHeader("Accept");
		if (!(denied instanceof CsrfException) || (accept != null && accept.contains("application/json"))) {
			return false;
		}
		return denied instanceof MissingCsrfTokenException || request.getParameter("_csrf") != null
				|| request.getHeader("X-CSRF-TOKEN") != null;
	}

	/**
	 * The page (path and query, within the application) the form was on: htmx says it,
	 * browsers send it as the referrer. Another site's address is none.
	 */
	private static @Nullable String pageOf(HttpServletRequest request) {
		String address = request.getHeader("HX-Current-URL");
		if (address == null) {
			address = request.getHeader("Referer");
		}
		if (address == null) {
			return null;
		}
		try {
			URI uri = new URI(address);
			if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return null;
			}
			String path = uri.getRawPath();
			String context = request.getContextPath();
			if (path == null || !path.startsWith(context + "/")) {
				return null;
			}
			return local(
					path.substring(context.length()) + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * A page of the application to go back to, or null: only a path of this site, never
	 * "//elsewhere" nor a scheme, since it ends up in a redirect.
	 */
	static @Nullable String local(@Nullable String page) {
		if (page == null || !page.startsWith("/") || page.startsWith("//") || page.contains("\\")
				|| page.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return page;
	}

	static String withUnsent(String page) {
		String clean = page.replaceAll("([?&])unsent(=[^&]*)?(&|$)", "$1").replaceAll("[?&]$", "");
		return clean + (clean.contains("?") ? "&" : "?") + "unsent";
	}

	private static boolean signedIn() {
		return MemberPrincipal.signedIn().isPresent();
	}

	private boolean isPublic(String page) {
		PathContainer path = PathContainer.parsePath(page.contains("?") ? page.substring(0, page.indexOf('?')) : page);
		return this.publicPages.stream().anyMatch((pattern) -> pattern.matches(path));
	}

}
