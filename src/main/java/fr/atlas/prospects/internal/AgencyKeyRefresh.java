package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	AgencyKeyRefresh(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
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
	 * and notes that they follow these rules; returns how many agencies changed.
	 */
	int refreshCurrent() {
		Integer changed = this.tx.execute((status) -> {
			UUID org = CurrentTenant.require().value();
			List<Object[]> updates = new ArrayList<>();
			this.template.query((connection) -> {
				var statement = connection
					.prepareStatement("select id, name, name_key, city, city_key from agency where org_id = ?");
				statement.setObject(1, org);
				statement.setFetchSize(5000);
				return statement;
			}, (RowCallbackHandler) (rs) -> {
				String city = rs.getString("city");
				String nameKey = AgencyKeys.nameKey(rs.getString("name"), rs.getString("name_key"), city);
				String cityKey = AgencyKeys.cityKey(city);
				if (!nameKey.equals(rs.getString("name_key")) || !Objects.equals(cityKey, rs.getString("city_key"))) {
					updates.add(new Object[] { nameKey, cityKey, org, rs.getObject("id", UUID.class) });
				}
			});
			this.template.batchUpdate("update agency set name_key = ?, city_key = ? where org_id = ? and id = ?",
					updates);
			this.jdbc.sql("""
					insert into agency_key_version (org_id, rules) values (:org, :rules)
					on conflict (org_id) do update set rules = excluded.rules, refreshed_at = now()""")
				.param("org", org)
				.param("rules", AgencyKeys.RULES)
				.update();
			return updates.size();
		});
		return (changed != null) ? changed : 0;
	}

}
