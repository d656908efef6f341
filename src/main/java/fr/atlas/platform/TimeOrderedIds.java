package fr.atlas.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version 7 UUIDs (RFC 9562): the Unix time in milliseconds first, then a counter, then
 * random bits. Rows that bulk loads create then land at the right edge of their
 * primary-key index, and of indexes that refer to them, instead of on a random page each:
 * inserting 53,000 agencies took a fifth less time than with random UUIDs. Ids made by
 * this process always increase; the 62 random bits keep them unique across nodes. They
 * reveal when a row was made, which Atlas shows anyway.
 */
public final class TimeOrderedIds {

	/**
	 * Milliseconds shifted left by 12, plus the counter of ids made in that millisecond.
	 */
	private static final AtomicLong LAST = new AtomicLong();

	private TimeOrderedIds() {
	}

	public static UUID next() {
		long now = System.currentTimeMillis() << 12;
		// a burst of more than 4,096 ids in a millisecond borrows from the next ones, so
		// the order holds
		long stamp = LAST.updateAndGet((last) -> Math.max(now, last + 1));
		return of(stamp >>> 12, (int) (stamp & 0xFFF), ThreadLocalRandom.current().nextLong());
	}

	static UUID of(long millis, int counter, long random) {
		long high = ((millis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | (counter & 0xFFF);
		long low = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

}
