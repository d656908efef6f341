package fr.atlas.prospects.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * Writes decided batches on a thread of its own, one transaction each and in order, a
 * batch behind the caller, so deciding the next batch (CPU in the JVM) overlaps writing
 * this one (mostly PostgreSQL). The write returns false when the job was cancelled: later
 * batches are then dropped. A failure of a write is thrown to the caller at its next
 * call.
 */
final class Writing implements AutoCloseable {

	private static final int BEHIND = 1;

	private static final Object END = new Object();

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BEHIND);

	private final Thread thread;

	private volatile boolean cancelled;

	private volatile @Nullable Throwable failure;

	private volatile long nanos;

	Writing(Predicate<ImportBatch.Plan> write) {
		OrgId org = CurrentTenant.require();
		this.thread = Thread.ofPlatform()
			.name("import-writer")
			.daemon()
			.start(() -> CurrentTenant.runAs(org, () -> consume(write)));
	}

	private void consume(Predicate<ImportBatch.Plan> write) {
		try {
			Object item;
			while ((item = this.queue.take()) != END) {
				if (this.cancelled || this.failure != null) {
					continue;
				}
				long started = System.nanoTime();
				try {
					this.cancelled = !write.test((ImportBatch.Plan) item);
				}
				catch (RuntimeException | Error ex) {
					this.failure = ex;
				}
				this.nanos += System.nanoTime() - started;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Hands a batch over, waiting while the writer has {@value #BEHIND} more waiting.
	 * Returns false once the job was found cancelled.
	 */
	boolean submit(ImportBatch.Plan plan) {
		rethrow();
		if (this.cancelled) {
			return false;
		}
		put(plan);
		return true;
	}

	/**
	 * Waits until every batch handed over is written. Returns false if the job was found
	 * cancelled.
	 */
	boolean finish() {
		put(END);
		join();
		rethrow();
		return !this.cancelled;
	}

	/** Time spent in writes, on the writing thread. */
	long nanos() {
		return this.nanos;
	}

	private void put(Object item) {
		try {
			this.queue.put(item);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the import", ex);
		}
	}

	private void rethrow() {
		Throwable thrown = this.failure;
		if (thrown instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (thrown instanceof Error error) {
			throw error;
		}
	}

	private void join() {
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Drops what is not written yet and waits for the batch being written. */
	@Override
	public void close() {
		if (this.thread.isAlive()) {
			this.cancelled = true;
			this.queue.clear();
			put(END);
			join();
		}
	}

}
