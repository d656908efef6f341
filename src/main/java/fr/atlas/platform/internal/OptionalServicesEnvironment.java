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
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis and RabbitMQ are used only where their host is configured (ADR 0014). Boot would
 * otherwise connect to localhost and add health checks that are DOWN on every machine
 * without them, so their auto-configurations are excluded, next to whatever the
 * configuration already excludes. With a Redis host, sessions move from PostgreSQL to
 * Redis and Redis joins the readiness group.
 */
class OptionalServicesEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String REDIS_HOST = "spring.data.redis.host";

	static final String RABBIT_HOST = "spring.rabbitmq.host";

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

	static final List<String> RABBIT = List.of("org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String READINESS = "management.endpoint.health.group.readiness.include";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		Set<String> excluded = new LinkedHashSet<>(
				binder.bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		Map<String, Object> properties = new LinkedHashMap<>();
		if (hostConfigured(environment, REDIS_HOST)) {
			excluded.addAll(SESSIONS_IN_DATABASE);
			// signed-in members cannot be served without their sessions
			List<String> readiness = new ArrayList<>(
					binder.bind(READINESS, Bindable.listOf(String.class)).orElse(List.of()));
			readiness.add("redis");
			properties.put(READINESS, String.join(",", readiness));
		}
		else {
			excluded.addAll(REDIS);
		}
		// not part of readiness even when configured: the outbox keeps events while the
		// broker is away
		if (!hostConfigured(environment, RABBIT_HOST)) {
			excluded.addAll(RABBIT);
		}
		if (!excluded.isEmpty()) {
			properties.put(EXCLUDE, String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("atlasOptionalServices", properties));
	}

	@Override
	public int getOrder() {
		// after the config data (application.yml, profiles) has been loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** An empty host, as {@code SPRING_RABBITMQ_HOST=} gives, counts as none. */
	static boolean hostConfigured(Environment environment, String property) {
		return StringUtils.hasText(environment.getProperty(property));
	}

	/**
	 * The same rule for Atlas's own Rabbit beans: {@code @ConditionalOnProperty} alone
	 * would match an empty host.
	 */
	static final class RabbitHostConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return hostConfigured(context.getEnvironment(), RABBIT_HOST);
		}

	}

}
