package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.TransactionLock;
import fr.atlas.prospects.SavedSearchChanged;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saved searches of the agency list: the organisation's, shared by its members, and
 * each member's own ({@code personal}), which nobody else sees. Saving under a name
 * already used (ignoring case) among the same ones replaces that search, as mapping
 * presets do. The filters are those of the list's query string; which of them the search
 * can read is checked by the caller running it once (the web layer owns the query
 * string). Saving and deleting are audited.
 */
@Service
public class SavedSearches {

	static final int MAX_NAME = 80;

	/** Enough for every team's views; a list of links longer than that helps nobody. */
	static final int MOST = 100;

	/** The list's parameters a saved search may carry, as the query string names them. */
	public static final Set<String> FILTERS = Set.of("q", "department", "city", "status", "specialty", "postcode",
			"tag", "owner", "importId", "reachable", "minListings", "minRevenue", "source", "headcount", "work",
			"sort");

	private static final int MAX_VALUE = 200;

	private static final TypeReference<Map<String, String>> FILTER_MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	SavedSearches(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.events = events;
	}

	/** The searches a member sees, by name: the organisation's and their own. */
	public List<SavedSearch> list(UUID viewer) {
		return this.tx.execute((s) -> this.jdbc.sql("""
				select id, name, filters, owner_id is not null as personal from prospect_saved_search
				where org_id = :org and (owner_id is null or owner_id = :viewer)
				order by lower(name), owner_id nulls first, id""")
			.param("org", org())
			.param("viewer", viewer)
			.query((rs, row) -> new SavedSearch(rs.getObject("id", UUID.class), rs.getString("name"),
					this.json.readValue(rs.getString("filters"), FILTER_MAP), rs.getBoolean("personal")))
			.list());
	}

	/**
	 * The filters a search may be saved with: only the list's parameters, without blank
	 * values, in a stable order.
	 * @throws InvalidInputException for an unknown parameter, a value too long, or no
	 * filter at all
	 */
	public static Map<String, String> checked(@Nullable Map<String, ?> filters) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> checked = new TreeMap<>();
		if (filters != null) {
			filters.forEach((key, value) -> {
				String text = (value != null) ? String.valueOf(value).strip() : "";
				if (!FILTERS.contains(key)) {
					problems.add(new FieldProblem("filters." + key, "prospects.edit.unknown-field", key));
				}
				else if (value instanceof Iterable<?> || value instanceof Map<?, ?>) {
					// a filter is one value of the list's address: a list was saved as
					// "[a, b]"
					problems.add(new FieldProblem("filters." + key, "json.expected.text"));
				}
				else if (text.length() > MAX_VALUE) {
					problems.add(new FieldProblem("filters." + key, "prospects.search.value-too-long", key));
				}
				else if (!text.isEmpty()) {
					checked.put(key, text);
				}
			});
		}
		if (problems.isEmpty() && checked.isEmpty()) {
			problems.add(new FieldProblem("filters", "prospects.search.no-filter"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return checked;
	}

	/**
	 * Saves the filters under a name, for the organisation or as the member's own
	 * ({@code personal}), replacing the search of that name among those if there is one.
	 * @throws InvalidInputException for a blank or too long name, filters that
	 * {@link #checked} refuses, or an organisation that has saved {@value #MOST} searches
	 */
	public Saved save(@Nullable String name, @Nullable Map<String, ?> filters, UUID savedBy, boolean personal) {
		@Nullable UUID owner = personal ? savedBy : null;
		String clean = (name != null) ? CleanText.of(name) : null;
		if (clean == null || clean.length() > MAX_NAME) {
			throw new InvalidInputException("name", "prospects.search.name-required");
		}
		Map<String, String> checked = checked(filters);
		return this.tx.execute((s) -> {
			// one save at a time per organisation, so that two at once stay under the
			// limit
			TransactionLock.take(this.jdbc, "saved-searches:" + org());
			Optional<UUID> existing = this.jdbc.sql("""
					select id from prospect_saved_search
					where org_id = :org and lower(name) = lower(:name) and owner_id is not distinct from :owner""")
				.param("org", org())
				.param("name", clean)
				.param("owner", owner)
				.query(UUID.class)
				.optional();
			if (existing.isEmpty() && count() >= MOST) {
				throw new InvalidInputException("name", "prospects.search.too-many", MOST);
			}
			UUID id = existing.orElseGet(UUID::randomUUID);
			this.jdbc.sql("""
					insert into prospect_saved_search (org_id, id, name, filters, created_by, owner_id)
					values (:org, :id, :name, :filters::jsonb, :by, :owner)
					on conflict (org_id, id) do update set name = excluded.name, filters = excluded.filters,
					  updated_at = now()""")
				.param("org", org())
				.param("id", id)
				.param("name", clean)
				.param("filters", this.json.writeValueAsString(new LinkedHashMap<>(checked)))
				.param("by", savedBy)
				.param("owner", owner)
				.update();
			this.events.publishEvent(new SavedSearchChanged(CurrentTenant.require(), id, clean, personal,
					existing.isEmpty() ? SavedSearchChanged.Change.CREATED : SavedSearchChanged.Change.REPLACED));
			return new Saved(new SavedSearch(id, clean, checked, personal), existing.isEmpty());
		});
	}

	/**
	 * Deletes a search the member sees: one of the organisation's, or their own.
	 * @throws NotFoundException for another member's own search, as for one that is not
	 */
	public void delete(UUID id, UUID viewer) {
		this.tx.executeWithoutResult((s) -> {
			Optional<Deleted> deleted = this.jdbc.sql("""
					delete from prospect_saved_search
					where org_id = :org and id = :id and (owner_id is null or owner_id = :viewer)
					returning name, owner_id is not null as personal""")
				.param("org", org())
				.param("id", id)
				.param("viewer", viewer)
				.query((rs, row) -> new Deleted(rs.getString("name"), rs.getBoolean("personal")))
				.optional();
			if (deleted.isEmpty()) {
				throw new NotFoundException("SavedSearch");
			}
			this.events.publishEvent(new SavedSearchChanged(CurrentTenant.require(), id, deleted.get().name(),
					deleted.get().personal(), SavedSearchChanged.Change.DELETED));
		});
	}

	private record Deleted(String name, boolean personal) {
	}

	private long count() {
		return this.jdbc.sql("select count(*) from prospect_saved_search where org_id = :org")
			.param("org", org())
			.query(Long.class)
			.single();
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/** A saved search, and whether it is new (else it replaced one of the same name). */
	public record Saved(SavedSearch search, boolean created) {
	}

}
