package fr.atlas.support;

import java.util.Locale;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds an active member with one role straight into an organisation, with the tests'
 * password, so a test gets agents and managers without the invitation round trip.
 */
public final class TestMembers {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	public TestMembers(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
	}

	public void add(Tenant tenant, UUID id, String email, String name, String role) {
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
						insert into app_user (org_id, id, email, name, password_hash, roles)
						values (?, ?, ?, ?, ?, ?)""")
					.params(tenant.orgId(), id, email, name, this.passwords.encode(ApiClient.PASSWORD),
							new String[] { role })
					.update()));
	}

	/**
	 * Adds a member with a new address ({@code agent-…@example.test} for an agent) and
	 * gets them an API token, to call the API as them.
	 */
	public SignedIn addSignedIn(ApiClient api, Tenant tenant, String name, String role) {
		String email = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.test";
		UUID id = UUID.randomUUID();
		add(tenant, id, email, name, role);
		return new SignedIn(id, email, api.token(email, ApiClient.PASSWORD));
	}

	/** A member a test added, with their API token. */
	public record SignedIn(UUID id, String email, String token) {
	}

}
