package fr.atlas.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured, and
 * points the standard properties at it: the application connects as the app role and
 * Flyway as the owner, exactly as with an external database.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	// logging is not set up yet when this runs: the messages are replayed once it is
	private final Log log;

	EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(EmbeddedDatabase.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("atlas.database.embedded.enabled", Boolean.class, true)) {
			return;
		}
		String dataDirectory = environment.getProperty("atlas.database.embedded.data-dir", "");
		int port = environment.getProperty("atlas.database.embedded.port", Integer.class, 0);
		String sharedBuffers = environment.getProperty("atlas.database.embedded.shared-buffers", "512MB");
		EmbeddedDatabase database = EmbeddedDatabase.obtain(dataDirectory, port, sharedBuffers, this.log);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
		properties.put("spring.datasource.password", EmbeddedDatabase.PASSWORD);
		properties.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
		properties.put("spring.flyway.password", EmbeddedDatabase.PASSWORD);
		properties.put("atlas.database.app-role", EmbeddedDatabase.APP_ROLE);
		environment.getPropertySources().addFirst(new MapPropertySource("atlasEmbeddedDatabase", properties));
	}

	@Override
	public int getOrder() {
		// after the config data (application.yml, profiles) has been loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
