package fr.atlas.prospects.internal;

import java.io.InputStream;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads an uploaded file back from its chunks, one short transaction per chunk, so a
 * worker streams a 200 MB file without holding it in memory or in one transaction.
 */
final class StoredFileStream extends InputStream {

	private final ImportJobs jobs;

	private final TransactionTemplate tx;

	private final UUID jobId;

	private byte[] chunk = new byte[0];

	private int position;

	private int next;

	private boolean end;

	StoredFileStream(ImportJobs jobs, TransactionTemplate tx, UUID jobId) {
		this.jobs = jobs;
		this.tx = tx;
		this.jobId = jobId;
	}

	@Override
	public int read() {
		if (!fill()) {
			return -1;
		}
		return this.chunk[this.position++] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int count = Math.min(length, this.chunk.length - this.position);
		System.arraycopy(this.chunk, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	private boolean fill() {
		while (!this.end && this.position >= this.chunk.length) {
			int seq = this.next++;
			byte[] data = this.tx.execute((status) -> this.jobs.chunk(this.jobId, seq));
			if (data == null) {
				this.end = true;
			}
			else {
				this.chunk = data;
				this.position = 0;
			}
		}
		return !this.end;
	}

}
