package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.prospects.ImportJobFinished;
import fr.atlas.prospects.ImportJobQueued;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background. Any node claims a queued job (or one whose node
 * stopped sending heartbeats) with {@code FOR UPDATE SKIP LOCKED}, binds the job's
 * organisation, and imports it batch by batch, each batch in its own transaction that
 * also records {@code processed_rows}: after a crash, the next run skips the rows already
 * committed and goes on. The organisation's agencies are loaded into memory once per run
 * ({@link ImportBatch.Pool}); a second thread reads and normalises the next batches and a
 * third writes the previous ones while this one decides what rows become.
 */
@Component
public class ImportWorker {

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	/** How many times a batch is written before a lock conflict fails the job. */
	static final int WRITE_ATTEMPTS = 5;

	/**
	 * How long a job that did not fit in memory beside other imports waits before it is
	 * claimed again. Each try loads the organisation's agencies until they pass what is
	 * left of the budget: not a cost to pay every poll.
	 */
	static final Duration MEMORY_RETRY_AFTER = Duration.ofSeconds(10);

	private final ImportJobs jobs;

	private final ImportBatch batch;

	private final RecordedRows recorded;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ProspectsProperties properties;

	private final TaskScheduler scheduler;

	private final ClaimedJobs claims;

	private final ImportMemory memory;

	ImportWorker(ImportJobs jobs, ImportBatch batch, RecordedRows recorded, TransactionTemplate tx, JdbcClient jdbc,
			ApplicationEventPublisher events, ProspectsProperties properties, TaskScheduler scheduler,
			ImportMemory memory) {
		this.jobs = jobs;
		this.batch = batch;
		this.recorded = recorded;
		this.tx = tx;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.scheduler = scheduler;
		this.memory = memory;
		this.claims = ClaimedJobs.of("atlas_claim_import_job", properties.importStaleAfter(),
				properties.importConcurrency(), tx, jdbc);
		log.info("Imports compress what they store with {}", Lz4Blocks.implementation());
	}

	/**
	 * Claims and runs queued jobs until none is left. Polling finds the jobs of other
	 * nodes, of a restart or of a stale worker; a job queued here wakes it at once.
	 */
	@Scheduled(fixedDelayString = "${atlas.prospects.import-poll-interval:500ms}")
	void poll() {
		this.claims.drain((jobId) -> run(jobId, Integer.MAX_VALUE));
	}

	/** Starts a job queued on this node now rather than at the next poll. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ImportJobQueued queued) {
		// the scheduler's time, not the application's clock: at once
		this.scheduler.schedule(this::poll, Instant.now());
	}

	/**
	 * Imports at most {@code maxBatches} batches of a job of the current organisation,
	 * from where its last committed batch ended. Returns whether the job is finished.
	 */
	public boolean run(UUID jobId, int maxBatches) {
		ImportJob job = this.tx.execute((status) -> this.jobs.find(jobId)).orElse(null);
		if (job == null || job.finished()) {
			return true;
		}
		if (job.cancelRequested()) {
			return cancel(jobId);
		}
		this.tx.executeWithoutResult((status) -> this.jobs.markRunning(jobId, this.claims.workerId()));
		Ending ending;
		try {
			ImportJob current = job;
			while ((ending = importRows(jobId, current, maxBatches)) == Ending.AGAIN) {
				// a person moved rows between agencies meanwhile: the run goes on
				// from its last committed batch, the agencies as they are now
				log.info("Import {}: agencies changed by a person meanwhile, loaded again", jobId);
				current = this.tx.execute((status) -> this.jobs.find(jobId)).orElseThrow();
			}
		}
		catch (ImportMemory.Exhausted ex) {
			if (ex.othersHold()) {
				// the other imports of this node will give their share back: this one
				// waits, queued, and resumes after its last committed batch
				log.info("Import {} waits for the memory other imports hold: {}", jobId, ex.getMessage());
				return waitForMemory(jobId);
			}
			log.warn("Import {} stopped: {}", jobId, ex.getMessage());
			finish(jobId, ImportJob.FAILED, ImportJob.OUT_OF_MEMORY);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} failed", jobId, ex);
			finish(jobId, ImportJob.FAILED, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return true;
		}
		catch (OutOfMemoryError ex) {
			// the pool of agencies held most of the heap and is unreachable now that the
			// run has unwound: the job can still be closed. Left running, it would stay
			// claimed by this live worker and never move again.
			log.error("Import {} ran out of memory", jobId, ex);
			finish(jobId, ImportJob.FAILED, ImportJob.OUT_OF_MEMORY);
			return true;
		}
		// the run's pool of agencies is unreachable here: a cancelled job loads the
		// organisation's agencies again, as stored
		return switch (ending) {
			case DONE -> true;
			case CANCELLED -> cancel(jobId);
			case MORE, AGAIN -> false;
		};
	}

	/**
	 * How a run ended; {@code AGAIN} when a person moved rows between agencies while it
	 * ran (ADR 0130).
	 */
	private enum Ending {

		DONE, CANCELLED, MORE, AGAIN

	}

	private Ending importRows(UUID jobId, ImportJob job, int maxBatches) throws IOException {
		try (ImportMemory.Lease lease = this.memory.lease(); ImportFile file = open(jobId, job)) {
			return importRows(jobId, job, maxBatches, lease, file);
		}
		catch (AgenciesMoved ex) {
			return Ending.AGAIN;
		}
	}

	private Ending importRows(UUID jobId, ImportJob job, int maxBatches, ImportMemory.Lease lease, ImportFile file)
			throws IOException {
		int processed = job.readRows();
		// read before the agencies: a change after it is seen by the batch it precedes
		int moved = this.tx.execute((status) -> this.jobs.agenciesMoved(jobId));
		RowsSetAside aside = new RowsSetAside();
		Set<Integer> waiting = (processed > 0) ? this.tx.execute((status) -> this.recorded.setAside(jobId)) : Set.of();
		readAgain(file, processed, waiting, aside);
		long began = System.nanoTime();
		ImportBatch.Pool pool = this.tx.execute((status) -> this.batch.pool(lease, jobId));
		Set<Integer> done = this.tx.execute((status) -> this.recorded.after(jobId, processed));
		long loaded = System.nanoTime();
		long matching = 0;
		int upTo = processed;
		Growth growth = new Growth(this.properties.statisticsAfterCreated(), job.created());
		try (Normalising batches = new Normalising(file.reader(), file.normaliser(), this.properties.importBatchSize());
				Writing writing = new Writing((plan) -> write(jobId, plan, growth, moved))) {
			for (int count = 0; count < maxBatches; count++) {
				List<NormalisedRow> rows = batches.next();
				if (rows.isEmpty()) {
					for (List<NormalisedRow> slice : aside.slices(this.properties.importBatchSize())) {
						ImportBatch.Plan plan = this.batch.decideLast(jobId, slice, pool, null, upTo);
						matching += plan.matchNanos();
						lease.cover(pool.footprint());
						if (!writing.submit(plan)) {
							return Ending.CANCELLED;
						}
					}
					if (!writing.finish()) {
						return Ending.CANCELLED;
					}
					long statistics = refreshStatistics(jobId);
					finish(jobId, ImportJob.DONE, null);
					log.info(
							"Import {} done in {} ms: load {} agencies {} ms, read and normalise {} ms, match {} ms ({} rows decided last), write {} ms (each on its own thread), statistics {} ms; pool about {} MB",
							jobId, (System.nanoTime() - began) / 1_000_000, pool.size(), (loaded - began) / 1_000_000,
							batches.nanos() / 1_000_000, matching / 1_000_000, aside.size(),
							writing.nanos() / 1_000_000, statistics / 1_000_000, pool.footprint() >> 20);
					return Ending.DONE;
				}
				ImportBatch.Plan plan = this.batch.decide(jobId, rows, done, pool, null, aside.hasRoom());
				matching += plan.matchNanos();
				aside.addAll(plan.setAside());
				upTo = Math.max(upTo, plan.upTo());
				// checked before the batch is written: a job stopped here
				// resumes with this batch
				lease.cover(pool.footprint() + aside.bytes());
				if (!writing.submit(plan)) {
					return Ending.CANCELLED;
				}
			}
			return writing.finish() ? Ending.MORE : Ending.CANCELLED;
		}
	}

	/**
	 * Reads again the rows an earlier run committed, without importing them again, except
	 * those it set aside for the end of the import, which are kept in {@code aside}.
	 */
	private static void readAgain(ImportFile file, int processed, Set<Integer> waiting, RowsSetAside aside)
			throws IOException {
		SourceRow skipped;
		for (int count = 0; count < processed && (skipped = file.reader().next()) != null; count++) {
			if (waiting.contains(skipped.number())) {
				aside.add(file.normaliser().normalise(skipped));
			}
		}
	}

	/**
	 * Ends a cancelled job. The rows its written batches set aside for the end of the
	 * import (ADR 0034) are decided first, against the organisation's agencies as stored,
	 * so that the report holds every row up to where the import stopped and counts each
	 * once; the batches the cancel refused are not imported. Should that fail, the job is
	 * still cancelled, those rows left out of its report and its counts.
	 */
	/**
	 * Puts the job back in the queue until other imports give back their memory; it
	 * resumes after its last committed batch. Returns false: the job has not ended.
	 */
	private boolean waitForMemory(UUID jobId) {
		// compared with the database's now() by the claim, not with the application's
		// clock
		this.tx.executeWithoutResult((status) -> this.jobs.requeue(jobId, Instant.now().plus(MEMORY_RETRY_AFTER)));
		return false;
	}

	private boolean cancel(UUID jobId) {
		try {
			decideWhatWasSetAside(jobId);
		}
		catch (ImportMemory.Exhausted ex) {
			if (ex.othersHold()) {
				// as a run would: it waits, queued, for the memory other imports hold
				log.info("Cancelled import {} waits for the memory other imports hold: {}", jobId, ex.getMessage());
				return waitForMemory(jobId);
			}
			log.warn("Import {} cancelled without deciding the rows it set aside: {}", jobId, ex.getMessage());
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			log.warn("Import {} cancelled without deciding the rows it set aside", jobId, ex);
		}
		finish(jobId, ImportJob.CANCELLED, null);
		return true;
	}

	private void decideWhatWasSetAside(UUID jobId) throws IOException {
		ImportJob job = this.tx.execute((status) -> this.jobs.find(jobId)).orElseThrow();
		Set<Integer> waiting = this.tx.execute((status) -> this.recorded.setAside(jobId));
		if (waiting.isEmpty()) {
			return;
		}
		try (ImportMemory.Lease lease = this.memory.lease(); ImportFile file = open(jobId, job)) {
			RowsSetAside aside = new RowsSetAside();
			readAgain(file, job.readRows(), waiting, aside);
			ImportBatch.Pool pool = this.tx.execute((status) -> this.batch.pool(lease, jobId));
			for (List<NormalisedRow> slice : aside.slices(this.properties.importBatchSize())) {
				ImportBatch.Plan plan = this.batch.decideLast(jobId, slice, pool, null, job.readRows());
				lease.cover(pool.footprint());
				this.tx.executeWithoutResult((status) -> {
					this.jobs.findForUpdate(jobId).orElseThrow();
					record(jobId, plan);
				});
			}
			log.info("Import {} cancelled: {} rows it had set aside decided", jobId, aside.size());
		}
	}

	/** The job's file, read from where it is stored, and how its rows are read. */
	private ImportFile open(UUID jobId, ImportJob job) throws IOException {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(this.tx.execute((status) -> this.jobs.headers(jobId)), job.mapping()));
		InputStream stored = new StoredFileStream(this.jobs, this.tx, jobId);
		if (job.profile().format() == FileProfile.Format.CSV) {
			return new ImportFile(TabularReaders.openCsv(job.profile(), stored), normaliser, null);
		}
		// a workbook is read by random access: copied out of the database first
		Path temporary = Files.createTempFile("atlas-import-", ".bin");
		try {
			try (OutputStream out = Files.newOutputStream(temporary); stored) {
				stored.transferTo(out);
			}
			return new ImportFile(TabularReaders.open(job.profile(), temporary), normaliser, temporary);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
	}

	/** A job's file open for reading, and the temporary copy to delete after. */
	private record ImportFile(TabularReader reader, RowNormaliser normaliser,
			@Nullable Path temporary) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				this.reader.close();
			}
			finally {
				if (this.temporary != null) {
					try {
						Files.deleteIfExists(this.temporary);
					}
					catch (IOException ex) {
						log.debug("Could not delete {}", this.temporary, ex);
					}
				}
			}
		}

	}

	/**
	 * Writes one batch with the job's progress, in one transaction, unless the job was
	 * cancelled meanwhile. Returns whether it wrote.
	 */
	private boolean write(UUID jobId, ImportBatch.Plan plan, Growth growth, int moved) {
		boolean written = false;
		for (int attempt = 1;; attempt++) {
			try {
				written = Boolean.TRUE.equals(this.tx.execute((status) -> {
					ImportJobs.BatchLock current = this.jobs.lockForBatch(jobId).orElseThrow();
					if (current.cancelRequested()) {
						return false;
					}
					if (current.agenciesMoved() != moved) {
						// decided against agencies a person changed since
						throw new AgenciesMoved();
					}
					record(jobId, plan);
					return true;
				}));
				break;
			}
			catch (PessimisticLockingFailureException ex) {
				// a deadlock the database broke by failing this batch (a merge or an
				// edit locked its agencies in another order), or a lock not granted in
				// time: the batch was rolled back whole, and its plan is written again
				// as it stands; a merge made meanwhile is followed as ever (ADR 0114)
				if (attempt == WRITE_ATTEMPTS) {
					throw ex;
				}
				log.warn("Import {}: batch up to row {} met a lock held by another transaction, written again ({})",
						jobId, plan.upTo(), ex.getMessage());
				pause(Duration.ofMillis(50L * attempt + ThreadLocalRandom.current().nextLong(50)));
			}
		}
		if (written && growth.crossed(plan.created().rows())) {
			// the rest of the import is planned knowing the organisation's agencies: its
			// foreign key checks read an agency by its key instead of all of them
			long nanos = refreshStatistics();
			log.info("Import {}: statistics refreshed after {} agencies created, {} ms", jobId, growth.created(),
					nanos / 1_000_000);
		}
		return written;
	}

	/**
	 * A person detached a row from its agency, undid a detachment or unmerged agencies
	 * while the run decided against the agencies as it had loaded them: a row of the
	 * detached row's values went to the agency it had been taken out of, an unmerged
	 * agency's rows to the one that had absorbed it (ADR 0130). The batch is not written,
	 * and the run loads the agencies again. A merge is not one: what goes to the agency
	 * merged away follows it to the survivor ({@link Agencies#intoSurvivors}, ADR 0110).
	 */
	private static final class AgenciesMoved extends RuntimeException {

		AgenciesMoved() {
			super("Agencies changed by a person while the import ran", null, false, false);
		}

	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the import", ex);
		}
	}

	/** Writes a batch and the job's progress, in the caller's transaction. */
	private void record(UUID jobId, ImportBatch.Plan plan) {
		this.batch.write(jobId, plan);
		this.jobs.recordBatch(jobId, plan.upTo(), plan.setAsideChange(), plan.created().rows(), plan.merged(),
				plan.rejected(), plan.warnings(), plan.problems());
	}

	/**
	 * After an import that created many agencies, refreshes the planner's statistics of
	 * the tables it grew (V4_19), so that the organisation's next lists and counts are
	 * not planned as if it had none. Never fails the import. Returns the nanoseconds
	 * spent.
	 */
	private long refreshStatistics(UUID jobId) {
		ImportJob written = this.tx.execute((status) -> this.jobs.find(jobId)).orElseThrow();
		return (written.created() < this.properties.statisticsAfterCreated()) ? 0 : refreshStatistics();
	}

	private long refreshStatistics() {
		long began = System.nanoTime();
		try {
			this.tx.executeWithoutResult((status) -> this.jdbc.sql("select atlas_refresh_prospect_statistics()")
				.query((rs, row) -> 1)
				.list());
		}
		catch (DataAccessException ex) {
			log.warn("Planner statistics not refreshed", ex);
		}
		return System.nanoTime() - began;
	}

	/**
	 * The agencies a run of an import has created so far, to refresh the planner's
	 * statistics once, as soon as they are many. Until then the statistics may not know
	 * the organisation (a new customer's first file): the planner then expects one agency
	 * for it and checks each new possible duplicate's foreign keys by reading all of the
	 * organisation's agencies (a 100,000-row import took 57 s instead of 5, ADR 0023).
	 * Used by the writing thread only.
	 */
	private static final class Growth {

		private final long threshold;

		private long created;

		private boolean refreshed;

		Growth(long threshold, long createdBefore) {
			this.threshold = threshold;
			this.created = createdBefore;
			this.refreshed = createdBefore >= threshold;
		}

		/** Adds a batch's new agencies; true the first time they reach the threshold. */
		boolean crossed(int createdNow) {
			this.created += createdNow;
			if (this.refreshed || this.created < this.threshold) {
				return false;
			}
			this.refreshed = true;
			return true;
		}

		long created() {
			return this.created;
		}

	}

	private void finish(UUID jobId, String status, @Nullable String error) {
		this.tx.executeWithoutResult((s) -> {
			this.jobs.finish(jobId, status, error);
			ImportJob job = this.jobs.find(jobId).orElseThrow();
			this.events.publishEvent(new ImportJobFinished(CurrentTenant.require(), jobId, status, job.created(),
					job.merged(), job.rejected()));
		});
	}

}
