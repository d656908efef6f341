package fr.atlas.prospects.internal;

import java.util.UUID;

import fr.atlas.platform.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page tells about the prospect base: its size, the possible duplicates
 * waiting for a person, and the imports not finished yet.
 */
@Service
@Transactional(readOnly = true)
public class ProspectCounts {

	private final JdbcClient jdbc;

	ProspectCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Counts(long prospects, long duplicatesToReview, long importsUnderway) {
	}

	/**
	 * Each open possible duplicate's two agencies are read by their key, kept apart by
	 * {@code offset 0} with their status checked outside: as a join, statistics that did
	 * not know the organisation yet made it a join of its agencies with themselves
	 * (minutes after a first large import, ADR 0023).
	 */
	public Counts current() {
		UUID org = CurrentTenant.require().value();
		return this.jdbc.sql("""
				select (select count(*) from agency where org_id = :org and status = 'ACTIVE'),
				       (select count(*) from duplicate_candidate d
				          cross join lateral (select a.status from agency a
				                              where a.org_id = d.org_id and a.id = d.agency_id offset 0) a
				          cross join lateral (select o.status from agency o
				                              where o.org_id = d.org_id and o.id = d.other_id offset 0) o
				        where d.org_id = :org and d.status = 'OPEN' and a.status = 'ACTIVE' and o.status = 'ACTIVE'),
				       (select count(*) from import_job where org_id = :org and status in ('QUEUED', 'RUNNING'))""")
			.param("org", org)
			.query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

}
