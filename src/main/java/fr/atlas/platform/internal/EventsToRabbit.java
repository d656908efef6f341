package fr.atlas.platform.internal;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.util.Assert;

/**
 * Externalises the modules' public events to RabbitMQ when {@code spring.rabbitmq.host}
 * is set. The externaliser is an application module listener, so each event goes through
 * the event publication registry (the JDBC outbox): it is sent after its transaction
 * commits, and sent again after a restart if sending failed.
 * {@code spring-modulith-events-amqp} would do the same but is not available to us; this
 * is its module-listener mode with our own transport.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OptionalServicesEnvironment.RabbitHostConfigured.class)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true",
		matchIfMissing = true)
class EventsToRabbit {

	static final String EXCHANGE = "atlas.events.exchange";

	// Boot's RabbitAdmin declares it on every (re)connection; durable, so it
	// outlives broker restarts
	@Bean
	static TopicExchange atlasEventsExchange(Environment environment) {
		return new TopicExchange(exchange(environment), true, false);
	}

	// Replaces Modulith's default, which selects only @Externalized events. Static and
	// infrastructure because Modulith's event listener factory needs it very early.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EventExternalizationConfiguration atlasEventExternalization(Environment environment) {
		return ExternalizedEvents.configuration(exchange(environment));
	}

	@Bean
	EventExternalizerModuleListener rabbitEventExternalizer(EventExternalizationConfiguration configuration,
			RabbitTemplate rabbit, JsonMapper json, Clock clock) {
		return new EventExternalizerModuleListener(configuration,
				new RabbitEventTransport(rabbit, EventJson.mapper(json), clock));
	}

	private static String exchange(Environment environment) {
		String exchange = environment.getProperty(EXCHANGE, "");
		Assert.hasText(exchange, () -> EXCHANGE + " must name the exchange events are sent to");
		return exchange;
	}

}
