package fr.atlas.prospects.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import as stored: its file's profile, mapping, progress and counters.
 *
 * @param createdBy the member who sent the file, if a member did
 */
public record ImportJob(UUID id, String status, String fileName, FileProfile profile, Map<String, String> mapping,
		int totalRows, int processedRows, int readRows, int created, int merged, int rejected, int warnings,
		@Nullable String error, boolean cancelRequested, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Instant fileDeletedAt, @Nullable UUID createdBy,
		@Nullable UUID repeatOf) {

	public static final String DRAFT = "DRAFT";

	public static final String QUEUED = "QUEUED";

	public static final String RUNNING = "RUNNING";

	public static final String DONE = "DONE";

	public static final String FAILED = "FAILED";

	public static final String CANCELLED = "CANCELLED";

	/**
	 * The error of a job that ran out of memory: a message key, translated where the
	 * error is shown.
	 */
	public static final String OUT_OF_MEMORY = "prospects.import.error.out-of-memory";

	public boolean finished() {
		return DONE.equals(this.status) || FAILED.equals(this.status) || CANCELLED.equals(this.status);
	}

	/**
	 * Can be taken up again where it stopped: it failed, or was cancelled once started
	 * with rows left to read, and its file is still kept. A cancelled draft or queued job
	 * never read a row: its file is sent again instead.
	 */
	public boolean resumable() {
		return (FAILED.equals(this.status)
				|| (CANCELLED.equals(this.status) && this.startedAt != null && this.readRows < this.totalRows))
				&& this.fileDeletedAt == null;
	}

	/**
	 * Queued again with rows already imported: it waits for memory that other imports
	 * hold, and resumes after its last committed batch (ADR 0029).
	 */
	public boolean paused() {
		return QUEUED.equals(this.status) && this.readRows > 0;
	}

	/** Its status as the pages name it: {@code PAUSED} for a paused job. */
	public String shownStatus() {
		return paused() ? "PAUSED" : this.status;
	}

	/** Rows per second since the start, when running. */
	public double rate(Instant now) {
		if (this.startedAt == null || this.processedRows == 0) {
			return 0;
		}
		Instant end = (this.finishedAt != null) ? this.finishedAt : now;
		double seconds = Math.max(0.001, (end.toEpochMilli() - this.startedAt.toEpochMilli()) / 1000.0);
		return this.processedRows / seconds;
	}

	/** Estimated seconds left, or -1 when unknown. */
	public long secondsLeft(Instant now) {
		double rate = rate(now);
		if (rate <= 0 || finished()) {
			return finished() ? 0 : -1;
		}
		return Math.round((this.totalRows - this.processedRows) / rate);
	}

	public int percent() {
		return (this.totalRows == 0) ? (finished() ? 100 : 0) : (int) (100L * this.processedRows / this.totalRows);
	}

}
