package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import fr.atlas.tenancy.internal.IdempotentRequests.Recorded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's form that creates something (a case, a task, a note, an agency) is done once
 * per display, even without the pages' script that stops a second click: such a form
 * carries a one-time {@value #FIELD} field, and the same form sent again with it (a
 * double click, Enter pressed twice) gets the first answer again, most often the redirect
 * to what was created, instead of creating it twice.
 * <ul>
 * <li>The form sent again with other values (back in the browser's history, changed and
 * sent) is another request: it is done, as if it had no field.</li>
 * <li>htmx requests are left alone: a form htmx sends stays on the page and may be sent
 * again on purpose with the same field.</li>
 * </ul>
 */
final class FormOnceFilter extends OncePerRequestFilter {

	static final String FIELD = "_once";

	private final OnceOnly once;

	FormOnceFilter(IdempotentRequests requests) {
		this.once = new OnceOnly(requests);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || request.getHeader("HX-Request") != null || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getParameter(FIELD);
		Optional<MemberPrincipal> signedIn = MemberPrincipal.signedIn();
		if (key == null || !OnceOnly.wellFormed(key) || signedIn.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		MemberPrincipal member = signedIn.get();
		String fingerprint = OnceOnly.fingerprint(request, values(request));
		Optional<Recorded> recorded = this.once.claim(member.userId(), FIELD + ":" + key, fingerprint);
		if (recorded.isEmpty()) {
			this.once.answerFirst(member.userId(), FIELD + ":" + key, request, response, chain);
		}
		else if (recorded.get().answered() && recorded.get().fingerprint().equals(fingerprint)) {
			OnceOnly.replay(recorded.get(), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/** The form's values, in name order, without the ones that differ at each display. */
	private static byte[] values(HttpServletRequest request) {
		Map<String, String[]> values = new TreeMap<>(request.getParameterMap());
		values.remove(FIELD);
		values.remove("_csrf");
		StringBuilder text = new StringBuilder();
		values.forEach((name, given) -> {
			text.append(name).append('=');
			for (String value : given) {
				text.append(value.length()).append(':').append(value);
			}
			text.append('\n');
		});
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
