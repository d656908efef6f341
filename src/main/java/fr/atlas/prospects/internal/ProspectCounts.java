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

	public Counts current() {
		UUID org = CurrentTenant.require().value();
		return this.jdbc
			.sql("select (select count(*) from agency where org_id = :org and status = 'ACTIVE'), "
					+ "(select count(*) " + DuplicateQueue.OPEN_DUPLICATES + "), "
					+ "(select count(*) from import_job where org_id = :org and status in ('QUEUED', 'RUNNING'))")
			.param("org", org)
			.query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

}
