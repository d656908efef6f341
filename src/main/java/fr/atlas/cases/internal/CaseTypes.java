package fr.atlas.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import fr.atlas.cases.CaseTypesSeeded;
import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.engine.WorkflowValidation;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.TransactionLock;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case types of the current organisation. The standard French ones (LEAD_ACHAT,
 * PROSPECTION, LOCATION) are created with a published first workflow version when an
 * organisation signs up, and on first use for organisations that existed before.
 */
@Service
@Transactional
public class CaseTypes {

	static final List<String> SEEDS = List.of("LEAD_ACHAT", "PROSPECTION", "LOCATION");

	private static final List<String> DOCUMENT_PROPERTIES = List.of("key", "labels", "referencePrefix", "fields",
			"workflow");

	private static final List<String> FIELD_PROPERTIES = List.of("key", "type", "labels", "options");

	static final Pattern KEY = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	static final Pattern PREFIX = Pattern.compile("^[A-Z]{2,8}$");

	/**
	 * A custom field's key, as the seeds write theirs ({@code budget},
	 * {@code lossReason}): it names the field in the API's JSON, in forms
	 * ({@code fields.budget}) and in the transitions' {@code requiredFields}, where
	 * "Budget (€)", "surface habitable" or "2e_contact" were accepted and made a field no
	 * form or client could name safely.
	 */
	/** The most options of a CHOICE field (ADR 0111). */
	static final int MAX_OPTIONS = 100;

	static final Pattern FIELD_KEY = Pattern.compile("^[a-z][A-Za-z0-9_]{0,39}$");

	private final JdbcClient jdbc;

	private final CaseJson json;

	private final ApplicationEventPublisher events;

	CaseTypes(JdbcClient jdbc, CaseJson json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	public List<CaseType> all() {
		ensureSeeded();
		return this.jdbc.sql("select key, labels, reference_prefix, field_schema from case_type order by position, key")
			.query(this::map)
			.list();
	}

	public Optional<CaseType> find(String key) {
		ensureSeeded();
		return this.jdbc.sql("select key, labels, reference_prefix, field_schema from case_type where key = ?")
			.param(key)
			.query(this::map)
			.optional();
	}

	public CaseType require(String key) {
		return find(key).orElseThrow(() -> new NotFoundException("Type de dossier " + key));
	}

	/** Seeds the standard types, in French, if the organisation has none yet. */
	public void ensureSeeded() {
		ensureSeeded("fr");
	}

	/**
	 * Seeds the standard types if the organisation has none yet, their tasks and notices
	 * written in {@code language} (French when the seeds have no words in it).
	 */
	public void ensureSeeded(String language) {
		boolean any = this.jdbc.sql("select exists (select 1 from case_type)").query(Boolean.class).single();
		if (!any) {
			seed(language);
		}
	}

	void seed(String language) {
		List<String> created = new ArrayList<>();
		for (String key : SEEDS) {
			Map<String, Object> document = inLanguage(seedDocument(key), language);
			if (importType(document)) {
				created.add(key);
			}
		}
		if (!created.isEmpty()) {
			this.events.publishEvent(new CaseTypesSeeded(CurrentTenant.require(), created));
		}
	}

	/**
	 * Creates a case type with its workflow as published version 1, from the JSON export
	 * format ({@code key, labels, referencePrefix, fields, workflow}). Returns false when
	 * the type already exists; refuses an invalid document with every problem found.
	 */
	@SuppressWarnings("unchecked")
	public boolean importType(Map<String, Object> document) {
		List<FieldProblem> problems = new ArrayList<>();
		// a misspelt "fieldz" would have made a type without its fields
		WorkflowJson.unknown(document, "", DOCUMENT_PROPERTIES, problems);
		if (document.get("fields") instanceof List<?> fields) {
			for (int i = 0; i < fields.size(); i++) {
				if (fields.get(i) instanceof Map<?, ?> field) {
					WorkflowJson.unknown(field, "fields[" + i + "].", FIELD_PROPERTIES, problems);
				}
			}
		}
		String key = (document.get("key") instanceof String k) ? k.trim() : "";
		if (!KEY.matcher(key).matches()) {
			problems.add(new FieldProblem("key", "case.type.invalid-key"));
		}
		String prefix = (document.get("referencePrefix") instanceof String p) ? p.trim() : "";
		if (!PREFIX.matcher(prefix).matches()) {
			problems.add(new FieldProblem("referencePrefix", "case.type.invalid-prefix"));
		}
		if (!(document.get("labels") instanceof Map<?, ?> labels) || !(labels.get("fr") instanceof String)) {
			problems.add(new FieldProblem("labels.fr", "field.required"));
		}
		WorkflowJson.labelProblems(document.get("labels"), "labels", problems);
		FieldSchema schema = importedFields(document.get("fields"), problems);
		WorkflowDefinition definition = null;
		if (document.get("workflow") instanceof Map<?, ?> workflow) {
			try {
				definition = WorkflowJson.readImported((Map<String, Object>) workflow);
				WorkflowValidation.validate(definition, schema.fields().stream().map(FieldSpec::key).toList())
					.forEach((p) -> problems
						.add(new FieldProblem("workflow." + p.path(), p.code(), p.arguments().toArray())));
			}
			catch (InvalidInputException ex) {
				ex.problems()
					.forEach((p) -> problems.add(new FieldProblem("workflow." + p.field(), p.code(), p.arguments())));
			}
		}
		else {
			problems.add(new FieldProblem("workflow", "field.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// a prefix another type of the organisation has: both types counted
		// LEAD-2026-00001, the reference is unique, and every case of the new type was
		// refused as written "at the same time". Imports of the organisation take turns
		// from here: two at once, each under its own key, both found the prefix free and
		// both were created (ADR 0118)
		TransactionLock.take(this.jdbc, "case-type-prefixes:" + CurrentTenant.require().value());
		Optional<String> holder = this.jdbc
			.sql("select key from case_type where reference_prefix = :prefix and key <> :key order by key limit 1")
			.param("prefix", prefix)
			.param("key", key)
			.query(String.class)
			.optional();
		if (holder.isPresent()) {
			throw new ConflictException("case.type.prefix-taken", prefix, holder.get());
		}
		int inserted = this.jdbc.sql("""
				insert into case_type (org_id, key, labels, reference_prefix, field_schema, position)
				values (:org, :key, :labels::jsonb, :prefix, :fields::jsonb,
				        (select coalesce(max(position), 0) + 1 from case_type))
				on conflict (org_id, key) do nothing""")
			.param("org", CurrentTenant.require().value())
			.param("key", key)
			.param("labels", this.json.write(document.get("labels")))
			.param("prefix", prefix)
			.param("fields", this.json.write(schema.write()))
			.update();
		if (inserted == 0) {
			return false;
		}
		this.jdbc.sql("""
				insert into workflow_definition (org_id, case_type, version, status, definition, published_at)
				values (:org, :key, 1, 'PUBLISHED', :definition::jsonb, now())""")
			.param("org", CurrentTenant.require().value())
			.param("key", key)
			.param("definition", this.json.write(WorkflowJson.write(definition)))
			.update();
		return true;
	}

	/**
	 * The mistakes of the custom fields a whole case type document brings to a
	 * validation, at the paths and with the codes its import refuses them with
	 * ({@code fields[2].key}, {@code case.type.field-key-invalid}): a tool that checked
	 * an export it had edited was told it was valid, and the import refused it. A key the
	 * type already has is taken as it is, as types stored before the rule keep theirs.
	 */
	public List<FieldProblem> fieldProblems(String caseType, @Nullable Object fields) {
		List<FieldProblem> problems = new ArrayList<>();
		if (fields instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) instanceof Map<?, ?> field) {
					WorkflowJson.unknown(field, "fields[" + i + "].", FIELD_PROPERTIES, problems);
				}
			}
		}
		FieldSchema stored = require(caseType).fields();
		List<FieldProblem> read = new ArrayList<>();
		importedFields(fields, read);
		read.stream()
			.filter((p) -> !("case.type.field-key-invalid".equals(p.code()) && p.arguments().length > 0
					&& stored.has(String.valueOf(p.arguments()[0]))))
			.forEach(problems::add);
		return problems;
	}

	/**
	 * The custom fields a whole export brings to a draft of {@code caseType}, read as its
	 * import reads them, and keeping every field the type has with its type and its
	 * options (ADR 0090): its publication makes them the type's, and running cases hold
	 * values of the fields they have. Refused with every problem at its path.
	 */
	public FieldSchema draftFields(String caseType, Object fields) {
		List<FieldProblem> problems = fieldProblems(caseType, fields);
		FieldSchema stored = require(caseType).fields();
		FieldSchema read = importedFields(fields, new ArrayList<>(), stored::has);
		if (problems.isEmpty()) {
			problems.addAll(keptProblems(stored, read));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return read;
	}

	/**
	 * What {@code proposed} takes away from the type's fields: a field left out (its
	 * values on running cases would be read by nothing), another type (a number kept as a
	 * text), an option of a CHOICE left out (a case holding it could no longer be saved).
	 * Labels may change, fields and options be added.
	 */
	private static List<FieldProblem> keptProblems(FieldSchema stored, FieldSchema proposed) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldSpec kept : stored.fields()) {
			int at = 0;
			while (at < proposed.fields().size() && !proposed.fields().get(at).key().equals(kept.key())) {
				at++;
			}
			if (at == proposed.fields().size()) {
				problems.add(new FieldProblem("fields", "case.type.field-removed", kept.key()));
				continue;
			}
			FieldSpec now = proposed.fields().get(at);
			int index = at;
			if (now.type() != kept.type()) {
				problems.add(new FieldProblem("fields[" + at + "].type", "case.type.field-type-changed", kept.key(),
						kept.type().name(), now.type().name()));
			}
			else {
				kept.options()
					.stream()
					.filter((option) -> !now.options().contains(option))
					.forEach((option) -> problems.add(new FieldProblem("fields[" + index + "].options",
							"case.type.field-option-removed", kept.key(), option)));
			}
		}
		return problems;
	}

	/**
	 * Gives the type the fields of a draft being published, checked again: the type may
	 * have had others published since the draft was saved.
	 */
	public void publishFields(String caseType, FieldSchema fields) {
		List<FieldProblem> problems = keptProblems(require(caseType).fields(), fields);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("update case_type set field_schema = :fields::jsonb where key = :key")
			.param("fields", this.json.write(fields.write()))
			.param("key", caseType)
			.update();
	}

	/**
	 * The custom fields of an imported type, each mistake named by its entry: "invalid
	 * field list" did not say which of a dozen fields to correct.
	 */
	private static FieldSchema importedFields(@Nullable Object json, List<FieldProblem> problems) {
		return importedFields(json, problems, (key) -> false);
	}

	/**
	 * As {@link #importedFields(Object, List)}, a key the type already has taken as it
	 * is, as types stored before the rule on keys keep theirs.
	 */
	private static FieldSchema importedFields(@Nullable Object json, List<FieldProblem> problems,
			Predicate<String> storedKey) {
		if (json == null) {
			return new FieldSchema(List.of());
		}
		if (!(json instanceof List<?> entries)) {
			problems.add(new FieldProblem("fields", "json.expected.list"));
			return new FieldSchema(List.of());
		}
		List<Object> valid = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			String path = "fields[" + i + "]";
			if (!(entries.get(i) instanceof Map<?, ?> entry)) {
				// an entry that is no object was left out without a word
				problems.add(new FieldProblem(path, "json.expected.object"));
				continue;
			}
			boolean ok = true;
			String key = (entry.get("key") instanceof String k) ? k.trim() : "";
			if (key.isEmpty()) {
				problems.add(new FieldProblem(path + ".key", "field.required"));
				ok = false;
			}
			else if (!FIELD_KEY.matcher(key).matches() && !storedKey.test(key)) {
				problems.add(new FieldProblem(path + ".key", "case.type.field-key-invalid", key));
				ok = false;
			}
			else if (!keys.add(key)) {
				// two fields of one key would share one value on every case, each with
				// its own type: the second was kept in the list and never used
				problems.add(new FieldProblem(path + ".key", "case.type.field-key-duplicate", key));
				ok = false;
			}
			String name = key.isEmpty() ? path : key;
			Object type = entry.get("type");
			if (type == null) {
				problems.add(new FieldProblem(path + ".type", "case.type.field-type-missing", name));
				ok = false;
			}
			else if (Arrays.stream(FieldSpec.Type.values()).noneMatch((t) -> t.name().equals(type))) {
				problems.add(new FieldProblem(path + ".type", "case.type.field-type-unknown", name, type));
				ok = false;
			}
			ok &= optionsRead(path, name, FieldSpec.Type.CHOICE.name().equals(type), entry, problems);
			// a label too long is named, and the field is still one the graph may ask for
			WorkflowJson.labelProblems(entry.get("labels"), path + ".labels", problems);
			if (ok) {
				Map<Object, Object> trimmed = new LinkedHashMap<>(entry);
				trimmed.put("key", key);
				if (entry.get("options") instanceof List<?> options) {
					// a value is matched trimmed: " CASH" could never have been chosen
					trimmed.put("options", options.stream().map((o) -> ((String) o).trim()).toList());
				}
				valid.add(trimmed);
			}
		}
		return FieldSchema.read(valid);
	}

	/**
	 * Whether a field's {@code options} read: a CHOICE needs at least one, each a text
	 * with something in it, none twice (ignoring case and the spaces around it, as a
	 * member would not tell them apart in the list); another type has none. A CHOICE
	 * without options was a field no value could ever fill, and options on a TEXT field
	 * were kept and shown nowhere.
	 */
	private static boolean optionsRead(String path, String name, boolean choice, Map<?, ?> entry,
			List<FieldProblem> problems) {
		Object options = entry.get("options");
		if (!choice) {
			if (options != null) {
				problems.add(new FieldProblem(path + ".options", "case.type.field-options-not-choice", name));
				return false;
			}
			return true;
		}
		if (options == null || (options instanceof List<?> list && list.isEmpty())) {
			problems.add(new FieldProblem(path + ".options", "case.type.field-options-missing", name));
			return false;
		}
		if (!(options instanceof List<?> list)) {
			problems.add(new FieldProblem(path + ".options", "json.expected.list"));
			return false;
		}
		boolean ok = true;
		if (list.size() > MAX_OPTIONS) {
			// a list a member chooses from on the case page, in one select
			problems.add(new FieldProblem(path + ".options", "field.too-many", MAX_OPTIONS));
			ok = false;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < list.size(); j++) {
			String at = path + ".options[" + j + "]";
			if (!(list.get(j) instanceof String option)) {
				// a value is chosen as a text: a number 3 could not have been sent as 3
				problems.add(new FieldProblem(at, "json.expected.text"));
				ok = false;
			}
			else if (option.strip().codePointCount(0, option.strip().length()) > WorkflowJson.MAX_LABEL) {
				problems.add(new FieldProblem(at, "field.too-long", WorkflowJson.MAX_LABEL));
				ok = false;
			}
			else if (option.isBlank()) {
				problems.add(new FieldProblem(at, "case.type.field-option-blank", name));
				ok = false;
			}
			else if (!seen.add(option.trim().toLowerCase(Locale.ROOT))) {
				problems.add(new FieldProblem(at, "case.type.field-option-duplicate", name, option.trim()));
				ok = false;
			}
		}
		return ok;
	}

	/** Imports a new case type of the organisation's own; its key must be free. */
	public CaseType create(Map<String, Object> document) {
		ensureSeeded();
		if (!importType(document)) {
			throw new ConflictException("case.type.exists", document.get("key"));
		}
		this.events.publishEvent(new CaseTypesSeeded(CurrentTenant.require(), List.of((String) document.get("key"))));
		return require(((String) document.get("key")).trim());
	}

	/**
	 * The JSON export of a case type with one of its workflow versions, the fields that
	 * version brought if it brought some (ADR 0090), else the type's.
	 */
	public Map<String, Object> export(CaseType type, WorkflowVersion version) {
		Map<String, Object> document = export(type, version.definition());
		if (version.fields() != null) {
			document.put("fields", version.fields().write());
		}
		return document;
	}

	/** The JSON export of a case type with one of its workflow versions. */
	public Map<String, Object> export(CaseType type, WorkflowDefinition definition) {
		// Ordered as documented, so a YAML or JSON export reads top-down.
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", type.key());
		document.put("labels", type.labels());
		document.put("referencePrefix", type.referencePrefix());
		document.put("fields", type.fields().write());
		document.put("workflow", WorkflowJson.write(definition));
		return document;
	}

	/**
	 * The seed with the names of its entry actions (a task's title, a notice) in one
	 * language: the seeds give them as {@code {"fr": …, "en": …}}, a workflow holds text.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> inLanguage(Map<String, Object> seed, String language) {
		Map<String, Object> workflow = (Map<String, Object>) seed.get("workflow");
		for (Map<String, Object> state : (List<Map<String, Object>>) workflow.get("states")) {
			Object actions = state.get("onEnter");
			if (actions instanceof List<?> list) {
				for (Map<String, Object> action : (List<Map<String, Object>>) list) {
					if (action.get("name") instanceof Map<?, ?> names) {
						action.put("name", (names.get(language) != null) ? names.get(language) : names.get("fr"));
					}
				}
			}
		}
		return seed;
	}

	private Map<String, Object> seedDocument(String key) {
		try (InputStream in = new ClassPathResource("cases/seeds/" + key + ".json").getInputStream()) {
			return this.json.readMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("missing seed " + key, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private CaseType map(ResultSet rs, int row) throws SQLException {
		Map<String, Object> labels = this.json.readMap(rs.getString("labels"));
		return new CaseType(rs.getString("key"), (Map<String, String>) (Map<?, ?>) labels,
				rs.getString("reference_prefix"), FieldSchema.read(this.json.readList(rs.getString("field_schema"))));
	}

}
