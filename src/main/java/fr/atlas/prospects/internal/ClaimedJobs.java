package fr.atlas.prospects.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

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
 */
final class ClaimedJobs {

	private static final Logger log = LoggerFactory.getLogger(ClaimedJobs.class);

	private final String claimFunction;

	private final Duration staleAfter;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	/** This JVM's {@code pid@host}. */
	private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

	/** The workers of this JVM (tests run several application contexts in one). */
	private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final String workerId = PROCESS + "/" + UUID.randomUUID();

	ClaimedJobs(String claimFunction, Duration staleAfter, TransactionTemplate tx, JdbcClient jdbc) {
		this.claimFunction = claimFunction;
		this.staleAfter = staleAfter;
		this.tx = tx;
		this.jdbc = jdbc;
		LIVE.add(this.workerId);
	}

	/** The name this worker writes into the jobs it runs. */
	String workerId() {
		return this.workerId;
	}

	/**
	 * Claims and runs jobs until none is left. A call while another drains returns at
	 * once: the wake-up is not lost, as that round claims again before it ends.
	 */
	void drain(Consumer<UUID> run) {
		if (!this.draining.compareAndSet(false, true)) {
			return;
		}
		try {
			releaseDeadLocalWorkers();
			Optional<Claim> claim;
			while ((claim = claim()).isPresent()) {
				Claim job = claim.get();
				CurrentTenant.runAs(job.orgId(), () -> run.accept(job.jobId()));
			}
		}
		finally {
			this.draining.set(false);
		}
	}

	/**
	 * Hands over at once the jobs of workers of this host that are dead (a crash, then a
	 * restart), instead of after {@code import-stale-after} (V4_21).
	 */
	private void releaseDeadLocalWorkers() {
		List<String> workers = this.tx
			.execute((status) -> this.jdbc.sql("select atlas_running_job_workers()").query(String.class).list());
		for (String worker : workers) {
			if (deadLocalWorker(worker, PROCESS, LIVE::contains, ClaimedJobs::javaRunning)) {
				Integer released = this.tx.execute((status) -> this.jdbc.sql("select atlas_release_job_worker(:worker)")
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

	private Optional<Claim> claim() {
		return this.tx.execute((status) -> this.jdbc
			.sql("select org_id, job_id from " + this.claimFunction + "(:worker, :stale::interval)")
			.param("worker", this.workerId)
			.param("stale", this.staleAfter.toSeconds() + " seconds")
			.query((rs, row) -> new Claim(OrgId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.optional());
	}

	private record Claim(OrgId orgId, UUID jobId) {
	}

}
