package fr.atlas.prospects.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The share of the heap that the pools of this node's running imports may hold together
 * ({@code atlas.prospects.import-memory-share}). A pool keeps every agency of its
 * organisation in memory, about 400 bytes each: an organisation of a million distinct
 * agencies does not fit in a 512 MB heap. Without a budget the heap filled up, the
 * collector ran for minutes, and the error that ended it could strike any thread,
 * Tomcat's included, leaving the application deaf. With it the import that outgrows its
 * share stops cleanly (FAILED, with a message saying why) and the rest keeps working.
 */
@Component
class ImportMemory {

	/** Reservations grow by this much, so the shared counter is seldom touched. */
	private static final long STEP = 8L << 20;

	private final long budget;

	private final AtomicLong reserved = new AtomicLong();

	@Autowired
	ImportMemory(ProspectsProperties properties) {
		this((long) (Runtime.getRuntime().maxMemory() * properties.importMemoryShare()));
	}

	ImportMemory(long budget) {
		this.budget = budget;
	}

	long budget() {
		return this.budget;
	}

	/** What running jobs hold now. */
	long reserved() {
		return this.reserved.get();
	}

	/** A job's share, given back when it is closed. */
	Lease lease() {
		return new Lease();
	}

	/** Thrown when a pool outgrows what its node can give it. */
	static final class Exhausted extends RuntimeException {

		private final boolean othersHold;

		Exhausted(long wanted, long budget, boolean othersHold) {
			super("the import's agencies need about " + (wanted >> 20) + " MB, more than the " + (budget >> 20)
					+ " MB imports may hold on this node" + (othersHold ? " with the others running" : ""));
			this.othersHold = othersHold;
		}

		/**
		 * Whether other jobs held part of the budget then: the job may fit once they are
		 * done.
		 */
		boolean othersHold() {
			return this.othersHold;
		}

	}

	final class Lease implements AutoCloseable {

		private long held;

		/**
		 * Makes the lease cover {@code bytes}, reserving more of the budget if need be.
		 * @throws Exhausted if the budget, less what other jobs hold, cannot cover them
		 */
		void cover(long bytes) {
			if (bytes <= this.held) {
				return;
			}
			long more = Math.max(bytes - this.held, STEP);
			long before;
			do {
				before = ImportMemory.this.reserved.get();
				if (before + more > ImportMemory.this.budget) {
					more = bytes - this.held;
					if (before + more > ImportMemory.this.budget) {
						long others = before - this.held;
						throw new Exhausted(bytes + others, ImportMemory.this.budget, others > 0);
					}
				}
			}
			while (!ImportMemory.this.reserved.compareAndSet(before, before + more));
			this.held += more;
		}

		@Override
		public void close() {
			ImportMemory.this.reserved.addAndGet(-this.held);
			this.held = 0;
		}

	}

}
