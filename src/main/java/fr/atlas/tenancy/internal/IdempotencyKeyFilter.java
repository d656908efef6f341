package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.atlas.tenancy.internal.IdempotentRequests.Recorded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the API's writes safe to retry: a request sent with an {@code Idempotency-Key}
 * header is done once, and the same request sent again with the same key (a retry after a
 * timeout, a script run twice) gets the first answer back, with
 * {@code Idempotent-Replayed: true}, instead of creating a second case, agency or import.
 * <ul>
 * <li>A key is the member's own and names one request for a day: the same key on another
 * request (another address or another body) is a 409,
 * {@code idempotency.key-reused}.</li>
 * <li>Sent again while the first is still being answered, it waits for that answer (10 s
 * at most, then a 409 {@code idempotency.in-progress} with {@code Retry-After}).</li>
 * <li>An answer of the server's failing (5xx) or of a limit (429) is not kept: the retry
 * does the work.</li>
 * <li>A multipart upload is named by its address and key only: each sending of one file
 * has its own boundary, so its bytes cannot tell a retry from another file.</li>
 * </ul>
 * Requests without the header are left as they are.
 */
final class IdempotencyKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	/** Where an e-mail and a password are exchanged for a token. */
	static final String TOKENS = "/api/v1/auth/tokens";

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final JsonMapper SORTED = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final OnceOnly once;

	private final MessageSource messages;

	private final JsonMapper json;

	IdempotencyKeyFilter(IdempotentRequests requests, MessageSource messages, JsonMapper json) {
		this.once = new OnceOnly(requests);
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (TOKENS.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			// a new token's answer is its secret, which is kept nowhere: replaying
			// it would mean keeping it (ADR 0054), so the key is refused rather than
			// ignored
			refuse(response, "idempotency.not-for-tokens");
			return;
		}
		Optional<MemberPrincipal> signedIn = MemberPrincipal.signedIn();
		if (signedIn.isEmpty()) {
			// signing up: no member yet to keep the key for; the sign-up keeps it
			// with the account it creates (Accounts#signup)
			chain.doFilter(request, response);
			return;
		}
		MemberPrincipal member = signedIn.get();
		String key = request.getHeader(HEADER).strip();
		if (!OnceOnly.wellFormed(key)) {
			refuse(response, "idempotency.key-invalid");
			return;
		}
		BodyRead body = BodyRead.of(request, OnceOnly.LARGEST_ANSWER);
		String fingerprint = (body.bytes() != null) ? OnceOnly.fingerprint(request, canonical(body.bytes()))
				: OnceOnly.fingerprint(request);
		Optional<Recorded> recorded = this.once.claim(member.userId(), key, fingerprint);
		if (recorded.isEmpty()) {
			this.once.answerFirst(member.userId(), key, body.request(), response, chain);
		}
		else if (!recorded.get().fingerprint().equals(fingerprint)) {
			write(response, problem(HttpStatus.CONFLICT, "problem.conflict", "idempotency.key-reused", key));
		}
		else if (!recorded.get().answered()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			write(response, problem(HttpStatus.CONFLICT, "problem.conflict", "idempotency.in-progress"));
		}
		else {
			OnceOnly.replay(recorded.get(), response);
		}
	}

	/** A 400 whose {@code errors} name the header and what is wrong with it. */
	private void refuse(HttpServletResponse response, String code) throws IOException {
		ProblemDetail invalid = problem(HttpStatus.BAD_REQUEST, "problem.invalid-input", code);
		invalid.setProperty("errors", List.of(Map.of("field", HEADER, "code", code, "message", invalid.getDetail())));
		write(response, invalid);
	}

	/**
	 * A problem as {@code ApiProblems} writes them: a title, the detail in words, a code.
	 */
	private ProblemDetail problem(HttpStatus status, String title, String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(this.messages.getMessage(title, null, title, locale));
		problem.setDetail(this.messages.getMessage(code, arguments, code, locale));
		problem.setType(URI.create("https://atlas.test/problems/" + code.replace('.', '-')));
		problem.setProperty("code", code);
		return problem;
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The JSON body with its keys sorted, so that a retry that writes them in another
	 * order is the same request.
	 */
	private static byte[] canonical(byte[] body) {
		try {
			return SORTED.writeValueAsBytes(SORTED.readValue(body, Object.class));
		}
		catch (JacksonException ex) {
			// not JSON after all: the controller will say so; its bytes name it
			return body;
		}
	}

}
