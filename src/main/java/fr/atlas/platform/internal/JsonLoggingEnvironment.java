package fr.atlas.platform.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code atlas.logging.json=true} into Spring Boot's structured console logging,
 * which writes the MDC (correlationId, orgId, traceId) as JSON fields.
 */
class JsonLoggingEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("atlas.logging.json", Boolean.class, false)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("atlasJsonLogging",
						Map.of("logging.structured.format.console", "logstash")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
