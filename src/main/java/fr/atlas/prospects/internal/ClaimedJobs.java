package fr.atlas.prospects.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background jobs a node takes from a claim function ({@code atlas_claim_import_job},
 * {@code atlas_claim_prospect_bulk_job}): a security-definer function that marks the
 * oldest due job (or one whose node stopped sending heartbeats) as this worker's and
 * returns only its ids, since the worker does not know its organisation yet. Each job
 * claimed runs with its organisation bound, one after the other, until none is left. The
 * jobs of a dead worker of the same host are handed over before each round.
 *
 * <p>
 * Up to {@code lanes} rounds run at once, each on the thread that called {@link #drain}:
 * with two, a small import of one organisation no longer waits behind a large import of
 * another (ADR 0029). The claim function never gives two jobs of one organisation at
 * once.
 */
final class ClaimedJobs {

	private static final Logger log = LoggerFactory.getLogger(ClaimedJobs.class);

	/** This JVM's {@code pid@host}. */
	private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

	/** The workers of this JVM (tests run several application contexts in one). */
	private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

	private final String workerId;

	private final Semaphore lanes;

	private final Supplier<Optional<Claim>> claims;

	private final Runnable beforeRound;

	/**
	 * Rounds of {@code lanes} at most, each taking jobs from {@code claims} after
	 * {@code beforeRound}.
	 */
	ClaimedJobs(String workerId, int lanes, Supplier<Optional<Claim>> claims, Runnable beforeRound) {
		this.workerId = workerId;
		this.lanes = new Semaphore(lanes);
		this.claims = claims;
		this.beforeRound = beforeRound;
	}

	/** The jobs of a claim function, for a new worker of this JVM. */
	static ClaimedJobs of(String claimFunction, Duration staleAfter, int lanes, TransactionTemplate tx,
			JdbcClient jdbc) {
		String workerId = PROCESS + "/" + UUID.randomUUID();
		LIVE.add(workerId);
		return new ClaimedJobs(workerId, lanes, () -> claim(claimFunction, staleAfter, workerId, tx, jdbc),
				() -> releaseDeadLocalWorkers(tx, jdbc));
	}

	/** The name this worker writes into the jobs it runs. */
	String workerId() {
		return this.workerId;
	}

	/**
	 * Claims and runs jobs until none is left, in a lane of its own. A call while every
	 * lane drains returns at once: the wake-up is not lost, as each round claims again
	 * before it ends.
	 */
	void drain(Consumer<UUID> run) {
		if (!this.lanes.tryAcquire()) {
			return;
		}
		try {
			this.beforeRound.run();
			Optional<Claim> claim;
			while ((claim = this.claims.get()).isPresent()) {
				Claim job = claim.get();
				CurrentTenant.runAs(job.orgId(), () -> run.accept(job.jobId()));
			}
		}
		finally {
			this.lanes.release();
		}
	}

	/**
	 * Hands over at once the jobs of workers of this host that are dead (a crash, then a
	 * restart), instead of after {@code import-stale-after} (V4_21).
	 */
	private static void releaseDeadLocalWorkers(TransactionTemplate tx, JdbcClient jdbc) {
		List<String> workers = tx
			.execute((status) -> jdbc.sql("select atlas_running_job_workers()").query(String.class).list());
		for (String worker : workers) {
			if (deadLocalWorker(worker, PROCESS, LIVE::contains, ClaimedJobs::javaRunning)) {
				Integer released = tx.execute((status) -> jdbc.sql("select atlas_release_job_worker(:worker)")
					.param("worker", worker)
					.query(Integer.class)
					.single());
				log.info("Jobs of worker {}, which no longer runs, handed over: {}", worker, released);
			}
		}
	}

	/**
	 * Whether a worker ({@code pid@host/uuid}) ran on this host ({@code process} is
	 * {@code pid@host}) and is gone: its pid is this JVM's but it is none of this JVM's
	 * workers, or no Java process has that pid any more. A worker of another host is
	 * never judged here: its heartbeat decides.
	 */
	static boolean deadLocalWorker(String worker, String process, Predicate<String> liveHere,
			LongPredicate javaRunning) {
		int slash = worker.indexOf('/');
		int at = worker.indexOf('@');
		if (slash < 0 || at < 0 || at > slash) {
			return false;
		}
		String workerProcess = worker.substring(0, slash);
		if (!workerProcess.substring(at).equals(process.substring(process.indexOf('@')))) {
			return false;
		}
		if (workerProcess.equals(process)) {
			return !liveHere.test(worker);
		}
		try {
			return !javaRunning.test(Long.parseLong(worker.substring(0, at)));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean javaRunning(long pid) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.flatMap((process) -> process.info().command())
			.map((command) -> command.endsWith("java"))
			.orElse(false);
	}

	private static Optional<Claim> claim(String function, Duration staleAfter, String workerId, TransactionTemplate tx,
			JdbcClient jdbc) {
		return tx.execute((status) -> jdbc.sql("select org_id, job_id from " + function + "(:worker, :stale::interval)")
			.param("worker", workerId)
			.param("stale", staleAfter.toSeconds() + " seconds")
			.query((rs, row) -> new Claim(OrgId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.optional());
	}

	record Claim(OrgId orgId, UUID jobId) {
	}

}
