package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import fr.atlas.platform.UserId;
import fr.atlas.tenancy.internal.IdempotentRequests.Recorded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The request done once for its key, whether the key comes from the API's
 * {@code Idempotency-Key} header ({@link IdempotencyKeyFilter}) or a page's form
 * ({@link FormOnceFilter}): the first request with a key claims it, is answered, and its
 * answer is kept for the requests that come again with it.
 */
final class OnceOnly {

	static final String REPLAYED = "Idempotent-Replayed";

	/**
	 * Answers larger than this are not kept (no write answers that much), nor bodies read
	 * ahead.
	 */
	static final int LARGEST_ANSWER = 1 << 20;

	/** How long a request sent again waits for the answer to the first one. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final long POLL = 50;

	private final IdempotentRequests requests;

	OnceOnly(IdempotentRequests requests) {
		this.requests = requests;
	}

	/**
	 * Claims the key, or waits (10 s at most) for the answer to the first request that
	 * claimed it for the same request.
	 * @return empty when this request is the key's first and must be answered
	 * ({@link #answerFirst}); else what the key holds: an answer to give again, another
	 * request's fingerprint, or a first request still without its answer
	 */
	Optional<Recorded> claim(UserId user, String key, String fingerprint) throws IOException {
		// once per request, not at each look while it waits
		this.requests.forgetExpired();
		Optional<Recorded> recorded = this.requests.claim(user, key, fingerprint);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (recorded.isPresent() && !recorded.get().answered() && recorded.get().fingerprint().equals(fingerprint)
				&& System.nanoTime() < deadline) {
			pause();
			recorded = this.requests.claim(user, key, fingerprint);
		}
		return recorded;
	}

	/**
	 * Answers the key's first request and keeps the answer, unless the server failed
	 * (5xx) or a limit refused it (429): the claim is then dropped, so that the next
	 * request with the key does the work.
	 */
	void answerFirst(UserId user, String key, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		answer.setHeader(REPLAYED, "false");
		boolean kept = false;
		try {
			chain.doFilter(request, answer);
			int status = answer.getStatus();
			if (status < 500 && status != 429 && answer.getContentSize() <= LARGEST_ANSWER) {
				this.requests.answer(user, key, status, answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
						answer.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.requests.release(user, key);
			}
			answer.copyBodyToResponse();
		}
	}

	/** Gives a kept answer again: its status, address, type and body. */
	static void replay(Recorded recorded, HttpServletResponse response) throws IOException {
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

	/** A key as the header's draft defines it: 1 to 255 visible ASCII characters. */
	static boolean wellFormed(String key) {
		return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	/** The request's method and address, then what else names it, as one digest. */
	static String fingerprint(HttpServletRequest request, byte[]... contents) {
		String query = request.getQueryString();
		byte[][] all = new byte[contents.length + 1][];
		all[0] = (request.getMethod() + " " + request.getRequestURI() + ((query != null) ? "?" + query : "") + "\n")
			.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(contents, 0, all, 1, contents.length);
		return digest(all);
	}

	/** The SHA-256 digest of the contents one after the other, in hexadecimal. */
	static String digest(byte[]... contents) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] content : contents) {
				digest.update(content);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
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

}
