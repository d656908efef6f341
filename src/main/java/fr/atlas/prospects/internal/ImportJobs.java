package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.TransactionLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs and their stored files (in chunks of {@link #CHUNK}); {@link RecordedRows}
 * keeps their rows' outcomes. Callers run inside a transaction with the tenant bound.
 */
@Repository
class ImportJobs {

	/**
	 * Bytes of an uploaded file per stored chunk: small enough that neither the chunk nor
	 * its hex form on the wire is a humongous object for G1 (512 KB and more with the 1
	 * MB regions of heaps up to 4 GB). Files stored before in 1 MB chunks read the same.
	 */
	static final int CHUNK = 128 * 1024;

	private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final JobRuns runs;

	ImportJobs(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.runs = new JobRuns(jdbc, "import_job");
	}

	void create(UUID id, String status, String fileName, FileProfile profile, List<String> sheets,
			Map<String, String> mapping, List<String> headers, int totalRows, @Nullable UUID createdBy) {
		this.jdbc.sql("""
				insert into import_job (org_id, id, status, file_name, file_format, file_encoding, delimiter, file_size,
				  file_hash, sheet, sheets, mapping, headers, total_rows, created_by)
				values (:org, :id, :status, :name, :format, :encoding, :delimiter, :size, :hash, :sheet, :sheets,
				  :mapping::jsonb, :headers, :total, :by)""")
			.param("org", org())
			.param("id", id)
			.param("status", status)
			.param("name", fileName)
			.param("format", profile.format().name())
			.param("encoding", profile.encoding())
			.param("delimiter", String.valueOf(profile.delimiter()))
			.param("size", profile.size())
			.param("hash", profile.sha256())
			.param("sheet", profile.sheet())
			.param("sheets", sheets.toArray(String[]::new))
			.param("mapping", this.json.writeValueAsString(mapping))
			.param("headers", headers.toArray(String[]::new))
			.param("total", totalRows)
			.param("by", createdBy)
			.update();
	}

	/**
	 * Records the file of {@code earlier}, a done import, sent again as job {@code id}:
	 * done at once, importing nothing, each row ending where the earlier import put it
	 * (ADR 0055). A draft of the wizard ({@code id} exists) becomes that job; otherwise
	 * it is created.
	 */
	void repeat(UUID id, ImportJob earlier, String fileName, @Nullable UUID createdBy) {
		int updated = this.jdbc.sql("""
				update import_job j set status = 'DONE', repeat_of = e.id, total_rows = e.total_rows,
				  processed_rows = e.processed_rows, set_aside_rows = e.set_aside_rows, created = 0,
				  merged = e.created + e.merged, rejected = e.rejected, warnings = e.warnings, problems = e.problems,
				  started_at = now(), finished_at = now(), heartbeat_at = null
				from import_job e
				where j.org_id = :org and j.id = :id and j.status = 'DRAFT' and e.org_id = :org and e.id = :earlier""")
			.param("org", org())
			.param("id", id)
			.param("earlier", earlier.id())
			.update();
		if (updated > 0) {
			return;
		}
		this.jdbc.sql("""
				insert into import_job (org_id, id, status, file_name, file_format, file_encoding, delimiter, file_size,
				  file_hash, sheet, sheets, mapping, headers, total_rows, processed_rows, created, merged, rejected,
				  set_aside_rows, warnings, problems, created_by, started_at, finished_at, repeat_of)
				select org_id, :id, 'DONE', :name, file_format, file_encoding, delimiter, file_size, file_hash, sheet,
				  sheets, mapping, headers, total_rows, processed_rows, 0, created + merged, rejected, set_aside_rows,
				  warnings, problems, :by, now(), now(), id
				from import_job where org_id = :org and id = :earlier""")
			.param("org", org())
			.param("id", id)
			.param("name", fileName)
			.param("by", createdBy)
			.param("earlier", earlier.id())
			.update();
	}

	void storeFile(UUID jobId, Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			Lz4Blocks.Compressing lz4 = new Lz4Blocks.Compressing();
			byte[] buffer = new byte[CHUNK];
			int read;
			int seq = 0;
			while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
				this.jdbc.sql("""
						insert into import_file_chunk (org_id, job_id, seq, data, lz4)
						values (:org, :job, :seq, :data, true)""")
					.param("org", org())
					.param("job", jobId)
					.param("seq", seq++)
					.param("data", lz4.compress(buffer, read))
					.update();
			}
		}
	}

	/** Deletes the stored file of an ended import; returns the chunks deleted. */
	int deleteFile(UUID jobId) {
		int deleted = this.jdbc.sql("""
				delete from import_file_chunk c using import_job j
				where c.org_id = :org and c.job_id = :job and j.org_id = c.org_id and j.id = c.job_id
				  and j.status in ('DONE', 'FAILED', 'CANCELLED')""").param("org", org()).param("job", jobId).update();
		if (deleted > 0) {
			this.jdbc.sql("update import_job set file_deleted_at = now() where org_id = :org and id = :job")
				.param("org", org())
				.param("job", jobId)
				.update();
		}
		return deleted;
	}

	byte @Nullable [] chunk(UUID jobId, int seq) {
		return this.jdbc
			.sql("select data, lz4 from import_file_chunk where org_id = :org and job_id = :job and seq = :seq")
			.param("org", org())
			.param("job", jobId)
			.param("seq", seq)
			.query((rs, n) -> rs.getBoolean("lz4") ? Lz4Blocks.decompress(rs.getBytes("data"), CHUNK)
					: rs.getBytes("data"))
			.optional()
			.orElse(null);
	}

	/**
	 * Deletes a draft and, by cascade, its file: nothing was imported from it, so nothing
	 * else refers to it. Returns what was deleted, or nothing when the job is not a draft
	 * (any more) of this organisation.
	 */
	Optional<ImportJob> deleteDraft(UUID jobId) {
		return this.jdbc.sql("delete from import_job where org_id = :org and id = :id and status = 'DRAFT' returning *")
			.param("org", org())
			.param("id", jobId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	Optional<ImportJob> find(UUID id) {
		return this.jdbc.sql("select * from import_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * Locks the job for a batch's write and reads what the write needs: whether it was
	 * asked to stop, and how many times a person moved rows between agencies while it was
	 * queued or running ({@link #agenciesMovedMeanwhile()}).
	 */
	Optional<BatchLock> lockForBatch(UUID id) {
		return this.jdbc
			.sql("select cancel_requested, agencies_moved from import_job where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new BatchLock(rs.getBoolean(1), rs.getInt(2)))
			.optional();
	}

	/** What a batch's write reads of its job, the job locked. */
	record BatchLock(boolean cancelRequested, int agenciesMoved) {
	}

	/** How many times a person moved rows between agencies while the job ran. */
	int agenciesMoved(UUID id) {
		return this.jdbc.sql("select agencies_moved from import_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Tells the organisation's imports under way that a person moved rows between
	 * agencies (a detachment, its undoing, an unmerge): their batches then load the
	 * agencies again (ADR 0130). Called first in the change's transaction, before any
	 * agency is locked, as a batch locks its job before its agencies.
	 */
	void agenciesMovedMeanwhile() {
		this.jdbc.sql("""
				update import_job set agencies_moved = agencies_moved + 1
				where org_id = :org and status in ('QUEUED', 'RUNNING')""").param("org", org()).update();
	}

	Optional<ImportJob> findForUpdate(UUID id) {
		return this.jdbc.sql("select * from import_job where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * The job that already imports or imported this very sheet of this very file with the
	 * same mapping, if any. Another mapping of the same file (a column the first import
	 * left out) is another import: its rows merge into what the first created.
	 */
	Optional<ImportJob> findActiveByHash(String hash, int sheet, Map<String, String> mapping) {
		return this.jdbc.sql("""
				select * from import_job where org_id = :org and file_hash = :hash and sheet = :sheet
				and mapping = :mapping::jsonb and status in ('QUEUED', 'RUNNING', 'DONE') and repeat_of is null
				order by created_at limit 1""")
			.param("org", org())
			.param("hash", hash)
			.param("sheet", sheet)
			.param("mapping", this.json.writeValueAsString(mapping))
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** The sheet names of a job's workbook (empty for CSV). */
	List<String> sheets(UUID jobId) {
		return this.jdbc.sql("select sheets from import_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", jobId)
			.query((rs, row) -> Agencies.strings(rs.getArray(1)))
			.single();
	}

	/**
	 * Points a draft at another sheet of its workbook, with that sheet's header and rows.
	 */
	void changeSheet(UUID jobId, int sheet, Map<String, String> mapping, List<String> headers, int totalRows) {
		this.jdbc.sql("""
				update import_job set sheet = :sheet, mapping = :mapping::jsonb, headers = :headers, total_rows = :total
				where org_id = :org and id = :id and status = 'DRAFT'""")
			.param("sheet", sheet)
			.param("mapping", this.json.writeValueAsString(mapping))
			.param("headers", headers.toArray(String[]::new))
			.param("total", totalRows)
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	List<ImportJob> recent(int limit) {
		return this.jdbc.sql("select * from import_job where org_id = :org order by created_at desc limit :limit")
			.param("org", org())
			.param("limit", limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	List<String> headers(UUID jobId) {
		return this.jdbc.sql("select headers from import_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", jobId)
			.query((rs, row) -> Agencies.strings(rs.getArray(1)))
			.single();
	}

	/**
	 * Locks a job's row until the transaction ends, and says whether it is still a draft.
	 */
	boolean lockDraft(UUID jobId) {
		return this.jdbc.sql("select status from import_job where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", jobId)
			.query(String.class)
			.optional()
			.filter(ImportJob.DRAFT::equals)
			.isPresent();
	}

	/**
	 * Makes the submissions of one file take turns until the transaction ends, so that
	 * the second finds the first's job instead of queueing the file twice.
	 */
	void lockFile(String sha256) {
		TransactionLock.take(this.jdbc, "import-file:" + org() + ":" + sha256);
	}

	/** Queues a draft with its mapping (its row locked by {@link #lockDraft}). */
	void queue(UUID jobId, Map<String, String> mapping) {
		this.jdbc.sql("""
				update import_job set status = 'QUEUED', mapping = :mapping::jsonb, not_before = now()
				where org_id = :org and id = :id and status = 'DRAFT'""")
			.param("mapping", this.json.writeValueAsString(mapping))
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	void updateMapping(UUID jobId, Map<String, String> mapping) {
		this.jdbc.sql("update import_job set mapping = :mapping::jsonb where org_id = :org and id = :id")
			.param("mapping", this.json.writeValueAsString(mapping))
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	/** Holds a queued job back until the given time (operators; tests of resumption). */
	void holdUntil(UUID jobId, Instant notBefore) {
		this.jdbc.sql("update import_job set not_before = :at where org_id = :org and id = :id")
			.param("at", Timestamp.from(notBefore))
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	/**
	 * Asks a job to stop. A job no worker runs ends at once, unless it waits, queued,
	 * with rows set aside for the end of the import (ADR 0034): a worker then decides
	 * them before it ends the job.
	 */
	void requestCancel(UUID jobId) {
		this.jdbc.sql("""
				update import_job set cancel_requested = true,
				  status = case when status = 'DRAFT' or (status = 'QUEUED' and set_aside_rows = 0)
				                then 'CANCELLED' else status end,
				  finished_at = case when status = 'DRAFT' or (status = 'QUEUED' and set_aside_rows = 0)
				                     then now() else finished_at end
				where org_id = :org and id = :id""").param("org", org()).param("id", jobId).update();
	}

	/**
	 * Queues a failed or cancelled job again: the worker resumes it after its last
	 * committed batch, so no row is imported twice. Returns whether it was queued.
	 */
	boolean resume(UUID jobId) {
		return this.jdbc.sql("""
				update import_job set status = 'QUEUED', error = null, finished_at = null, cancel_requested = false,
				  worker = null, heartbeat_at = null, not_before = now()
				where org_id = :org and id = :id and status in ('FAILED', 'CANCELLED') and file_deleted_at is null""")
			.param("org", org())
			.param("id", jobId)
			.update() == 1;
	}

	/**
	 * Puts a running job back in the queue, to be claimed again from {@code notBefore}:
	 * it resumes after its last committed batch.
	 */
	void requeue(UUID jobId, Instant notBefore) {
		this.jdbc.sql("""
				update import_job set status = 'QUEUED', worker = null, heartbeat_at = null, not_before = :at
				where org_id = :org and id = :id and status = 'RUNNING'""")
			.param("at", Timestamp.from(notBefore))
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	void markRunning(UUID jobId, String worker) {
		this.runs.markRunning(jobId, worker);
	}

	void recordBatch(UUID jobId, int processedRows, int setAside, int created, int merged, int rejected, int warnings,
			Map<String, Integer> problems) {
		String[] codes = problems.keySet().toArray(String[]::new);
		Integer[] counts = Arrays.stream(codes).map(problems::get).toArray(Integer[]::new);
		this.jdbc.sql("""
				update import_job set processed_rows = :processed, set_aside_rows = set_aside_rows + :aside,
				  created = created + :created,
				  merged = merged + :merged, rejected = rejected + :rejected, warnings = warnings + :warnings,
				  problems = case when cardinality(:codes::text[]) = 0 then problems else (
				    select jsonb_object_agg(code, total) from (
				      select code, sum(n) as total from (
				        select key as code, value::bigint as n from jsonb_each_text(problems)
				        union all select * from unnest(:codes::text[], :counts::int[])) as c
				      group by code) as t) end,
				  heartbeat_at = now()
				where org_id = :org and id = :id""")
			.param("processed", processedRows)
			.param("aside", setAside)
			.param("created", created)
			.param("merged", merged)
			.param("rejected", rejected)
			.param("warnings", warnings)
			.param("codes", codes)
			.param("counts", counts)
			.param("org", org())
			.param("id", jobId)
			.update();
	}

	/** How many times each problem ({@code field:code}) occurred in a job's rows. */
	Map<String, Long> problems(UUID jobId) {
		Map<String, Long> problems = new HashMap<>();
		this.jdbc.sql(
				"select key, value::bigint from import_job, jsonb_each_text(problems) where org_id = :org and id = :id")
			.param("org", org())
			.param("id", jobId)
			.query((RowCallbackHandler) (rs) -> problems.put(rs.getString(1), rs.getLong(2)));
		return problems;
	}

	void finish(UUID jobId, String status, @Nullable String error) {
		this.runs.finish(jobId, status, error);
	}

	private ImportJob map(ResultSet rs) throws SQLException {
		FileProfile profile = new FileProfile(FileProfile.Format.valueOf(rs.getString("file_format")),
				rs.getString("file_encoding"), rs.getString("delimiter").charAt(0), rs.getLong("file_size"),
				rs.getString("file_hash"), rs.getInt("sheet"));
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("file_name"), profile,
				this.json.readValue(rs.getString("mapping"), MAPPING), rs.getInt("total_rows"),
				rs.getInt("processed_rows") - rs.getInt("set_aside_rows"), rs.getInt("processed_rows"),
				rs.getInt("created"), rs.getInt("merged"), rs.getInt("rejected"), rs.getInt("warnings"),
				rs.getString("error"), rs.getBoolean("cancel_requested"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "file_deleted_at"),
				rs.getObject("created_by", UUID.class), rs.getObject("repeat_of", UUID.class));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

}
