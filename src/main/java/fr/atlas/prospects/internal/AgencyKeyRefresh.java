package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the stored name and town keys of the organisations whose keys follow older
 * rules than {@link AgencyKeys#RULES} (ADR 0035): lists sort and filter by them, and
 * imports match by them. Each organisation is refreshed as itself, in one transaction
 * that updates only the agencies whose keys changed.
 */
@Component
class AgencyKeyRefresh {

	private static final Logger log = LoggerFactory.getLogger(AgencyKeyRefresh.class);

	/** Organisations handled per pass, so one pass stays short. */
	private static final int PER_PASS = 100;

	/**
	 * Agencies read and rewritten per transaction: an organisation of a million agencies
	 * is not one long transaction.
	 */
	static final int PER_TRANSACTION = 10_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final int perTransaction;

	@Autowired
	AgencyKeyRefresh(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
		this(jdbc, template, tx, PER_TRANSACTION);
	}

	AgencyKeyRefresh(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, int perTransaction) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.perTransaction = perTransaction;
	}

	@Scheduled(initialDelayString = "${atlas.prospects.key-refresh-delay:30s}",
			fixedDelayString = "${atlas.prospects.key-refresh-interval:1h}")
	void refreshStale() {
		int agencies = refresh();
		if (agencies > 0) {
			log.info("Worked out again the keys of {} agencies (key rules {})", agencies, AgencyKeys.RULES);
		}
	}

	/**
	 * Refreshes the keys of organisations whose keys follow older rules, at most
	 * {@value #PER_PASS} of them; returns how many agencies changed.
	 */
	int refresh() {
		List<OrgId> stale = this.tx
			.execute((status) -> this.jdbc.sql("select org_id from atlas_orgs_with_stale_agency_keys(:rules, :limit)")
				.param("rules", AgencyKeys.RULES)
				.param("limit", PER_PASS)
				.query((rs, row) -> OrgId.of(rs.getObject(1, UUID.class)))
				.list());
		int changed = 0;
		for (OrgId org : Objects.requireNonNull(stale)) {
			changed += CurrentTenant.callAs(org, this::refreshCurrent);
		}
		return changed;
	}

	/**
	 * Rewrites the current organisation's keys that differ from what the rules give now,
	 * {@value #PER_TRANSACTION} agencies a transaction in id order, then notes that they
	 * follow these rules; returns how many agencies changed.
	 */
	int refreshCurrent() {
		UUID org = CurrentTenant.require().value();
		int changed = 0;
		// the smallest uuid: PostgreSQL orders them byte by byte, unsigned
		UUID after = new UUID(0, 0);
		while (after != null) {
			UUID from = after;
			Chunk chunk = Objects.requireNonNull(this.tx.execute((status) -> refreshChunk(org, from)));
			changed += chunk.changed();
			after = chunk.last();
		}
		this.tx.executeWithoutResult((status) -> this.jdbc.sql("""
				insert into agency_key_version (org_id, rules) values (:org, :rules)
				on conflict (org_id) do update set rules = excluded.rules, refreshed_at = now()""")
			.param("org", org)
			.param("rules", AgencyKeys.RULES)
			.update());
		return changed;
	}

	/**
	 * Refreshes the agencies after {@code after} in id order, a transaction's worth: how
	 * many changed, and the last id read (null once none is left).
	 */
	private Chunk refreshChunk(UUID org, UUID after) {
		List<Object[]> updates = new ArrayList<>();
		UUID[] last = { null };
		int[] read = { 0 };
		this.template.query((connection) -> {
			var statement = connection.prepareStatement("""
					select id, name, name_key, city, city_key from agency
					where org_id = ? and id > ? order by id limit ?""");
			statement.setObject(1, org);
			statement.setObject(2, after);
			statement.setInt(3, this.perTransaction);
			return statement;
		}, (RowCallbackHandler) (rs) -> {
			read[0]++;
			last[0] = rs.getObject("id", UUID.class);
			String city = rs.getString("city");
			String nameKey = AgencyKeys.nameKey(rs.getString("name"), rs.getString("name_key"), city);
			String cityKey = AgencyKeys.cityKey(city);
			if (!nameKey.equals(rs.getString("name_key")) || !Objects.equals(cityKey, rs.getString("city_key"))) {
				updates.add(new Object[] { nameKey, cityKey, org, last[0] });
			}
		});
		this.template.batchUpdate("update agency set name_key = ?, city_key = ? where org_id = ? and id = ?", updates);
		return new Chunk(updates.size(), (read[0] < this.perTransaction) ? null : last[0]);
	}

	private record Chunk(int changed, @Nullable UUID last) {
	}

}
