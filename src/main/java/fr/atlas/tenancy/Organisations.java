package fr.atlas.tenancy;

import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation the current request works for.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Organisation current() {
		return this.jdbc.sql("select org_id, name, created_at from organisation where org_id = ?")
			.param(CurrentTenant.require().value())
			.query((rs, n) -> new Organisation(fr.atlas.platform.OrgId.of(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Organisation"));
	}

}
