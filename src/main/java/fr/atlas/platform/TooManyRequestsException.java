package fr.atlas.platform;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

	/**
	 * A wait in words for a person: {@code <messages>.seconds} under a minute, else
	 * {@code <messages>.minutes} rounded up ("15 minutes" rather than 900 s), each given
	 * the number.
	 */
	public static MessageSourceResolvable waitInWords(long seconds, String messages) {
		return (seconds < 60)
				? new DefaultMessageSourceResolvable(new String[] { messages + ".seconds" },
						new Object[] { Math.max(seconds, 1) })
				: new DefaultMessageSourceResolvable(new String[] { messages + ".minutes" },
						new Object[] { (seconds + 59) / 60 });
	}

}
