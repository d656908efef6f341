package fr.atlas.prospects.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;

/**
 * Reads and normalises the rows of a file in batches on a thread of its own, a batch
 * ahead of the caller, so normalisation (CPU in the JVM) overlaps matching and writing
 * (mostly PostgreSQL). More would only hold more rows in memory: the 512 MB heap of a
 * million-row import has little room to spare. An empty batch is the end of the file; a
 * failure of the reader is thrown to the caller at the batch where it happened.
 */
final class Normalising implements AutoCloseable {

	private static final int AHEAD = 1;

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);

	private final Thread thread;

	private volatile boolean stopped;

	private volatile long nanos;

	Normalising(TabularReader reader, RowNormaliser normaliser, int batchSize) {
		OrgId org = CurrentTenant.require();
		this.thread = Thread.ofPlatform().name("import-normaliser").daemon().start(() -> {
			// the reader may stream the stored file from the database
			CurrentTenant.runAs(org, () -> produce(reader, normaliser, batchSize));
		});
	}

	private void produce(TabularReader reader, RowNormaliser normaliser, int batchSize) {
		try {
			while (!this.stopped) {
				long started = System.nanoTime();
				List<NormalisedRow> rows = new ArrayList<>(batchSize);
				SourceRow row;
				while (rows.size() < batchSize && (row = reader.next()) != null) {
					rows.add(normaliser.normalise(row));
				}
				this.nanos += System.nanoTime() - started;
				put(rows);
				if (rows.isEmpty()) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException | Error ex) {
			put(ex);
		}
	}

	private void put(Object item) {
		try {
			while (!this.stopped && !this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The next batch, empty at the end of the file. */
	@SuppressWarnings("unchecked")
	List<NormalisedRow> next() throws IOException {
		Object item;
		try {
			item = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the file", ex);
		}
		switch (item) {
			case IOException failure -> throw failure;
			case RuntimeException failure -> throw failure;
			case Error failure -> throw failure;
			default -> {
			}
		}
		return (List<NormalisedRow>) item;
	}

	/** Time spent reading and normalising, on the reading thread. */
	long nanos() {
		return this.nanos;
	}

	/** Stops reading ahead; the reader can be closed once this returns. */
	@Override
	public void close() {
		this.stopped = true;
		this.queue.clear();
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
