package fr.atlas.prospects.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the uploaded files of imports that ended more than
 * {@code atlas.prospects.import-file-retention} ago: stored uncompressed, a million-row
 * file is 130 MB, and once an import has ended its rows keep their verbatim copy. Files
 * of queued and running imports are never touched. Drafts, files sent to the wizard and
 * never imported, are discarded whole once older than
 * {@code atlas.prospects.draft-retention}: a columns step left open kept its file for
 * good.
 */
@Component
class ImportFileRetention {

	private static final Logger log = LoggerFactory.getLogger(ImportFileRetention.class);

	/** Imports handled per pass, so one pass stays short. */
	private static final int PER_PASS = 200;

	/** Passes per run at most, so that one run stays bounded too. */
	private static final int PASSES = 50;

	private final ImportJobs jobs;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ProspectsProperties properties;

	private final ProspectImports imports;

	ImportFileRetention(ImportJobs jobs, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
			ProspectsProperties properties, ProspectImports imports) {
		this.jobs = jobs;
		this.imports = imports;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${atlas.prospects.import-file-purge-delay:5m}",
			fixedDelayString = "${atlas.prospects.import-file-purge-interval:1h}")
	void purgeExpired() {
		purge(this.clock.instant().minus(this.properties.importFileRetention()));
		discardAbandoned(this.clock.instant().minus(this.properties.draftRetention()));
	}

	/**
	 * Discards the drafts sent before {@code sentBefore} and never started, each as its
	 * own organisation, in passes as {@link #purge(Instant)} does. Returns how many.
	 */
	int discardAbandoned(Instant sentBefore) {
		int discarded = 0;
		for (int pass = 0; pass < PASSES; pass++) {
			List<Expired> drafts = expired("atlas_abandoned_import_drafts", sentBefore);
			for (Expired draft : drafts) {
				if (CurrentTenant.callAs(draft.orgId(), () -> this.imports.discardAbandoned(draft.jobId()))) {
					discarded++;
				}
			}
			if (drafts.size() < PER_PASS) {
				break;
			}
		}
		if (discarded > 0) {
			log.info("Discarded {} import drafts never started", discarded);
		}
		return discarded;
	}

	private List<Expired> expired(String function, Instant before) {
		return this.tx.execute((status) -> this.jdbc.sql("select org_id, job_id from " + function + "(:before, :limit)")
			.param("before", Timestamp.from(before))
			.param("limit", PER_PASS)
			.query((rs, row) -> new Expired(OrgId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.list());
	}

	/**
	 * Deletes the files of imports ended before {@code endedBefore}, each as its own
	 * organisation, in passes of {@link #PER_PASS} until none is left (at most
	 * {@link #PASSES} passes a run): one pass an hour fell behind an installation that
	 * ends more imports than that. Returns how many files were deleted.
	 */
	int purge(Instant endedBefore) {
		int deleted = 0;
		for (int pass = 0; pass < PASSES; pass++) {
			List<Expired> expired = expired("atlas_expired_import_files", endedBefore);
			for (Expired file : expired) {
				Integer chunks = CurrentTenant.callAs(file.orgId(),
						() -> this.tx.execute((status) -> this.jobs.deleteFile(file.jobId())));
				if (chunks != null && chunks > 0) {
					deleted++;
				}
			}
			if (expired.size() < PER_PASS) {
				break;
			}
		}
		if (deleted > 0) {
			log.info("Deleted the uploaded files of {} ended imports", deleted);
		}
		return deleted;
	}

	private record Expired(OrgId orgId, UUID jobId) {
	}

}
