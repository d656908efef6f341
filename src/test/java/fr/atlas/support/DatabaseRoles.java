package fr.atlas.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Plain JDBC connections to the test database as its two roles, outside the application:
 * the owner (runs Flyway, bypasses row-level security) to set up or tamper with data, and
 * the app role to prove what the application itself can and cannot do.
 */
public final class DatabaseRoles {

	private final Environment environment;

	public DatabaseRoles(Environment environment) {
		this.environment = environment;
	}

	public Connection owner() throws SQLException {
		return DriverManager.getConnection(url(), this.environment.getRequiredProperty("spring.flyway.user"),
				this.environment.getRequiredProperty("spring.flyway.password"));
	}

	public Connection app() throws SQLException {
		return DriverManager.getConnection(url(), this.environment.getRequiredProperty("spring.datasource.username"),
				this.environment.getRequiredProperty("spring.datasource.password"));
	}

	public String appRole() {
		return this.environment.getRequiredProperty("spring.datasource.username");
	}

	/**
	 * Adds a member with the given role to an organisation, straight in the database, and
	 * returns their e-mail; their password is {@link ApiClient#PASSWORD}.
	 */
	public String addMember(UUID orgId, String role, PasswordEncoder passwords) throws SQLException {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
		try (Connection connection = owner(); var insert = connection.prepareStatement("""
				insert into app_user (org_id, id, email, name, password_hash, roles)
				values (?, ?, ?, ?, ?, array[?])""")) {
			insert.setObject(1, orgId);
			insert.setObject(2, UUID.randomUUID());
			insert.setString(3, email);
			insert.setString(4, "Membre " + role);
			insert.setString(5, passwords.encode(ApiClient.PASSWORD));
			insert.setString(6, role);
			insert.executeUpdate();
		}
		return email;
	}

	private String url() {
		return this.environment.getRequiredProperty("spring.datasource.url");
	}

}
