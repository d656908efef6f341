package fr.atlas.prospects.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background jobs a node takes from a claim function ({@code atlas_claim_import_job},
 * {@code atlas_claim_prospect_bulk_job}): a security-definer function that marks the
 * oldest due job (or one whose node stopped sending heartbeats) as this worker's and
 * returns only its ids, since the worker does not know its organisation yet. Each job
 * claimed runs with its organisation bound, one after the other, until none is left.
 */
final class ClaimedJobs {

	private final String claimFunction;

	private final Duration staleAfter;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	ClaimedJobs(String claimFunction, Duration staleAfter, TransactionTemplate tx, JdbcClient jdbc) {
		this.claimFunction = claimFunction;
		this.staleAfter = staleAfter;
		this.tx = tx;
		this.jdbc = jdbc;
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
