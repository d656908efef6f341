package fr.atlas.platform;

import java.time.Duration;

/**
 * A rate limit or a lockout refused the request; the caller may retry after the given
 * delay.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("too many requests");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds(this.retryAfter);
	}

	/** A wait as a {@code Retry-After} value: whole seconds, rounded up, at least one. */
	public static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
