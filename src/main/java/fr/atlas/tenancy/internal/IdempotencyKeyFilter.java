package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

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

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/**
	 * Answers larger than this are not kept (no write of the API answers that much), nor
	 * bodies read ahead.
	 */
	private static final int LARGEST_ANSWER = 1 << 20;

	/** How long a retry waits for the answer of the first request sent with its key. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final long POLL = 50;

	private static final JsonMapper SORTED = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final IdempotentRequests requests;

	private final MessageSource messages;

	private final JsonMapper json;

	IdempotencyKeyFilter(IdempotentRequests requests, MessageSource messages, JsonMapper json) {
		this.requests = requests;
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
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof MemberPrincipal member)) {
			// signing up and asking for a token: nothing of a tenant's to keep the answer
			// in
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).strip();
		if (!wellFormed(key)) {
			ProblemDetail invalid = problem(HttpStatus.BAD_REQUEST, "problem.invalid-input", "idempotency.key-invalid");
			invalid.setProperty("errors", List
				.of(Map.of("field", HEADER, "code", "idempotency.key-invalid", "message", invalid.getDetail())));
			write(response, invalid);
			return;
		}
		BodyRead body = BodyRead.of(request, LARGEST_ANSWER);
		String fingerprint = fingerprint(request, body);
		Optional<Recorded> recorded = this.requests.claim(member.userId(), key, fingerprint);
		// a retry sent while the first is still being answered waits for its answer
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (recorded.isPresent() && !recorded.get().answered() && recorded.get().fingerprint().equals(fingerprint)
				&& System.nanoTime() < deadline) {
			pause();
			recorded = this.requests.claim(member.userId(), key, fingerprint);
		}
		if (recorded.isPresent()) {
			replay(recorded.get(), key, fingerprint, response);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		answer.setHeader(REPLAYED, "false");
		boolean kept = false;
		try {
			chain.doFilter(body.request(), answer);
			int status = answer.getStatus();
			if (status < 500 && status != 429 && answer.getContentSize() <= LARGEST_ANSWER) {
				this.requests.answer(member.userId(), key, status, answer.getContentType(),
						answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.requests.release(member.userId(), key);
			}
			answer.copyBodyToResponse();
		}
	}

	private void replay(Recorded recorded, String key, String fingerprint, HttpServletResponse response)
			throws IOException {
		if (!recorded.fingerprint().equals(fingerprint)) {
			write(response, problem(HttpStatus.CONFLICT, "problem.conflict", "idempotency.key-reused", key));
			return;
		}
		if (!recorded.answered()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			write(response, problem(HttpStatus.CONFLICT, "problem.conflict", "idempotency.in-progress"));
			return;
		}
		response.setStatus(recorded.status());
		response.setHeader(REPLAYED, "true");
		if (recorded.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, recorded.location());
		}
		if (recorded.contentType() != null) {
			response.setContentType(recorded.contentType());
		}
		byte[] bytes = (recorded.body() != null) ? recorded.body() : new byte[0];
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
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

	private static void pause() throws IOException {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for the first answer");
		}
	}

	/** A key as the header's draft defines it: 1 to 255 visible ASCII characters. */
	static boolean wellFormed(String key) {
		return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	/**
	 * What names the request besides its key: method, address, and the body when it was
	 * read, as JSON with its keys sorted so that a retry that writes them in another
	 * order is the same request.
	 */
	private static String fingerprint(HttpServletRequest request, BodyRead body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String query = request.getQueryString();
			digest.update(
					(request.getMethod() + " " + request.getRequestURI() + ((query != null) ? "?" + query : "") + "\n")
						.getBytes(StandardCharsets.UTF_8));
			if (body.bytes() != null) {
				digest.update(canonical(body.bytes()));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

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
