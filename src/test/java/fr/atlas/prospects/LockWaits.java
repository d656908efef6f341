package fr.atlas.prospects;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waits of the tests that hold an agency's lock while an import's batch comes to it:
 * bounded, so that a batch that never comes fails the test instead of hanging it.
 */
final class LockWaits {

	private LockWaits() {
	}

	/**
	 * Until another transaction waits for a row the caller's transaction holds (run on
	 * its thread, inside it).
	 */
	static void untilAWriterWaits(JdbcClient jdbc) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (jdbc.sql("""
				select count(*) from pg_locks waiting join pg_locks held
				  on held.locktype = 'transactionid' and held.transactionid = waiting.transactionid and held.granted
				where not waiting.granted and held.pid = pg_backend_pid()""").query(Integer.class).single() == 0) {
			assertThat(Instant.now()).as("the import came to the agency").isBefore(deadline);
			pause();
		}
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
