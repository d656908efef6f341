package fr.atlas.prospects.web;

import java.time.Instant;
import java.util.UUID;

import fr.atlas.prospects.internal.ProspectBulkJobs.BulkJob;
import org.jspecify.annotations.Nullable;

/**
 * A background bulk change as the API shows it: {@code matched} agencies chosen,
 * {@code processed} of them gone through, {@code updated} of those changed.
 */
record BulkJobStatus(UUID id, String status, int matched, int processed, int updated, @Nullable String error,
		@Nullable Instant createdAt, @Nullable Instant finishedAt) {

	static BulkJobStatus of(BulkJob job) {
		return new BulkJobStatus(job.id(), job.status(), job.matched(), job.processed(), job.updated(), job.error(),
				job.createdAt(), job.finishedAt());
	}

}
