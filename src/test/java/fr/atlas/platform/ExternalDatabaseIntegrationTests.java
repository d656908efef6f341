package fr.atlas.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that CI's second pass really runs against the PostgreSQL it names: the system
 * properties given to Maven reach Spring, the embedded database stays off, and the
 * application connects as the app role. Runs only when CI sets
 * {@code atlas.test.expected-datasource-url}.
 */
@WebIntegrationTest
@EnabledIfSystemProperty(named = "atlas.test.expected-datasource-url", matches = ".+")
class ExternalDatabaseIntegrationTests {

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	DataSource dataSource;

	@Test
	void runsAgainstTheConfiguredDatabaseAsTheAppRole() throws SQLException {
		String expected = System.getProperty("atlas.test.expected-datasource-url");
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo(expected);
		assertThat(this.environment.getPropertySources().contains("atlasEmbeddedDatabase")).isFalse();
		try (Connection connection = this.dataSource.getConnection();
				var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_user, current_database(), version()")) {
			assertThat(connection.getMetaData().getURL()).isEqualTo(expected);
			rs.next();
			assertThat(rs.getString(1)).isEqualTo(this.environment.getProperty("spring.datasource.username"))
				.isEqualTo(this.environment.getProperty("atlas.database.app-role"));
			System.out.printf("External database: %s as %s (%s)%n", rs.getString(2), rs.getString(1), rs.getString(3));
		}
	}

}
