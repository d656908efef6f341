package fr.atlas.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Redis is used only where its host is configured (ADR 0014). Without
 * {@code spring.data.redis.host}, Boot's Redis auto-configurations are excluded: no
 * connection is attempted and no health check turns DOWN on a machine without Redis, and
 * sessions stay in PostgreSQL. With it, sessions move to Redis and Redis joins the
 * readiness group.
 */
class OptionalServicesEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String REDIS_HOST = "spring.data.redis.host";

	static final List<String> REDIS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");

	static final List<String> SESSIONS_IN_DATABASE = List
		.of("org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration");

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String READINESS = "management.endpoint.health.group.readiness.include";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		Set<String> excluded = new LinkedHashSet<>(
				binder.bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		List<String> readiness = new ArrayList<>(
				binder.bind(READINESS, Bindable.listOf(String.class)).orElse(List.of()));
		if (StringUtils.hasText(environment.getProperty(REDIS_HOST))) {
			excluded.addAll(SESSIONS_IN_DATABASE);
			readiness.add("redis");
		}
		else {
			excluded.addAll(REDIS);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(EXCLUDE, String.join(",", excluded));
		if (!readiness.isEmpty()) {
			properties.put(READINESS, String.join(",", readiness));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("atlasOptionalServices", properties));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
