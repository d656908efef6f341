package fr.atlas.tenancy;

import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.OrgId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds the demo organisation, for the demo data of other modules. Exists in every mode
 * but finds nothing unless demo mode seeded it.
 */
@Service
public class DemoOrganisation {

	public static final String NAME = "Agence Démo";

	public static final String OWNER_EMAIL = "owner@demo.atlas.test";

	public static final String MANAGER_EMAIL = "manager@demo.atlas.test";

	public static final String AGENT_EMAIL = "agent@demo.atlas.test";

	/**
	 * A member who reads everything and changes nothing: the role's pages, as it sees
	 * them.
	 */
	public static final String VIEWER_EMAIL = "viewer@demo.atlas.test";

	public static final String PASSWORD = "demo-atlas-2026";

	private final JdbcClient jdbc;

	DemoOrganisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrgId> orgId() {
		return this.jdbc.sql("select org_id from atlas_login_lookup(?)")
			.param(OWNER_EMAIL)
			.query((rs, n) -> OrgId.of(rs.getObject(1, UUID.class)))
			.optional();
	}

}
