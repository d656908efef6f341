package fr.atlas.prospects.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.RequestMetadata;
import fr.atlas.prospects.ProspectsBulkQueued;
import fr.atlas.prospects.internal.ProspectBulkJobs.BulkJob;
import fr.atlas.prospects.internal.ProspectBulkJobs.Chunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs background bulk changes. Any node claims a queued job (or one whose node stopped
 * sending heartbeats), binds its organisation and applies its changes chunk by chunk,
 * each chunk in one transaction with the job's progress: after a crash the next run goes
 * on with the first chunk not committed, so no agency gets a change (or a source line)
 * twice. A chunk that loses a lock conflict (an import writing the same agencies) is
 * tried again; a job that fails otherwise says why and can be retried.
 */
@Component
public class ProspectBulkWorker {

	private static final Logger log = LoggerFactory.getLogger(ProspectBulkWorker.class);

	private static final int ATTEMPTS = 3;

	private final ProspectBulkJobs jobs;

	private final ProspectBulkEdits edits;

	private final TransactionTemplate tx;

	private final TaskScheduler scheduler;

	private final ClaimedJobs claims;

	ProspectBulkWorker(ProspectBulkJobs jobs, ProspectBulkEdits edits, TransactionTemplate tx, JdbcClient jdbc,
			ProspectsProperties properties, TaskScheduler scheduler) {
		this.jobs = jobs;
		this.edits = edits;
		this.tx = tx;
		this.scheduler = scheduler;
		this.claims = ClaimedJobs.of("atlas_claim_prospect_bulk_job", properties.importStaleAfter(), 1, tx, jdbc);
	}

	/** Claims and runs due jobs until none is left. */
	@Scheduled(fixedDelayString = "${atlas.prospects.import-poll-interval:500ms}")
	void poll() {
		this.claims.drain((jobId) -> run(jobId, Integer.MAX_VALUE));
	}

	/** Starts a job queued on this node now rather than at the next poll. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ProspectsBulkQueued queued) {
		// the scheduler's time, not the application's clock: at once
		this.scheduler.schedule(this::poll, Instant.now());
	}

	/**
	 * Applies at most {@code maxChunks} chunks of a job of the current organisation, from
	 * the first one not committed. Returns whether the job has ended.
	 */
	public boolean run(UUID jobId, int maxChunks) {
		BulkJob job = this.tx.execute((status) -> this.jobs.find(jobId)).orElse(null);
		if (job == null || job.finished()) {
			return true;
		}
		this.tx.executeWithoutResult((status) -> this.jobs.markRunning(jobId, this.claims.workerId()));
		try {
			BulkChanges changes = changes(jobId);
			for (int count = 0; count < maxChunks; count++) {
				if (!chunk(jobId, changes)) {
					finish(jobId, "DONE", null, changes);
					return true;
				}
			}
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Bulk change {} failed", jobId, ex);
			finish(jobId, "FAILED", ex.getClass().getSimpleName() + ": " + ex.getMessage(), changes(jobId));
			return true;
		}
	}

	/** Applies the job's next chunk; false when there is none left. */
	private boolean chunk(UUID jobId, BulkChanges changes) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(this.tx.execute((status) -> {
					BulkJob current = this.jobs.findForUpdate(jobId).orElseThrow();
					Optional<Chunk> next = this.jobs.chunk(jobId, current.chunksDone());
					if (next.isEmpty()) {
						return false;
					}
					Chunk chunk = next.get();
					UUID by = (current.createdBy() != null) ? current.createdBy().value() : null;
					int updated = this.edits.change(jobId, chunk.ids(), changes, by, chunk.first()).size();
					this.jobs.recordChunk(jobId, chunk, updated);
					return true;
				}));
			}
			catch (TransientDataAccessException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.info("Bulk change {}: chunk rolled back ({}), trying again", jobId, ex.getMessage());
			}
		}
	}

	private BulkChanges changes(UUID jobId) {
		return this.tx.execute((status) -> this.jobs.changes(jobId));
	}

	/**
	 * Ends the job; one that is done is audited as its requester's change, with every
	 * agency it changed over all its runs.
	 */
	private void finish(UUID jobId, String status, @org.jspecify.annotations.Nullable String error,
			BulkChanges changes) {
		this.tx.executeWithoutResult((s) -> {
			this.jobs.finish(jobId, status, error);
			if ("DONE".equals(status)) {
				BulkJob job = this.jobs.find(jobId).orElseThrow();
				RequestMetadata outer = RequestMetadata.bound().orElse(null);
				RequestMetadata.bind(job.request());
				try {
					this.edits.audit(jobId, job.updated(), changes);
				}
				finally {
					if (outer != null) {
						RequestMetadata.bind(outer);
					}
					else {
						RequestMetadata.clear();
					}
				}
			}
		});
	}

}
