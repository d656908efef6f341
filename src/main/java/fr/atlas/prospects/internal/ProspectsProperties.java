package fr.atlas.prospects.internal;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the prospects module ({@code atlas.prospects.*}).
 *
 * @param importBatchSize rows imported per transaction; a restart resumes after the last
 * committed batch
 * @param importPollInterval how often a node looks for queued imports
 * @param importStaleAfter how long a running import may go without a heartbeat before
 * another node takes it over (its node is presumed dead)
 * @param previewRows rows shown by the wizard's preview
 * @param importFileRetention how long the uploaded file of an ended import is kept (its
 * rows keep their verbatim copy)
 * @param statisticsAfterCreated an import refreshes the planner's statistics once it has
 * created this many agencies, and before it says DONE
 * @param bulkInlineLimit a bulk change of more agencies than this runs as a background
 * job instead of in the request
 * @param bulkChunkSize agencies a background bulk change applies per transaction
 * @param importMemoryShare the share of the heap that the agencies held in memory by this
 * node's running imports may take together (ImportMemory); an import that needs more
 * stops with an error rather than exhaust the heap; one that needs more only while other
 * imports hold their share waits for them, queued
 * @param importConcurrency imports of different organisations a node runs at once
 * @param draftRetention how long a file sent to the wizard and never imported is kept
 * before the draft is discarded
 */
@Validated
@ConfigurationProperties("atlas.prospects")
record ProspectsProperties(@Positive int importBatchSize, Duration importPollInterval, Duration importStaleAfter,
		@Positive int previewRows, Duration importFileRetention, @Positive int statisticsAfterCreated,
		@Positive int bulkInlineLimit, @Positive int bulkChunkSize, double importMemoryShare,
		@Positive int importConcurrency, Duration draftRetention) {

	ProspectsProperties {
		importBatchSize = (importBatchSize <= 0) ? 2500 : importBatchSize;
		importPollInterval = (importPollInterval != null) ? importPollInterval : Duration.ofMillis(500);
		importStaleAfter = (importStaleAfter != null) ? importStaleAfter : Duration.ofMinutes(2);
		previewRows = (previewRows <= 0) ? 20 : previewRows;
		importFileRetention = (importFileRetention != null) ? importFileRetention : Duration.ofDays(30);
		statisticsAfterCreated = (statisticsAfterCreated <= 0) ? 500 : statisticsAfterCreated;
		bulkInlineLimit = (bulkInlineLimit <= 0) ? 10_000 : bulkInlineLimit;
		bulkChunkSize = (bulkChunkSize <= 0) ? 5_000 : bulkChunkSize;
		importMemoryShare = (importMemoryShare <= 0 || importMemoryShare > 0.9) ? 0.6 : importMemoryShare;
		importConcurrency = (importConcurrency <= 0) ? 2 : importConcurrency;
		draftRetention = (draftRetention != null) ? draftRetention : Duration.ofDays(7);
	}

}
