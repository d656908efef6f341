package fr.atlas.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.atlas.cases.WorkflowVersionChanged;
import fr.atlas.cases.engine.DefinitionProblem;
import fr.atlas.cases.engine.Workflow;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.engine.WorkflowValidation;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow versions of the current organisation's case types: drafts that can be
 * edited, published versions that never change, and the running engine for a version.
 */
@Service
@Transactional
public class Workflows {

	private final JdbcClient jdbc;

	private final CaseJson json;

	private final CaseTypes caseTypes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RoleWords roleWords;

	// Published versions never change, so their parsed form can be kept per organisation.
	private final Map<String, WorkflowDefinition> published = new ConcurrentHashMap<>();

	Workflows(JdbcClient jdbc, CaseJson json, CaseTypes caseTypes, ApplicationEventPublisher events, Clock clock,
			RoleWords roleWords) {
		this.roleWords = roleWords;
		this.jdbc = jdbc;
		this.json = json;
		this.caseTypes = caseTypes;
		this.events = events;
		this.clock = clock;
	}

	public List<WorkflowVersion> versions(String caseType) {
		this.caseTypes.require(caseType);
		return this.jdbc.sql("""
				select case_type, version, status, definition, fields, created_at, published_at from workflow_definition
				where case_type = ? order by version""").param(caseType).query(this::map).list();
	}

	public WorkflowVersion version(String caseType, int version) {
		this.caseTypes.require(caseType);
		return this.jdbc.sql("""
				select case_type, version, status, definition, fields, created_at, published_at from workflow_definition
				where case_type = ? and version = ?""")
			.params(caseType, version)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Workflow " + caseType + " v" + version));
	}

	/**
	 * A version read under its row's lock, for a change that depends on whether it is
	 * still a draft: an edit and a publication of one draft at once both read it as a
	 * draft, and the edit then ran into the published version's trigger (a 500), or
	 * changed the definition the publication had just checked (ADR 0118).
	 */
	private WorkflowVersion locked(String caseType, int version) {
		this.caseTypes.require(caseType);
		this.jdbc.sql("select version from workflow_definition where case_type = ? and version = ? for update")
			.params(caseType, version)
			.query(Integer.class)
			.optional();
		return version(caseType, version);
	}

	/** The latest published version: the one new cases start with. */
	public WorkflowVersion current(String caseType) {
		this.caseTypes.require(caseType);
		return this.jdbc.sql("""
				select case_type, version, status, definition, fields, created_at, published_at from workflow_definition
				where case_type = ? and status = 'PUBLISHED' order by version desc limit 1""")
			.param(caseType)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Workflow publié " + caseType));
	}

	/** The engine for a published version, as used by running cases. */
	public Workflow engine(String caseType, int version) {
		String cacheKey = CurrentTenant.require() + "/" + caseType + "/" + version;
		WorkflowDefinition definition = this.published.get(cacheKey);
		if (definition == null) {
			WorkflowVersion loaded = version(caseType, version);
			definition = loaded.definition();
			if (loaded.published()) {
				this.published.put(cacheKey, definition);
			}
		}
		return Workflow.of(definition, this.clock);
	}

	/** The problems of a definition for a case type, its fields known. */
	public List<DefinitionProblem> validate(String caseType, WorkflowDefinition definition) {
		return WorkflowValidation.validate(definition, fieldKeys(caseType));
	}

	/**
	 * Every problem saving or publishing {@code definition} would refuse for
	 * {@code actor}: the graph's, and the moves it would open that the version in force
	 * keeps from them (ADR 0083), so a tool that checks before saving is told what the
	 * save would say (ADR 0089).
	 */
	public List<DefinitionProblem> validate(String caseType, WorkflowDefinition definition, Actor actor) {
		List<DefinitionProblem> problems = new ArrayList<>(validate(caseType, definition));
		problems.addAll(rolesKept(caseType, definition, actor));
		return problems;
	}

	/**
	 * As {@link #validate(String, WorkflowDefinition, Actor)}, the definition's required
	 * fields checked against the fields a whole export brings, as saving it checks them
	 * (ADR 0090).
	 */
	public List<DefinitionProblem> validate(String caseType, WorkflowDefinition definition, FieldSchema fields,
			Actor actor) {
		List<DefinitionProblem> problems = new ArrayList<>(
				WorkflowValidation.validate(definition, fields.fields().stream().map(FieldSpec::key).toList()));
		problems.addAll(rolesKept(caseType, definition, actor));
		return problems;
	}

	private List<String> fieldKeys(String caseType) {
		return this.caseTypes.require(caseType).fields().fields().stream().map(FieldSpec::key).toList();
	}

	public WorkflowVersion createDraft(String caseType, Map<String, Object> document, Actor actor) {
		return createDraft(caseType, document, null, actor);
	}

	/**
	 * A new draft from a definition ({@code {states, transitions}}) and, when it comes
	 * from a whole export, that export's custom fields: the draft keeps them, its
	 * required fields are checked against them, and its publication gives them to the
	 * type (ADR 0090). Without fields, the draft uses the type's.
	 */
	public WorkflowVersion createDraft(String caseType, Map<String, Object> document, @Nullable Object fields,
			Actor actor) {
		this.caseTypes.require(caseType);
		UserId author = actor.userId();
		FieldSchema schema = (fields != null) ? this.caseTypes.draftFields(caseType, fields) : null;
		WorkflowDefinition definition = checked(caseType, document, schema);
		problemsOrThrow(rolesKept(caseType, definition, actor));
		// Versions of a type are numbered in order; the type row serialises
		// concurrent drafts.
		this.jdbc.sql("select key from case_type where key = ? for update")
			.param(caseType)
			.query(String.class)
			.single();
		int next = this.jdbc.sql("select coalesce(max(version), 0) + 1 from workflow_definition where case_type = ?")
			.param(caseType)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					insert into workflow_definition (org_id, case_type, version, status, definition, fields, created_at, created_by)
					values (:org, :type, :version, 'DRAFT', :definition::jsonb, :fields::jsonb, :now, :author)""")
			.param("org", CurrentTenant.require().value())
			.param("type", caseType)
			.param("version", next)
			.param("definition", this.json.write(WorkflowJson.write(definition)))
			.param("fields", (schema != null) ? this.json.write(schema.write()) : null)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("author", (author != null) ? author.value() : (UUID) null)
			.update();
		this.events.publishEvent(new WorkflowVersionChanged(CurrentTenant.require(), caseType, next, "drafted"));
		return version(caseType, next);
	}

	public WorkflowVersion updateDraft(String caseType, int version, Map<String, Object> document, Actor actor) {
		return updateDraft(caseType, version, document, null, actor);
	}

	/**
	 * Replaces a draft's definition and, when a whole export is sent, its fields; a
	 * definition alone keeps the fields the draft has (ADR 0090).
	 */
	public WorkflowVersion updateDraft(String caseType, int version, Map<String, Object> document,
			@Nullable Object fields, Actor actor) {
		WorkflowVersion existing = locked(caseType, version);
		if (existing.published()) {
			throw new ConflictException("workflow.published-immutable", caseType, version);
		}
		FieldSchema schema = (fields != null) ? this.caseTypes.draftFields(caseType, fields) : existing.fields();
		WorkflowDefinition definition = checked(caseType, document, schema);
		problemsOrThrow(rolesKept(caseType, definition, actor));
		this.jdbc.sql("""
				update workflow_definition set definition = :definition::jsonb, fields = :fields::jsonb
				where case_type = :type and version = :version""")
			.param("definition", this.json.write(WorkflowJson.write(definition)))
			.param("fields", (schema != null) ? this.json.write(schema.write()) : null)
			.param("type", caseType)
			.param("version", version)
			.update();
		this.events.publishEvent(new WorkflowVersionChanged(CurrentTenant.require(), caseType, version, "edited"));
		return version(caseType, version);
	}

	public WorkflowVersion publish(String caseType, int version, Actor actor) {
		WorkflowVersion existing = locked(caseType, version);
		if (existing.published()) {
			throw new ConflictException("workflow.already-published", caseType, version);
		}
		FieldSchema fields = existing.fields();
		problemsOrThrow((fields != null) ? WorkflowValidation.validate(existing.definition(), keys(fields))
				: validate(caseType, existing.definition()));
		// the version in force may have changed since the draft was saved
		problemsOrThrow(rolesKept(caseType, existing.definition(), actor));
		if (fields != null) {
			// the fields the draft brought become the type's, checked again against
			// those published since it was saved
			this.caseTypes.publishFields(caseType, fields);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update workflow_definition set status = 'PUBLISHED', published_at = :now
				where case_type = :type and version = :version and status = 'DRAFT'""")
			.param("now", java.sql.Timestamp.from(now))
			.param("type", caseType)
			.param("version", version)
			.update();
		this.events.publishEvent(new WorkflowVersionChanged(CurrentTenant.require(), caseType, version, "published"));
		return version(caseType, version);
	}

	/**
	 * The moves a definition would open to roles the actor lacks, where the version in
	 * force keeps them from the actor: an admin may restrict a move, not open one only an
	 * owner may make (ADR 0083). A draft is not in force: what it restricts is checked
	 * when it is published.
	 */
	private List<DefinitionProblem> rolesKept(String caseType, WorkflowDefinition definition, Actor actor) {
		// the transition and its states by their labels in the member's language, as the
		// editor shows them, the roles as the members page does; the path keeps the
		// transition's place
		String language = LocaleContextHolder.getLocale().getLanguage();
		Function<String, String> state = (key) -> definition.state(key).map((s) -> s.label(language)).orElse(key);
		return WorkflowValidation.validateRolesKept(current(caseType).definition(), definition, actor::hasRole)
			.stream()
			.map((p) -> {
				List<Object> arguments = new ArrayList<>(p.arguments());
				String name = String.valueOf(arguments.get(0));
				arguments.set(0, definition.transition(name).map((t) -> t.label(language)).orElse(name));
				arguments.set(1,
						Arrays.stream(String.valueOf(arguments.get(1)).split(", "))
							.map(state)
							.collect(Collectors.joining(", ")));
				arguments.set(2, state.apply(String.valueOf(arguments.get(2))));
				// and the roles by the labels the members page gives them
				arguments.set(3, this.roleWords.either(String.valueOf(arguments.get(3))));
				return new DefinitionProblem(p.path(), p.code(), arguments);
			})
			.toList();
	}

	private WorkflowDefinition checked(String caseType, Map<String, Object> document, @Nullable FieldSchema fields) {
		WorkflowDefinition definition = WorkflowJson.readImported(document);
		problemsOrThrow((fields != null) ? WorkflowValidation.validate(definition, keys(fields))
				: validate(caseType, definition));
		return definition;
	}

	private static List<String> keys(FieldSchema fields) {
		return fields.fields().stream().map(FieldSpec::key).toList();
	}

	static void problemsOrThrow(List<DefinitionProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.stream()
				.map((p) -> new FieldProblem(p.path(), p.code(), p.arguments().toArray()))
				.toList());
		}
	}

	public Optional<WorkflowVersion> latestDraft(String caseType) {
		return versions(caseType).stream().filter((v) -> !v.published()).reduce((a, b) -> b);
	}

	private WorkflowVersion map(ResultSet rs, int row) throws SQLException {
		var publishedAt = rs.getTimestamp("published_at");
		String fields = rs.getString("fields");
		return new WorkflowVersion(rs.getString("case_type"), rs.getInt("version"),
				WorkflowVersion.Status.valueOf(rs.getString("status")),
				WorkflowJson.read(this.json.readMap(rs.getString("definition"))),
				rs.getTimestamp("created_at").toInstant(), (publishedAt != null) ? publishedAt.toInstant() : null,
				(fields != null) ? FieldSchema.read(this.json.readList(fields)) : null);
	}

}
