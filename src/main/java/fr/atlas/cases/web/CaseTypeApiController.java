package fr.atlas.cases.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.atlas.cases.engine.DefinitionProblem;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.Cases;
import fr.atlas.cases.internal.FieldSchema;
import fr.atlas.cases.internal.WorkflowJson;
import fr.atlas.cases.internal.WorkflowVersion;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ChangesNothing;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.web.ConflictsWith;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/case-types")
@Tag(name = "Case types and workflows",
		description = "Case types, their versioned workflow definitions (JSON or YAML import/export), publication and migration")
@RequiresFeature(Feature.CASES)
class CaseTypeApiController {

	private static final String MULTIPART = MediaType.MULTIPART_FORM_DATA_VALUE;

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	/**
	 * What a document that does not parse is told: a validation answers it as a mistake
	 * of the document, where another refusal is of the request.
	 */
	private static final Set<String> UNREADABLE = Set.of("yaml.malformed", "yaml.empty", "yaml.not-a-mapping",
			"json.malformed");

	private final Cases cases;

	private final CaseActors actors;

	private final MessageSource messages;

	private final DefinitionDocuments documents;

	CaseTypeApiController(CaseTypes caseTypes, Workflows workflows, Cases cases, CaseActors actors,
			MessageSource messages, DefinitionDocuments documents) {
		this.documents = documents;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.cases = cases;
		this.actors = actors;
		this.messages = messages;
	}

	@GetMapping
	List<CaseTypeResponse> list() {
		return this.caseTypes.all()
			.stream()
			.map((type) -> new CaseTypeResponse(type.key(), type.labels(), type.referencePrefix(),
					type.fields().write(), this.workflows.current(type.key()).version()))
			.toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ConflictsWith("case.type.exists: the organisation has a case type of this key; create a new version of "
			+ "its workflow instead; case.type.prefix-taken: another case type has this referencePrefix; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with " + "another request")
	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(
			summary = "Import a new case type from the export format (key, labels, referencePrefix, fields, workflow)",
			description = "The workflow becomes published version 1. An existing key is a 409; invalid documents a 400.")
	ResponseEntity<CaseTypeResponse> importType(@RequestBody Map<String, Object> document) {
		CaseType type = this.caseTypes.create(document);
		return ResponseEntity.created(URI.create("/api/v1/case-types/" + type.key()))
			.body(new CaseTypeResponse(type.key(), type.labels(), type.referencePrefix(), type.fields().write(), 1));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ConflictsWith("case.type.exists: the organisation has a case type of this key; create a new version of "
			+ "its workflow instead; case.type.prefix-taken: another case type has this referencePrefix; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with " + "another request")
	@PostMapping(consumes = { DefinitionDocuments.YAML, DefinitionDocuments.LEGACY_YAML, MULTIPART })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import a new case type from a YAML body or an uploaded .yaml, .yml or .json file (part file)",
			description = "Same model as the JSON import. Malformed YAML is a 400 naming the line and column.")
	ResponseEntity<CaseTypeResponse> importTypeDocument(HttpServletRequest request) {
		return importType(this.documents.read(request));
	}

	@GetMapping("/{key}")
	@Operation(summary = "Export a case type with a workflow version (default: the current published one)",
			description = "JSON by default; YAML with Accept: application/yaml (or application/x-yaml), or as a "
					+ "download with ?format=yaml. The output imports back unchanged.")
	ResponseEntity<?> export(@PathVariable String key, @RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		CaseType type = this.caseTypes.require(key);
		WorkflowVersion shown = (version != null) ? this.workflows.version(key, version) : this.workflows.current(key);
		Map<String, Object> document = this.caseTypes.export(type, shown);
		if (this.documents.wantsYaml(format, accept)) {
			return this.documents.yaml(document, accept,
					(format != null) ? key + "-v" + shown.version() + ".yaml" : null);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
	}

	@GetMapping("/{key}/workflows")
	List<VersionSummary> versions(@PathVariable String key) {
		return this.workflows.versions(key).stream().map(VersionSummary::of).toList();
	}

	@GetMapping("/{key}/workflows/{version}")
	VersionResponse version(@PathVariable String key, @PathVariable int version) {
		return response(this.workflows.version(key, version));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{key}/workflows")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a draft version from a JSON definition ({states, transitions}, or an export)",
			description = "Invalid graphs are refused with a 400 listing every problem. A whole export's fields are "
					+ "kept with the draft and become the type's when it is published; they must keep the type's "
					+ "fields, their types and options.")
	ResponseEntity<VersionResponse> createDraft(@PathVariable String key, @RequestBody Map<String, Object> document,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		WorkflowVersion draft = this.workflows.createDraft(key, definitionOf(document), fieldsOf(document),
				this.actors.of(principal));
		return ResponseEntity.created(URI.create("/api/v1/case-types/" + key + "/workflows/" + draft.version()))
			.body(response(draft));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/{key}/workflows",
			consumes = { DefinitionDocuments.YAML, DefinitionDocuments.LEGACY_YAML, MULTIPART })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a draft version from a YAML body or an uploaded .yaml, .yml or .json file")
	ResponseEntity<VersionResponse> createDraftFromDocument(@PathVariable String key, HttpServletRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return createDraft(key, this.documents.read(request), principal);
	}

	@PostMapping("/{key}/workflows/validate")
	@ChangesNothing
	@Operation(summary = "Check a JSON definition without saving it",
			description = "Always 200 {\"valid\", \"problems\": [{\"path\", \"code\", \"message\"}]}, a definition "
					+ "that does not read (a bad duration, an unknown action) included.")
	ValidationResponse validate(@PathVariable String key, @RequestBody Map<String, Object> document,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		this.caseTypes.require(key);
		Locale locale = LocaleContextHolder.getLocale();
		List<DefinitionProblem> problems = new ArrayList<>();
		FieldSchema fields = null;
		if (fieldsOf(document) != null) {
			// a whole export: its fields are checked as saving it as a draft checks them,
			// and the graph's required fields against them (ADR 0090)
			try {
				fields = this.caseTypes.draftFields(key, fieldsOf(document));
			}
			catch (InvalidInputException ex) {
				problems.addAll(definitionProblems(ex.problems()));
			}
		}
		try {
			// what saving or publishing would refuse for this member, roles included
			// (ADR 0089), not only the graph
			WorkflowDefinition definition = WorkflowJson.readImported(definitionOf(document));
			problems
				.addAll((fields != null) ? this.workflows.validate(key, definition, fields, this.actors.of(principal))
						: this.workflows.validate(key, definition, this.actors.of(principal)));
		}
		catch (InvalidInputException ex) {
			// a definition that does not even read (a duration that is none, an
			// unknown action) is as invalid as a broken graph: said the same way
			problems.addAll(definitionProblems(ex.problems()));
		}
		return validation(problems, locale);
	}

	@PostMapping(path = "/{key}/workflows/validate",
			consumes = { DefinitionDocuments.YAML, DefinitionDocuments.LEGACY_YAML, MULTIPART })
	@ChangesNothing
	@Operation(summary = "Check a YAML definition (body or uploaded file) without saving it",
			description = "Always 200 {\"valid\", \"problems\"} for what the document says, YAML or JSON that "
					+ "does not parse included (yaml.malformed with its line and column); 400 only for a request "
					+ "that brings no document to check (no file, too large, too deeply nested, another file type).")
	ValidationResponse validateDocument(@PathVariable String key, HttpServletRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		this.caseTypes.require(key);
		Map<String, Object> document;
		try {
			document = this.documents.read(request);
		}
		catch (InvalidInputException ex) {
			if (!ex.problems().stream().allMatch((p) -> UNREADABLE.contains(p.code()))) {
				throw ex;
			}
			// a validation is asked to find the document's mistakes: a YAML indentation
			// is one, answered as a broken graph is, with its line, not as a failed call
			return validation(definitionProblems(ex.problems()), LocaleContextHolder.getLocale());
		}
		return validate(key, document, principal);
	}

	private static List<DefinitionProblem> definitionProblems(List<InvalidInputException.FieldProblem> problems) {
		return problems.stream()
			.map((p) -> new DefinitionProblem(p.field(), p.code(),
					Arrays.stream(p.arguments()).map((a) -> (a != null) ? a : "").toList()))
			.toList();
	}

	private ValidationResponse validation(List<DefinitionProblem> problems, Locale locale) {
		return new ValidationResponse(problems.isEmpty(),
				problems.stream()
					.map((p) -> new Problem(p.path(), p.code(),
							this.messages.getMessage(p.code(), p.arguments().toArray(), p.code(), locale)))
					.toList());
	}

	@ConflictsWith("workflow.published-immutable: a published version cannot change; create a new version; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PutMapping("/{key}/workflows/{version}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace a draft's definition; a published version is immutable (409)")
	VersionResponse updateDraft(@PathVariable String key, @PathVariable int version,
			@RequestBody Map<String, Object> document, @AuthenticationPrincipal AtlasPrincipal principal) {
		return response(this.workflows.updateDraft(key, version, definitionOf(document), fieldsOf(document),
				this.actors.of(principal)));
	}

	@ConflictsWith("workflow.published-immutable: a published version cannot change; create a new version; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PutMapping(path = "/{key}/workflows/{version}",
			consumes = { DefinitionDocuments.YAML, DefinitionDocuments.LEGACY_YAML, MULTIPART })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace a draft's definition from a YAML body or an uploaded file")
	VersionResponse updateDraftFromDocument(@PathVariable String key, @PathVariable int version,
			HttpServletRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		return updateDraft(key, version, this.documents.read(request), principal);
	}

	@ConflictsWith("workflow.already-published: the version is published already; idempotency.key-reused: the "
			+ "Idempotency-Key was sent before with another request")
	@PostMapping("/{key}/workflows/{version}/publish")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Publish a draft: new cases use it; it can no longer change")
	VersionResponse publish(@PathVariable String key, @PathVariable int version,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		return response(this.workflows.publish(key, version, this.actors.of(principal)));
	}

	@ConflictsWith("workflow.migrate-to-draft: publish the version before moving cases to it; "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PostMapping("/{key}/workflows/{version}/migrate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Move running cases to this published version with a state mapping",
			description = "Body: {\"mapping\": {\"OLD_STATE\": \"NEW_STATE\"}}. States kept by the new version need no "
					+ "entry. The mapping is checked against every running state before anything changes (400).")
	MigrationResponse migrate(@PathVariable String key, @PathVariable int version,
			@RequestBody MigrationRequest request, @AuthenticationPrincipal AtlasPrincipal principal) {
		int migrated = this.cases.migrate(key, version, (request.mapping() != null) ? request.mapping() : Map.of(),
				this.actors.of(principal));
		return new MigrationResponse(version, migrated);
	}

	/**
	 * A whole export's {@code fields} (null for a definition alone, whose fields are the
	 * type's): a draft saved from an export kept its graph and dropped the fields it
	 * brought (ADR 0090).
	 */
	private static @Nullable Object fieldsOf(Map<String, Object> document) {
		return (document.get("workflow") instanceof Map<?, ?>) ? document.get("fields") : null;
	}

	/** A version with the fields it uses: its own, or else the type's. */
	private VersionResponse response(WorkflowVersion version) {
		FieldSchema fields = (version.fields() != null) ? version.fields()
				: this.caseTypes.require(version.caseType()).fields();
		return VersionResponse.of(version, fields);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> definitionOf(Map<String, Object> document) {
		return (document.get("workflow") instanceof Map<?, ?> workflow) ? (Map<String, Object>) workflow : document;
	}

	record CaseTypeResponse(String key, Map<String, String> labels, String referencePrefix,
			List<Map<String, Object>> fields, int currentVersion) {
	}

	record VersionSummary(int version, String status, Instant createdAt, @Nullable Instant publishedAt) {

		static VersionSummary of(WorkflowVersion version) {
			return new VersionSummary(version.version(), version.status().name(), version.createdAt(),
					version.publishedAt());
		}

	}

	record VersionResponse(String caseType, int version, String status, Instant createdAt,
			@Nullable Instant publishedAt, Map<String, Object> definition, List<Map<String, Object>> fields) {

		static VersionResponse of(WorkflowVersion version, FieldSchema fields) {
			return new VersionResponse(version.caseType(), version.version(), version.status().name(),
					version.createdAt(), version.publishedAt(),
					new LinkedHashMap<>(WorkflowJson.write(version.definition())), fields.write());
		}

	}

	record ValidationResponse(boolean valid, List<Problem> problems) {
	}

	record Problem(String path, String code, String message) {
	}

	@RefusesUnknownProperties
	record MigrationRequest(@Nullable Map<String, String> mapping) {
	}

	record MigrationResponse(int version, int migrated) {
	}

}
