package fr.atlas.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.audit.internal.HashChain;
import fr.atlas.audit.internal.SummaryWords;
import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current organisation's audit log and checks that its hash chain is intact.
 * Row-level security limits both to the organisation bound to the thread.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	/** The object types whose id is a member's. */
	private static final Set<String> MEMBER_ENTITIES = Set.of("member", "calendar-feed");

	/**
	 * The object types whose id is a code with a label in the bundles, by the prefix of
	 * its key: a module is read as its name in the reader's language, not as its key.
	 */
	private static final Map<String, String> LABELLED_ENTITIES = Map.of("feature", "feature.");

	private final JdbcClient jdbc;

	private final HashChain chain;

	private final SummaryWords words;

	AuditLog(JdbcClient jdbc, HashChain chain, SummaryWords words) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.words = words;
	}

	/**
	 * The actions the organisation's log holds, in code order: what its filter can offer.
	 * Walks the {@code (org_id, action)} index one value at a time, so a log of millions
	 * of entries costs one index probe per distinct action, not a scan.
	 */
	public List<String> actionsInUse() {
		return distinct("action");
	}

	/** The object types the organisation's log holds, in code order. */
	public List<String> entityTypesInUse() {
		return distinct("entity_type");
	}

	private List<String> distinct(String column) {
		CurrentTenant.require();
		return this.jdbc.sql("""
				with recursive used(value) as (
				    (select %1$s from audit_entry order by %1$s limit 1)
				    union all
				    select (select %1$s from audit_entry where %1$s > used.value order by %1$s limit 1)
				    from used where used.value is not null)
				select value from used where value is not null""".formatted(column)).query(String.class).list();
	}

	/**
	 * One page of entries, summaries in the reader's language and members named.
	 */
	public AuditPage search(AuditQuery query, Locale locale) {
		CurrentTenant.require();
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		Optional<UUID> actorId = uuid(query.actor());
		if (actorId.isPresent()) {
			conditions.add("actor_id = :actorId");
			params.put("actorId", actorId.get());
		}
		else if (query.actor() != null) {
			conditions.add("actor_label ilike :actorLabel");
			params.put("actorLabel", "%" + likeEscaped(query.actor()) + "%");
		}
		if (query.action() != null) {
			conditions.add("action = :action");
			params.put("action", query.action());
		}
		if (query.entityType() != null) {
			conditions.add("entity_type = :entityType");
			params.put("entityType", query.entityType());
		}
		if (query.entityId() != null) {
			conditions.add("entity_id = :entityId");
			params.put("entityId", query.entityId());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(query.from(), java.time.ZoneOffset.UTC));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", OffsetDateTime.ofInstant(query.to(), java.time.ZoneOffset.UTC));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from audit_entry" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Stored> stored = this.jdbc.sql("""
				select seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, summary,
				       correlation_id, client_ip, hash, summary_message
				from audit_entry""" + where + """

				order by seq desc
				limit :limit offset :offset""")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query((rs, row) -> new Stored(entry(rs), rs.getString("summary_message")))
			.list()
			.stream()
			.toList();
		return new AuditPage(inWords(stored, locale), query.page(), query.size(), total);
	}

	/**
	 * Re-computes every hash of the organisation's chain from its first entry and
	 * compares the last one with the chain head. Both reads share one snapshot, so an
	 * entry written meanwhile cannot make an intact chain look broken.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public AuditVerification verify() {
		return this.chain.verify(CurrentTenant.require());
	}

	private List<AuditEntry> inWords(List<Stored> stored, Locale locale) {
		Set<UUID> members = stored.stream()
			.map(Stored::entry)
			.filter((entry) -> MEMBER_ENTITIES.contains(entry.entityType()))
			.map((entry) -> uuid(entry.entityId()))
			.flatMap(Optional::stream)
			.collect(Collectors.toSet());
		Map<UUID, String> names = this.words.namesOf(members);
		return stored.stream().map((row) -> {
			AuditEntry entry = row.entry();
			String entityLabel = MEMBER_ENTITIES.contains(entry.entityType())
					? uuid(entry.entityId()).map(names::get).orElse(null)
					: labelOf(entry.entityType(), entry.entityId(), locale);
			String summary = this.words.fromJson(row.message())
				.flatMap((message) -> this.words.render(message, locale))
				.orElse(entry.summary());
			return entry.withWords(entityLabel, summary);
		}).toList();
	}

	/** The object's label in the reader's language, when its type has labels. */
	private @Nullable String labelOf(String entityType, String entityId, Locale locale) {
		String prefix = LABELLED_ENTITIES.get(entityType);
		return (prefix != null) ? this.words.label(prefix, entityId, locale).orElse(null) : null;
	}

	private record Stored(AuditEntry entry, @Nullable String message) {
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		UUID actor = rs.getObject("actor_id", UUID.class);
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				(actor != null) ? actor.toString() : null, rs.getString("actor_label"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"), null, rs.getString("summary"),
				rs.getString("correlation_id"), rs.getString("client_ip"), rs.getString("hash"));
	}

	private static Optional<UUID> uuid(String value) {
		if (value == null || value.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String likeEscaped(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
