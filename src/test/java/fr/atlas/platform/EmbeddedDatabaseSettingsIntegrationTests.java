package fr.atlas.platform;

import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded server runs with the settings the application gives it (ADR 0019, 0022).
 */
@WebIntegrationTest
class EmbeddedDatabaseSettingsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void runsWithItsOwnPageCacheAndWithoutZeroFilledWal() {
		// CI's second pass runs the integration tests against an external server
		assumeTrue(this.environment.getPropertySources().contains("atlasEmbeddedDatabase"));
		assertThat(setting("shared_buffers")).isEqualTo("512MB");
		assertThat(setting("wal_init_zero")).isEqualTo("off");
	}

	private String setting(String name) {
		return this.jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
	}

}
