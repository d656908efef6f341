package fr.atlas.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * Keeps RabbitMQ out of the application unless {@code spring.rabbitmq.host} names a
 * broker. Boot would otherwise create a connection factory for localhost and a health
 * check that is DOWN on every machine without RabbitMQ, so its Rabbit auto-configurations
 * are excluded, next to whatever the configuration already excludes.
 */
class RabbitEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String HOST = "spring.rabbitmq.host";

	static final List<String> AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
			"org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration");

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (hostConfigured(environment)) {
			return;
		}
		List<String> excluded = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		AUTO_CONFIGURATIONS.stream().filter((name) -> !excluded.contains(name)).forEach(excluded::add);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("atlasWithoutRabbit", Map.of(EXCLUDE, String.join(",", excluded))));
	}

	@Override
	public int getOrder() {
		// after the config data (application.yml, profiles) has been loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

	static boolean hostConfigured(Environment environment) {
		return StringUtils.hasText(environment.getProperty(HOST));
	}

	/**
	 * The same rule for Atlas's own Rabbit beans. {@code @ConditionalOnProperty} alone
	 * would match an empty host, as {@code SPRING_RABBITMQ_HOST=} gives.
	 */
	static final class HostConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return hostConfigured(context.getEnvironment());
		}

	}

}
