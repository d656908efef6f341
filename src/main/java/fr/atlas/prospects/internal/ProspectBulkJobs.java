package fr.atlas.prospects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.platform.UserId;
import fr.atlas.prospects.ProspectsBulkQueued;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk changes run in the background (V4_20): the job, its checked changes and its
 * agencies, frozen in chunks when it is asked for. Callers run with the tenant bound.
 */
@Repository
@Transactional
public class ProspectBulkJobs {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final int chunkSize;

	private final JobRuns runs;

	ProspectBulkJobs(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
			ProspectsProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.chunkSize = properties.bulkChunkSize();
		this.runs = new JobRuns(jdbc, "prospect_bulk_job");
	}

	/** Queues a job changing {@code ids} (in the order they are dealt out); its id. */
	UUID queue(List<UUID> ids, BulkChanges changes, @Nullable UUID by) {
		UUID id = TimeOrderedIds.next();
		RequestMetadata request = RequestMetadata.current();
		int chunkSize = changes.perTransaction(this.chunkSize);
		int chunks = (ids.size() + chunkSize - 1) / chunkSize;
		this.jdbc.sql("""
				insert into prospect_bulk_job (org_id, id, status, changes, matched, chunk_count, created_by,
				  created_label, correlation_id, client_ip)
				values (:org, :id, 'QUEUED', :changes::jsonb, :matched, :chunks, :by, :label, :correlation, :ip)""")
			.param("org", org())
			.param("id", id)
			.param("changes", this.json.writeValueAsString(changes))
			.param("matched", ids.size())
			.param("chunks", chunks)
			.param("by", by)
			.param("label", request.actorLabel())
			.param("correlation", request.correlationId())
			.param("ip", request.clientIp())
			.update();
		for (int chunk = 0; chunk < chunks; chunk++) {
			int first = chunk * chunkSize;
			this.jdbc.sql("""
					insert into prospect_bulk_job_chunk (org_id, job_id, chunk, first, agency_ids)
					values (:org, :job, :chunk, :first, :ids)""")
				.param("org", org())
				.param("job", id)
				.param("chunk", chunk)
				.param("first", first)
				.param("ids", ids.subList(first, Math.min(ids.size(), first + chunkSize)).toArray(UUID[]::new))
				.update();
		}
		this.events.publishEvent(new ProspectsBulkQueued(CurrentTenant.require(), id, ids.size(), changes.fields()));
		return id;
	}

	/** A job of the current organisation. */
	public Optional<BulkJob> find(UUID id) {
		return select(id, "");
	}

	/** A job of the current organisation; another's, or none, is not found. */
	public BulkJob get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("Modification groupée"));
	}

	/**
	 * The organisation's jobs to show on the list: those that have not ended, those that
	 * failed in the last week (someone should resume them) and those that ended in the
	 * last {@code ended} minutes; at most five, oldest first.
	 */
	public List<BulkJob> current(int ended) {
		return this.jdbc.sql("""
				select * from (
				  select *, changes ->> 'work' as work from prospect_bulk_job
				  where org_id = :org
				    and (status in ('QUEUED', 'RUNNING') or finished_at > now() - make_interval(mins => :ended)
				         or (status = 'FAILED' and created_at > now() - interval '7 days'))
				  order by created_at desc limit 5) j
				order by created_at""").param("org", org()).param("ended", ended).query((rs, row) -> map(rs)).list();
	}

	/**
	 * Queues a failed job again; it goes on after its last committed chunk. False when
	 * the job has not failed.
	 */
	public boolean retry(UUID id) {
		boolean queued = this.jdbc.sql("""
				update prospect_bulk_job set status = 'QUEUED', error = null, not_before = now(), finished_at = null
				where org_id = :org and id = :id and status = 'FAILED'""")
			.param("org", org())
			.param("id", id)
			.update() == 1;
		if (queued) {
			BulkJob job = find(id).orElseThrow();
			this.events.publishEvent(
					new ProspectsBulkQueued(CurrentTenant.require(), id, job.matched(), changes(id).fields()));
		}
		return queued;
	}

	Optional<BulkJob> findForUpdate(UUID id) {
		return select(id, " for update");
	}

	private Optional<BulkJob> select(UUID id, String lock) {
		return this.jdbc
			.sql("select *, changes ->> 'work' as work from prospect_bulk_job where org_id = :org and id = :id" + lock)
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> map(rs))
			.optional();
	}

	BulkChanges changes(UUID id) {
		String changes = this.jdbc.sql("select changes::text from prospect_bulk_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", id)
			.query(String.class)
			.single();
		return this.json.readValue(changes, BulkChanges.class);
	}

	Optional<Chunk> chunk(UUID id, int chunk) {
		return this.jdbc.sql(
				"select first, agency_ids from prospect_bulk_job_chunk where org_id = :org and job_id = :job and chunk = :chunk")
			.param("org", org())
			.param("job", id)
			.param("chunk", chunk)
			.query((rs, row) -> new Chunk(chunk, rs.getInt(1), (UUID[]) rs.getArray(2).getArray()))
			.optional();
	}

	void markRunning(UUID id, String worker) {
		this.runs.markRunning(id, worker);
	}

	void recordChunk(UUID id, Chunk chunk, int updated) {
		this.jdbc.sql("""
				update prospect_bulk_job set chunks_done = :done, processed = processed + :processed,
				  updated = updated + :updated, heartbeat_at = now()
				where org_id = :org and id = :id""")
			.param("done", chunk.number() + 1)
			.param("processed", chunk.ids().length)
			.param("updated", updated)
			.param("org", org())
			.param("id", id)
			.update();
	}

	void finish(UUID id, String status, @Nullable String error) {
		this.runs.finish(id, status, error);
	}

	private static BulkJob map(ResultSet rs) throws SQLException {
		UUID by = rs.getObject("created_by", UUID.class);
		return new BulkJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("matched"),
				rs.getInt("processed"), rs.getInt("updated"), rs.getInt("chunk_count"), rs.getInt("chunks_done"),
				rs.getString("error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")),
				(by != null) ? new UserId(by) : null, rs.getString("created_label"), rs.getString("correlation_id"),
				rs.getString("client_ip"), rs.getString("work"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/**
	 * A background bulk change: {@code matched} agencies chosen, {@code processed} of
	 * them gone through, {@code updated} of those changed; {@code work}, the key of the
	 * work it starts on each, if any.
	 */
	public record BulkJob(UUID id, String status, int matched, int processed, int updated, int chunkCount,
			int chunksDone, @Nullable String error, @Nullable Instant createdAt, @Nullable Instant finishedAt,
			@Nullable UserId createdBy, @Nullable String createdLabel, @Nullable String correlationId,
			@Nullable String clientIp, @Nullable String work) {

		public boolean finished() {
			return "DONE".equals(this.status) || "FAILED".equals(this.status);
		}

		/** Share of the agencies gone through, 0 to 100. */
		public int percent() {
			return (this.matched == 0) ? 100 : (int) (100L * this.processed / this.matched);
		}

		/** Who asked for it, from where: bound while the job's audit entry is written. */
		RequestMetadata request() {
			return new RequestMetadata((this.correlationId != null) ? this.correlationId : this.id.toString(),
					this.clientIp, this.createdBy, this.createdLabel);
		}

	}

	/** The agencies of one chunk, {@code first} of the job's coming before them. */
	record Chunk(int number, int first, UUID[] ids) {
	}

}
