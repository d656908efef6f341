package fr.atlas.prospects.internal;

import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A background job's run as both kinds of job record it, imports ({@code import_job}) and
 * bulk changes ({@code prospect_bulk_job}): the status, the worker, its heartbeat and the
 * start and end. The claim functions of {@link ClaimedJobs} read these columns of either
 * table alike to hand over a job whose worker stopped, so a job starts and ends the same
 * way in both.
 */
final class JobRuns {

	private final JdbcClient jdbc;

	private final String table;

	/** The runs of the jobs of {@code table}, a constant of the caller's. */
	JobRuns(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/**
	 * Marks a job claimed by {@code worker} as running; a resumed job keeps its start.
	 */
	void markRunning(UUID id, String worker) {
		this.jdbc.sql("""
				update %s set status = 'RUNNING', worker = :worker, heartbeat_at = now(),
				  started_at = coalesce(started_at, now())
				where org_id = :org and id = :id""".formatted(this.table))
			.param("worker", worker)
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.update();
	}

	void finish(UUID id, String status, @Nullable String error) {
		this.jdbc.sql("""
				update %s set status = :status, error = :error, finished_at = now(), heartbeat_at = now()
				where org_id = :org and id = :id""".formatted(this.table))
			.param("status", status)
			.param("error", error)
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.update();
	}

}
