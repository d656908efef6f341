package fr.atlas.prospects.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.prospects.internal.MergeChoice;
import fr.atlas.prospects.internal.PairDecisions;
import fr.atlas.prospects.internal.ProspectBulkEdits;
import fr.atlas.prospects.internal.ProspectBulkEdits.Outcome;
import fr.atlas.prospects.internal.ProspectBulkEdits.Queued;
import fr.atlas.prospects.internal.ProspectBulkEdits.Result;
import fr.atlas.prospects.internal.ProspectBulkJobs;
import fr.atlas.prospects.internal.ProspectCreations;
import fr.atlas.prospects.internal.ProspectDetachments;
import fr.atlas.prospects.internal.ProspectEdits;
import fr.atlas.prospects.internal.ProspectExport;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.DuplicateQueue;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Detail;
import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Page;
import fr.atlas.prospects.internal.ProspectSearch.Source;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prospects API: search, agency details, merge and unmerge, possible duplicates,
 * export.
 */
@Tag(name = "Prospects",
		description = "Agencies (prospects): search, details with provenance, additions and corrections, merge and unmerge, possible duplicates, export")
@RestController
@RequestMapping("/api/v1/prospects")
@RequiresFeature(Feature.PROSPECTS)
class ProspectApiController {

	private final ProspectSearch search;

	private final ProspectMerges merges;

	private final ProspectExport export;

	private final ProspectEdits edits;

	private final ProspectBulkEdits bulkEdits;

	private final ProspectBulkJobs bulkJobs;

	private final ProspectCreations creations;

	private final PairDecisions decisions;

	private final DuplicateQueue queue;

	private final ProspectDetachments detachments;

	private final MessageSource messages;

	ProspectApiController(ProspectSearch search, ProspectMerges merges, ProspectExport export, ProspectEdits edits,
			ProspectBulkEdits bulkEdits, ProspectBulkJobs bulkJobs, ProspectCreations creations,
			PairDecisions decisions, DuplicateQueue queue, ProspectDetachments detachments, MessageSource messages) {
		this.detachments = detachments;
		this.messages = messages;
		this.decisions = decisions;
		this.queue = queue;
		this.bulkJobs = bulkJobs;
		this.creations = creations;
		this.search = search;
		this.merges = merges;
		this.export = export;
		this.edits = edits;
		this.bulkEdits = bulkEdits;
	}

	@Operation(summary = "Search agencies, with filters, sort and paging")
	@GetMapping
	Page<Summary> list(@ParameterObject SearchParams search, @AuthenticationPrincipal AtlasPrincipal principal,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.search.find(search.query(principal, page, size));
	}

	/**
	 * Adds an agency by hand, with the fields {@code PATCH} takes (a name at least) → 201
	 * with the agency and its {@code Location}. An agency the organisation has already
	 * (the import would merge them) → 409 {@code prospects.create.duplicate} naming it
	 * ({@code existingId}, {@code existingName}, {@code reasons}), unless
	 * {@code "allowDuplicate": true}: the two then wait in the review queue, as an agency
	 * that only resembles another does.
	 */
	@Operation(summary = "Add an agency by hand",
			description = "409 prospects.create.duplicate names an agency the organisation has already, unless \"allowDuplicate\": true.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Detail> create(@RequestBody Map<String, @Nullable Object> fields,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		UUID id = this.creations.create(fields, principal.userId().value()).id();
		return ResponseEntity.created(URI.create("/api/v1/prospects/" + id)).body(this.search.detail(id));
	}

	/**
	 * Changes many agencies at once (see {@link BulkRequest}) → 200 {@code {"matched",
	 * "updated"}}; or, for more agencies than one request changes, 202 with the
	 * background job ({@link #bulkJob}) and its {@code Location}.
	 */
	@Operation(summary = "Change many agencies at once",
			description = "owner, owners, addTags, removeTags, archive (with reason), restore, or startWork: "
					+ "\"prospection-case\" opens a prospection case for each agency that has no open one "
					+ "(while Cases is on).")
	@PostMapping("/bulk")
	@ApiResponse(responseCode = "200", description = "Done at once: {\"matched\",\"updated\"}")
	@ApiResponse(responseCode = "202",
			description = "Too many agencies for one request: the background job, with its Location")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<?> bulk(@RequestBody Map<String, @Nullable Object> body,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		BulkRequest request = BulkRequest.of(body, principal);
		Result result = this.bulkEdits.apply(request.selection(), request.changes(), principal.userId().value());
		return switch (result) {
			case Outcome outcome -> ResponseEntity.ok(outcome);
			case Queued queued -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.location(URI.create("/api/v1/prospects/bulk/" + queued.id()))
				.body(BulkJobStatus.of(this.bulkJobs.find(queued.id()).orElseThrow()));
		};
	}

	/**
	 * A background bulk change → {@code {"id","status","matched","processed","updated",
	 * "error","createdAt","finishedAt"}}, status QUEUED, RUNNING, DONE or FAILED.
	 */
	@Operation(summary = "A background bulk change")
	@GetMapping("/bulk/{id}")
	BulkJobStatus bulkJob(@PathVariable UUID id) {
		return BulkJobStatus.of(this.bulkJobs.get(id));
	}

	/** Queues a failed bulk change again; it goes on where it stopped. */
	@Operation(summary = "Resume a failed bulk change")
	@PostMapping("/bulk/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<BulkJobStatus> retryBulkJob(@PathVariable UUID id) {
		this.bulkJobs.get(id);
		if (!this.bulkJobs.retry(id)) {
			throw new ConflictException("prospects.bulk.job.not-failed");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/prospects/bulk/" + id))
			.body(BulkJobStatus.of(this.bulkJobs.find(id).orElseThrow()));
	}

	@Operation(summary = "Possible duplicates to review, most likely first",
			description = "`reason` keeps the pairs one of whose reasons has that code (`phone`, `siren`, `name`...).")
	@GetMapping("/duplicates")
	List<Duplicate> duplicates(@RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") long offset, @RequestParam(required = false) @Nullable String importId,
			@RequestParam(required = false) @Nullable String reason) {
		return this.queue.duplicates(null, importOf(importId), reasonOf(reason), Math.min(Math.max(limit, 1), 500),
				Math.max(offset, 0));
	}

	/**
	 * A reason's code, as the queue's filter reads it: a code no match gives (a typo,
	 * {@code ?reason=phones}) answered an empty queue, as if nothing waited (ADR 0110).
	 */
	private @Nullable String reasonOf(@Nullable String reason) {
		String code = DuplicateQueueController.reasonOf(reason);
		if (code != null && this.messages.getMessage("prospects.reason." + code, null, null, Locale.FRENCH) == null) {
			throw new InvalidInputException("reason", "prospects.filter.reason", code);
		}
		return code;
	}

	/** An import's id, as the list's filter reads it: not an id is a 400. */
	private static @Nullable UUID importOf(@Nullable String importId) {
		if (importId == null || importId.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(importId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("importId", "prospects.filter.import");
		}
	}

	@Operation(summary = "Dismiss a possible duplicate")
	@PostMapping("/duplicates/{candidateId}/dismiss")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> dismiss(@PathVariable UUID candidateId) {
		this.merges.dismiss(candidateId);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Put a dismissed pair back in the queue",
			description = "The undo of a dismissal: 204; 404 for a pair that is not dismissed; 409 "
					+ "`prospects.duplicate.reopen-inactive` once either agency is merged or archived.")
	@PostMapping("/duplicates/{candidateId}/reopen")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> reopen(@PathVariable UUID candidateId) {
		this.merges.reopen(candidateId);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Decide many possible duplicates at once",
			description = "`decision`: MERGE merges the `agency` of each pair into its `other` (the first of the queue), "
					+ "following earlier merges of the same request; DISMISS marks them different agencies. At most "
					+ PairDecisions.MOST + " ids, all decided in one transaction. A pair already decided, whose "
					+ "agency is archived, or of another organisation is left.")
	@PostMapping("/duplicates/decisions")
	@PreAuthorize("hasRole('AGENT')")
	PairDecisions.Outcome decide(@RequestBody DecisionRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.decisions.decide((request.ids() != null) ? request.ids() : List.of(),
				DuplicateQueueController.decision(request.decision()), principal.userId().value());
	}

	record DecisionRequest(@Nullable List<UUID> ids, @Nullable String decision) {
	}

	@Operation(summary = "Undo merges made together, the latest first",
			description = "`ids`: merge ids, as `merges` of a decision answers them. All are undone or none (409 with "
					+ "the merge that stands in the way, as for an unmerge); one already undone is passed over.")
	@PostMapping("/merges/undo")
	@PreAuthorize("hasRole('AGENT')")
	Map<String, Integer> undoMerges(@RequestBody UndoRequest request) {
		if (request.ids() == null || request.ids().isEmpty()) {
			throw new InvalidInputException("ids", "prospects.merges.none");
		}
		return Map.of("undone", this.merges.undoMerges(request.ids()));
	}

	record UndoRequest(@Nullable List<UUID> ids) {
	}

	@Operation(summary = "Export a search as CSV or XLSX (MANAGER and above; audited)")
	@GetMapping("/export")
	@PreAuthorize("hasRole('MANAGER')")
	void export(@RequestParam(defaultValue = "csv") String format, @ParameterObject SearchParams search,
			@AuthenticationPrincipal AtlasPrincipal principal, HttpServletResponse response) throws IOException {
		ProspectQuery query = search.query(principal, 0, 20);
		// "CSV" as a user or a tool writes it
		switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "csv" -> {
				response.setContentType("text/csv;charset=UTF-8");
				response.setHeader("Content-Disposition", "attachment; filename=\"prospects.csv\"");
				this.export.csv(query, search.choosing(principal), response.getOutputStream());
			}
			case "xlsx" -> {
				response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
				response.setHeader("Content-Disposition", "attachment; filename=\"prospects.xlsx\"");
				this.export.xlsx(query, search.choosing(principal), response.getOutputStream());
			}
			default -> throw new InvalidInputException("format", "prospects.export.format");
		}
	}

	@Operation(summary = "An agency with its contacts, sources, match reasons, duplicates and merges")
	@GetMapping("/{id}")
	Detail detail(@PathVariable UUID id) {
		return this.search.detail(id);
	}

	@Operation(summary = "Where an agency's values came from, a page at a time",
			description = "In the order of the agency's page (by time, then import and row, then field). `size` is 1 "
					+ "to 500 (100 when left out); `total` counts them all. The agency's details carry the first 500 "
					+ "and `sourceCount`.")
	@GetMapping("/{id}/sources")
	Page<Source> sources(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return this.search.sources(id, page, size);
	}

	/**
	 * Corrects an agency: the fields present are set (null or "" clears one), through the
	 * import's rules; {@code version} (from the agency) refuses an edit based on a stale
	 * read with 409.
	 */
	@Operation(summary = "Correct an agency")
	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('AGENT')")
	Detail edit(@PathVariable UUID id, @RequestBody Map<String, @Nullable Object> changes,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		this.edits.edit(id, changes, principal.userId().value());
		return this.search.detail(id);
	}

	@Operation(summary = "Merge another agency into this one",
			description = "The survivor keeps its values and its empty fields take the other's; e-mails, phones and "
					+ "tags are unions. Optional `keep` chooses, field by field, the value that survives: "
					+ "`{\"name\": \"other\"}` takes the other agency's name (`survivor`, the default, keeps "
					+ "this one's). Fields: name, tradeName, siret (with the SIREN), naf, address (with the postcode "
					+ "and town), website, specialty, listingCount, revenue, headcountBand, owner, source. An unknown "
					+ "field or value is a 400 listing every bad entry, and nothing is merged.")
	@PostMapping("/{id}/merge")
	@PreAuthorize("hasRole('AGENT')")
	Detail merge(@PathVariable UUID id, @RequestBody MergeRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		if (request.otherId() == null) {
			throw new InvalidInputException("otherId", "prospects.merge.other-required");
		}
		// read whole before anything is merged: a bad entry merges nothing
		MergeChoice choice = MergeChoice.read(request.keep());
		this.merges.merge(id, request.otherId(), principal.userId().value(), choice);
		return this.search.detail(id);
	}

	/**
	 * Given either side of the merge, {@code id} is the agency that had absorbed the
	 * other and {@code restoredId} the other: sent for the absorbed one, both were its
	 * own id and the survivor went unsaid.
	 */
	@Operation(summary = "Undo the latest merge of this agency, either side of it",
			description = "{\"id\": the agency that had absorbed the other, \"restoredId\": the other, restored}. "
					+ "Both come back as they were before the merge, except what the survivor received since (an edit, a "
					+ "later import's row), which it keeps.")
	@PostMapping("/{id}/unmerge")
	@PreAuthorize("hasRole('AGENT')")
	Map<String, Object> unmerge(@PathVariable UUID id) {
		ProspectMerges.Unmerged undone = this.merges.unmerge(id);
		return Map.of("id", undone.survivorId(), "restoredId", undone.restoredId());
	}

	/**
	 * Takes one imported row out of the agency (a source of kind IMPORT: its
	 * {@code importId} and {@code row}), into a new agency of its own; the agency is
	 * worked out again from its other sources (ADR 0092).
	 */
	@Operation(summary = "Detach one imported row from this agency, into a new agency",
			description = "The row is a source of the agency (`importId` and `row` of its sources). A new agency is "
					+ "made of the row's values, and this one is worked out again from its other sources. 201 "
					+ "{\"id\": this agency, \"detachedId\": the new one, \"detachmentId\"}; 404 for a row that is "
					+ "not this agency's; 409 prospects.detach.only-source when it is all the agency has, "
					+ "prospects.detach.inactive for a merged agency, prospects.archived.read-only for an archived one.")
	@PostMapping("/{id}/sources/{importId}/rows/{row}/detach")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Map<String, Object>> detach(@PathVariable UUID id, @PathVariable UUID importId,
			@PathVariable int row, @AuthenticationPrincipal AtlasPrincipal principal) {
		ProspectDetachments.Detached detached = this.detachments.detach(id, importId, row, principal.userId().value());
		return ResponseEntity.created(URI.create("/api/v1/prospects/" + detached.agencyId()))
			.body(Map.of("id", detached.fromId(), "detachedId", detached.agencyId(), "detachmentId", detached.id()));
	}

	/**
	 * Undoes a detachment while neither agency changed since: the agency is back as it
	 * was and the one made of the row merged back into it.
	 */
	@Operation(summary = "Undo a detachment",
			description = "{\"id\": the agency the row is back in, \"removedId\": the agency made of the row, now "
					+ "merged into it}; 409 prospects.detach.undo-changed when either agency changed since, "
					+ "prospects.detach.undo-done when it was undone already.")
	@PostMapping("/detachments/{detachmentId}/undo")
	@PreAuthorize("hasRole('AGENT')")
	Map<String, Object> undoDetach(@PathVariable UUID detachmentId) {
		ProspectDetachments.Detached undone = this.detachments.undo(detachmentId);
		return Map.of("id", undone.fromId(), "removedId", undone.agencyId());
	}

	/**
	 * {@code otherId}, the agency merged into this one; {@code keep}, optional, which
	 * agency's value survives per field ({@link MergeChoice#read}). Another property is
	 * refused: a misspelt {@code "kep"} left the person's choice out, and the merge went
	 * by the default rule.
	 */
	@RefusesUnknownProperties
	record MergeRequest(@Nullable UUID otherId, @Nullable Map<String, @Nullable Object> keep) {
	}

}
