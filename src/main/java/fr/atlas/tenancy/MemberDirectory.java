package fr.atlas.tenancy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.MemberNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names members for the modules that only hold their ids (the audit log). Row-level
 * security keeps the search inside the current organisation.
 */
@Component
@Transactional(readOnly = true)
class MemberDirectory implements MemberNames {

	private final JdbcClient jdbc;

	MemberDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		Map<UUID, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, coalesce(nullif(btrim(name), ''), email) from app_user where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs) -> {
				names.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return names;
	}

}
