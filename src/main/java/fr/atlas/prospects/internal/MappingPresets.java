package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.TransactionLock;
import fr.atlas.prospects.MappingPresetDeleted;
import fr.atlas.prospects.MappingPresetSaved;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's saved column mappings. Saving under a name already used (ignoring
 * case) replaces that preset, so "save" in the wizard never fails on a name. Saves and
 * deletions are audited.
 */
@Service
public class MappingPresets {

	static final int MAX_NAME = 100;

	private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	MappingPresets(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.events = events;
	}

	/** Every preset of the organisation, by name. */
	public List<MappingPreset> list() {
		return this.tx.execute((s) -> this.jdbc
			.sql("select id, name, mapping from import_mapping_preset where org_id = :org order by lower(name), id")
			.param("org", org())
			.query((rs, row) -> new MappingPreset(rs.getObject("id", UUID.class), rs.getString("name"),
					this.json.readValue(rs.getString("mapping"), MAPPING)))
			.list());
	}

	public MappingPreset find(UUID id) {
		return this.tx
			.execute((s) -> this.jdbc
				.sql("select id, name, mapping from import_mapping_preset where org_id = :org and id = :id")
				.param("org", org())
				.param("id", id)
				.query((rs, row) -> new MappingPreset(rs.getObject("id", UUID.class), rs.getString("name"),
						this.json.readValue(rs.getString("mapping"), MAPPING)))
				.optional())
			.orElseThrow(() -> new NotFoundException("MappingPreset"));
	}

	/**
	 * Saves a mapping under a name, replacing the preset of that name if there is one.
	 * Columns mapped to nothing are kept too ({@code ignored}): they say "this column is
	 * not wanted". Columns without a header are left out: no other file could match them.
	 * @throws InvalidInputException for a blank or too long name, an empty mapping or an
	 * unknown field
	 */
	public Saved save(@Nullable String name, @Nullable Map<String, String> mapping, @Nullable UUID savedBy) {
		String clean = (name != null) ? CleanText.of(name) : null;
		List<FieldProblem> problems = new ArrayList<>();
		if (clean == null || clean.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "prospects.preset.name-required"));
		}
		Map<String, String> checked = new LinkedHashMap<>();
		if (mapping == null || mapping.isEmpty()) {
			problems.add(new FieldProblem("mapping", "prospects.preset.empty-mapping"));
		}
		else {
			mapping.forEach((header, field) -> {
				if (header == null || CleanText.words(header).isEmpty()) {
					// a column without a header cannot be recognised in another file
					return;
				}
				if (field == null || ImportField.parse(field).isEmpty()) {
					problems.add(new FieldProblem("mapping", "prospects.import.unknown-field", String.valueOf(field)));
				}
				else {
					checked.put(header.strip(), ImportField.parse(field).get().key());
				}
			});
		}
		if (problems.isEmpty() && checked.isEmpty()) {
			problems.add(new FieldProblem("mapping", "prospects.preset.empty-mapping"));
		}
		else if (problems.isEmpty() && !new MappingPreset(UUID.randomUUID(), clean, checked).identifiesAgencies()) {
			// every column ignored, or only towns and postcodes: applied by itself to the
			// next file of these headers, it left the wizard with no agency to import
			problems.add(new FieldProblem("mapping", "prospects.preset.identifies-nothing"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String presetName = clean;
		return this.tx.execute((s) -> {
			// saves of one name take turns: the second replaces the first rather than
			// meeting it in the unique index (a 500)
			TransactionLock.take(this.jdbc, "mapping-preset:" + org() + ":" + presetName.toLowerCase(Locale.ROOT));
			Optional<UUID> existing = this.jdbc.sql(
					"select id from import_mapping_preset where org_id = :org and lower(name) = lower(:name) for update")
				.param("org", org())
				.param("name", presetName)
				.query(UUID.class)
				.optional();
			UUID id = existing.orElseGet(UUID::randomUUID);
			this.jdbc.sql("""
					insert into import_mapping_preset (org_id, id, name, mapping, created_by)
					values (:org, :id, :name, :mapping::jsonb, :by)
					on conflict (org_id, id) do update set name = excluded.name, mapping = excluded.mapping,
					  updated_at = now()""")
				.param("org", org())
				.param("id", id)
				.param("name", presetName)
				.param("mapping", this.json.writeValueAsString(checked))
				.param("by", savedBy)
				.update();
			this.events.publishEvent(new MappingPresetSaved(CurrentTenant.require(), id, presetName));
			return new Saved(new MappingPreset(id, presetName, checked), existing.isEmpty());
		});
	}

	public void delete(UUID id) {
		this.tx.executeWithoutResult((s) -> {
			String name = this.jdbc
				.sql("delete from import_mapping_preset where org_id = :org and id = :id returning name")
				.param("org", org())
				.param("id", id)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("MappingPreset"));
			this.events.publishEvent(new MappingPresetDeleted(CurrentTenant.require(), id, name));
		});
	}

	/**
	 * The preset that fits a file's header best, if any shares a header with it; ties go
	 * to the first by name.
	 */
	public Optional<MappingPreset> bestFor(List<String> headers) {
		return best(list(), headers);
	}

	public static Optional<MappingPreset> best(List<MappingPreset> presets, List<String> headers) {
		return presets.stream()
			.filter((p) -> p.fit(headers) > 0)
			.max(Comparator.comparingDouble((MappingPreset p) -> p.fit(headers))
				.thenComparing(MappingPreset::name, Comparator.reverseOrder()));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/** A saved preset, and whether it is new (else it replaced one of the same name). */
	public record Saved(MappingPreset preset, boolean created) {
	}

}
