package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.PartyDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's active agencies and their contacts, found by name for another module
 * to link (a case's party picker, ADR 0050).
 */
@Component
@Transactional(readOnly = true)
class AgencyPartyDirectory implements PartyDirectory {

	private final JdbcClient jdbc;

	AgencyPartyDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> types() {
		return Set.of("AGENCY", "CONTACT");
	}

	@Override
	public Optional<String> feature() {
		return Optional.of("prospects");
	}

	@Override
	public List<Candidate> find(String type, String text, int limit) {
		String wanted = text.trim();
		if (wanted.isEmpty()) {
			return List.of();
		}
		String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		if ("AGENCY".equals(type)) {
			// the names that start with the text first, then the shorter ones
			return this.jdbc.sql("""
					select id, name, city from agency
					where org_id = :org and status = 'ACTIVE' and (name ilike :pattern or trade_name ilike :pattern)
					order by (name ilike :prefix) desc, length(name), name, id
					limit :limit""")
				.param("org", CurrentTenant.require().value())
				.param("pattern", pattern)
				.param("prefix", pattern.substring(1))
				.param("limit", limit)
				.query((rs, row) -> agency(rs.getString("id"), rs.getString("name"), rs.getString("city")))
				.list();
		}
		if ("CONTACT".equals(type)) {
			return this.jdbc.sql("""
					select c.id, concat_ws(' ', c.first_name, c.last_name) as full_name, a.name as agency
					from contact c join agency a on a.org_id = c.org_id and a.id = c.agency_id
					where c.org_id = :org and a.status = 'ACTIVE'
					  and concat_ws(' ', c.first_name, c.last_name) ilike :pattern
					order by (concat_ws(' ', c.first_name, c.last_name) ilike :prefix) desc, full_name, c.id
					limit :limit""")
				.param("org", CurrentTenant.require().value())
				.param("pattern", pattern)
				.param("prefix", pattern.substring(1))
				.param("limit", limit)
				.query((rs, row) -> new Candidate("CONTACT", rs.getString("id"), rs.getString("full_name"),
						rs.getString("agency")))
				.list();
		}
		return List.of();
	}

	/**
	 * An agency under the name and town its page shows ("AGENCE DES CIMES" as "Agence des
	 * Cimes"), which a case keeps.
	 */
	private static Candidate agency(String id, String name, @Nullable String city) {
		return new Candidate("AGENCY", id, NameDisplay.of(name), NameDisplay.town(city));
	}

	@Override
	public Optional<Candidate> byId(String type, String id) {
		UUID key;
		try {
			key = UUID.fromString(id.trim());
		}
		catch (IllegalArgumentException ex) {
			// agencies and contacts are named by UUIDs: anything else is none of them
			return Optional.empty();
		}
		// an archived agency is still the organisation's, one merged away is not
		if ("AGENCY".equals(type)) {
			return this.jdbc.sql("""
					select id, name, city from agency
					where org_id = :org and id = :id and status <> 'MERGED'""")
				.param("org", CurrentTenant.require().value())
				.param("id", key)
				.query((rs, row) -> agency(rs.getString("id"), rs.getString("name"), rs.getString("city")))
				.optional();
		}
		if ("CONTACT".equals(type)) {
			return this.jdbc.sql("""
					select c.id, concat_ws(' ', c.first_name, c.last_name) as full_name, a.name as agency
					from contact c join agency a on a.org_id = c.org_id and a.id = c.agency_id
					where c.org_id = :org and c.id = :id and a.status <> 'MERGED'""")
				.param("org", CurrentTenant.require().value())
				.param("id", key)
				.query((rs, row) -> new Candidate("CONTACT", rs.getString("id"), rs.getString("full_name"),
						rs.getString("agency")))
				.optional();
		}
		return Optional.empty();
	}

}
