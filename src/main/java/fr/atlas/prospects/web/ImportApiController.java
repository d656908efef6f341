package fr.atlas.prospects.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ImportJob;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * The import API: submit a file, follow the job, download the row report, cancel.
 */
@Tag(name = "Imports",
		description = "Agency lists imported from CSV or Excel files as background jobs, with a row-by-row report")
@RestController
@RequestMapping("/api/v1/imports")
@RequiresFeature(Feature.PROSPECTS)
class ImportApiController {

	private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
	};

	private final ProspectImports imports;

	private final JsonMapper json;

	private final ImportProblemWords problemWords;

	private final TechnicalImportReport technicalReport;

	/** A mapping or a sheet name is a few hundred bytes; more is not one. */
	private static final long MOST_TEXT_PART = 64 * 1024;

	ImportApiController(ProspectImports imports, JsonMapper json, ImportProblemWords problemWords,
			TechnicalImportReport technicalReport) {
		this.imports = imports;
		this.json = json;
		this.problemWords = problemWords;
		this.technicalReport = technicalReport;
	}

	@Operation(summary = "Import a CSV, XLSX or XLS file of agencies",
			description = "Multipart: file, optional mapping (JSON {\"column header\":\"field\"}) and sheet. 202 {\"id\",\"status\"} with Location.")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('AGENT')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
			schema = @Schema(type = "object", requiredProperties = "file"),
			schemaProperties = {
					@SchemaProperty(name = "file",
							schema = @Schema(type = "string", format = "binary",
									description = "CSV (; , tab or |, UTF-8, UTF-16 or Windows-1252), XLSX or XLS")),
					@SchemaProperty(name = "mapping",
							schema = @Schema(type = "string",
									description = "JSON {\"column header\": \"field\"} such as {\"Raison sociale\": "
											+ "\"name\", \"Tel\": \"phone\", \"Notes\": \"ignore\"}; the columns "
											+ "left out keep the field detected from their header")),
					@SchemaProperty(name = "sheet",
							schema = @Schema(type = "string",
									description = "A workbook's sheet, by name or 1-based position; without it the "
											+ "first that holds something")) }))
	ResponseEntity<Accepted> submit(
			@Parameter(hidden = true) @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@Parameter(hidden = true) MultipartRequest parts, @AuthenticationPrincipal AtlasPrincipal principal)
			throws IOException {
		String mapping = text(parts, "mapping");
		String sheet = text(parts, "sheet");
		if (file == null) {
			throw new InvalidInputException("file", "prospects.import.missing-file");
		}
		if (parts.getFiles("file").size() > 1) {
			// the first was imported and the others left out without a word
			throw new InvalidInputException("file", "prospects.import.several-files");
		}
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "prospects.import.empty-file");
		}
		Map<String, String> overrides = parseMapping(this.json, mapping);
		ProspectImports.Submission submission;
		try (InputStream content = file.getInputStream()) {
			submission = this.imports.submit(
					(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "import", content, overrides,
					principal.userId().value(), true, sheet);
		}
		ImportJob job = submission.job();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/imports/" + job.id()))
			.body(new Accepted(job.id(), status(job)));
	}

	/**
	 * A text part: a plain field, or a part sent as a file
	 * ({@code curl -F mapping=@m.json}), read as UTF-8.
	 */
	private static @Nullable String text(MultipartRequest parts, String name) throws IOException {
		String text = (parts instanceof HttpServletRequest request) ? request.getParameter(name) : null;
		MultipartFile part = (text == null) ? parts.getFile(name) : null;
		if (part != null) {
			if (part.getSize() > MOST_TEXT_PART) {
				throw new InvalidInputException(name, "prospects.import.invalid-" + name);
			}
			text = new String(part.getBytes(), StandardCharsets.UTF_8);
		}
		// an editor's byte order mark is not part of the value
		return (text != null && text.startsWith("\uFEFF")) ? text.substring(1) : text;
	}

	/**
	 * The organisation's imports, newest first, each as {@link #status} gives it with its
	 * file name and times.
	 */
	@Operation(summary = "The organisation's imports, newest first")
	@GetMapping
	List<Listed> list(@RequestParam(defaultValue = "50") int limit) {
		return this.imports.recent(Math.max(1, Math.min(limit, 200)))
			.stream()
			.map((job) -> new Listed(job.id(), status(job), job.fileName(), job.totalRows(), job.processedRows(),
					job.created(), job.merged(), job.rejected(), job.warnings(), job.createdAt(), job.finishedAt()))
			.toList();
	}

	@Operation(summary = "An import: status and counts",
			description = "status: QUEUED, RUNNING, DONE, FAILED or CANCELLED.")
	@GetMapping("/{id}")
	Status status(@PathVariable UUID id) {
		ImportJob job = this.imports.find(id);
		return new Status(job.id(), status(job), job.totalRows(), job.processedRows(), job.created(), job.merged(),
				job.rejected(), job.warnings());
	}

	/**
	 * What went wrong: each problem ({@code field:code}) with how many times it occurred
	 * and its message, most frequent first, and the first {@code sample} rows (0–200,
	 * default 20) that have one, with their original line.
	 */
	@Operation(summary = "An import's problems counted, and the first rows concerned")
	@GetMapping("/{id}/problems")
	Map<String, Object> problems(@PathVariable UUID id, @RequestParam(defaultValue = "20") int sample, Locale locale) {
		ProspectImports.Problems problems = this.imports.problems(id, Math.max(0, Math.min(sample, 200)));
		return Map.of("counts",
				problems.counts()
					.stream()
					.map((count) -> new CountedProblem(count.code(), count.count(), message(count.code(), locale)))
					.toList(),
				"rows", problems.rows());
	}

	private String message(String code, Locale locale) {
		return this.problemWords.of(code, locale);
	}

	/**
	 * The report is CSV whatever the request accepts: a tool that sends
	 * {@code Accept: application/json} with every call of the API got 406 here, though
	 * the export, also a file, answers it. RFC 9110 lets a server ignore {@code Accept}.
	 */
	@Operation(summary = "An import's row-by-row report", description = "CSV: row,status,prospect_id,messages.",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
	@GetMapping("/{id}/rows")
	void rows(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		this.technicalReport.send(id, response);
	}

	@Operation(summary = "Cancel an import",
			description = "Stops it between batches; 202 with its status. An import cancelled already answers so "
					+ "again; 409 prospects.import.cancel.ended for one that is DONE or FAILED.")
	@PostMapping("/{id}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Accepted> cancel(@PathVariable UUID id) {
		this.imports.cancel(id);
		ImportJob job = this.imports.find(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job.id(), status(job)));
	}

	@Operation(summary = "Resume a failed or cancelled import where it stopped",
			description = "From its stored file: the rows it committed are not imported again. 409 for an import "
					+ "under way or done, one cancelled before it started, or one whose file is no longer kept.")
	@PostMapping("/{id}/resume")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Accepted> resume(@PathVariable UUID id) {
		ImportJob job = this.imports.resume(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/imports/" + id))
			.body(new Accepted(job.id(), status(job)));
	}

	/**
	 * The contract's status: QUEUED, RUNNING, DONE, FAILED or CANCELLED. A wizard draft
	 * (file checked and stored, mapping not yet confirmed) is accepted work that has not
	 * started: QUEUED.
	 */
	static String status(ImportJob job) {
		return ImportJob.DRAFT.equals(job.status()) ? ImportJob.QUEUED : job.status();
	}

	static Map<String, String> parseMapping(JsonMapper json, @Nullable String mapping) {
		if (mapping == null || mapping.isBlank()) {
			return Map.of();
		}
		try {
			// {"Ville": "city", "Ville": "name"}: the last would win unseen
			Map<String, String> parsed = json.readerFor(MAPPING)
				.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.readValue(mapping);
			return (parsed != null) ? parsed : Map.of();
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("mapping", "prospects.import.invalid-mapping");
		}
	}

	record Accepted(UUID id, String status) {
	}

	record Status(UUID id, String status, int totalRows, int processedRows, int created, int merged, int rejected,
			int warnings) {
	}

	record Listed(UUID id, String status, String fileName, int totalRows, int processedRows, int created, int merged,
			int rejected, int warnings, Instant createdAt, @Nullable Instant finishedAt) {
	}

	record CountedProblem(String code, long count, String message) {
	}

}
