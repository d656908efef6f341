package fr.atlas.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits, a bounded time, for what background work (a scheduled job, an asynchronous
 * listener) is expected to bring about.
 */
public final class Eventually {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private Eventually() {
	}

	/**
	 * Reads until the value is wanted, and returns it; fails with the last value read.
	 */
	public static <T> T await(Supplier<T> read, Predicate<T> wanted, String what) {
		Instant deadline = Instant.now().plus(PATIENCE);
		T last = read.get();
		while (!wanted.test(last) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			last = read.get();
		}
		assertThat(wanted.test(last)).as("%s (last read: %s)", what, last).isTrue();
		return last;
	}

}
