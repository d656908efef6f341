package fr.atlas.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.atlas.support.ApiClient;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-wide guard: every table with an {@code org_id} column must be protected by
 * row-level security that applies to its owner too, and the application's role must not
 * be able to skip it. Connects as the app role, as the application does.
 */
@WebIntegrationTest
class RowLevelSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	DatabaseRoles database;

	@BeforeEach
	void setUp() {
		this.database = new DatabaseRoles(this.environment);
	}

	@Test
	void everyTenantTableForcesRowLevelSecurityWithAPolicy() throws SQLException {
		List<String> unprotected = new ArrayList<>();
		List<String> tables = new ArrayList<>();
		try (Connection app = this.database.app();
				var statement = app.createStatement();
				ResultSet rs = statement.executeQuery("""
						select c.relname, c.relrowsecurity, c.relforcerowsecurity,
						       (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
						from pg_class c
						join pg_namespace n on n.oid = c.relnamespace
						where n.nspname = 'public' and c.relkind in ('r', 'p')
						  and exists (select 1 from pg_attribute a
						              where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
						order by c.relname""")) {
			while (rs.next()) {
				tables.add(rs.getString("relname"));
				if (!rs.getBoolean("relrowsecurity") || !rs.getBoolean("relforcerowsecurity")
						|| rs.getLong("policies") == 0) {
					unprotected.add(rs.getString("relname"));
				}
			}
		}
		assertThat(tables).as("tenant tables").contains("organisation", "app_user", "api_token", "audit_entry");
		assertThat(unprotected).as("tables with org_id lacking ENABLE + FORCE row level security and a policy")
			.isEmpty();
	}

	@Test
	void everyPolicyReadsTheTenantOncePerStatement() throws SQLException {
		List<String> perRow = new ArrayList<>();
		try (Connection app = this.database.app();
				var statement = app.createStatement();
				ResultSet rs = statement.executeQuery("""
						select tablename, qual, with_check from pg_policies
						where schemaname = 'public' order by tablename""")) {
			while (rs.next()) {
				// a sub-select is an InitPlan, worked out once; a bare call, once per row
				String once = "( SELECT atlas_current_org() AS atlas_current_org)";
				if (!rs.getString("qual").contains(once) || !rs.getString("with_check").contains(once)) {
					perRow.add(rs.getString("tablename") + ": " + rs.getString("qual"));
				}
			}
		}
		assertThat(perRow).as("policies that work out the tenant for every row").isEmpty();
	}

	@Test
	void withoutATenantEveryTenantTableLooksEmpty() throws SQLException {
		ApiClient api = new ApiClient(this.port);
		api.newOrganisation("Première agence");
		api.newOrganisation("Seconde agence");
		List<String> tables = tenantTables();
		assertThat(tables).isNotEmpty();
		try (Connection app = this.database.app(); var statement = app.createStatement()) {
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table + "\"")) {
					rs.next();
					assertThat(rs.getLong(1)).as("rows of %s visible with no app.org_id", table).isZero();
				}
			}
		}
		try (Connection owner = this.database.owner();
				var statement = owner.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from organisation")) {
			rs.next();
			assertThat(rs.getLong(1)).as("organisations seen by the owner").isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void appRoleCannotBypassRowLevelSecurityNorOwnTables() throws SQLException {
		try (Connection app = this.database.app(); var statement = app.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo(this.database.appRole());
				assertThat(rs.getBoolean("rolsuper")).as("app role is superuser").isFalse();
				assertThat(rs.getBoolean("rolbypassrls")).as("app role bypasses RLS").isFalse();
			}
			try (ResultSet rs = statement.executeQuery("""
					select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
					  and pg_has_role(current_user, c.relowner, 'USAGE')""")) {
				List<String> owned = new ArrayList<>();
				while (rs.next()) {
					owned.add(rs.getString(1));
				}
				assertThat(owned).as("tables the app role owns (directly or through a role)").isEmpty();
			}
		}
	}

	private List<String> tenantTables() throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection app = this.database.app();
				var statement = app.createStatement();
				ResultSet rs = statement.executeQuery("""
						select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
						join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
						where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

}
