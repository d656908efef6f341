package fr.atlas.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.atlas.platform.RequestMetadata;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Sends an event to the exchange of its routing target as a persistent JSON message.
 * Modulith calls it from the event publication registry after the publishing transaction
 * committed; a send that throws leaves the publication incomplete, so it is sent again on
 * the next start. With publisher confirms on (the default in application.yml) a send only
 * counts once the broker has confirmed it.
 */
class RabbitEventTransport implements EventExternalizationTransport {

	static final String ORG_ID = "atlas-org-id";

	static final String EVENT_TYPE = "atlas-event-type";

	static final String CORRELATION_ID = "atlas-correlation-id";

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Clock clock;

	RabbitEventTransport(RabbitTemplate rabbit, JsonMapper json, Clock clock) {
		this.rabbit = rabbit;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<?> externalize(Object event, RoutingTarget target) {
		Message message = message(event, target);
		if (!this.rabbit.getConnectionFactory().isPublisherConfirms()) {
			this.rabbit.send(target.getTarget(), target.getKey(), message);
			return CompletableFuture.completedFuture(null);
		}
		CorrelationData correlation = new CorrelationData(message.getMessageProperties().getMessageId());
		this.rabbit.send(target.getTarget(), target.getKey(), message, correlation);
		awaitConfirm(correlation, target);
		return CompletableFuture.completedFuture(null);
	}

	Message message(Object event, RoutingTarget target) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding("UTF-8");
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(UUID.randomUUID().toString());
		properties.setTimestamp(Date.from(this.clock.instant()));
		properties.setAppId("atlas");
		properties.setType(target.getKey());
		properties.setHeader(EVENT_TYPE, event.getClass().getSimpleName());
		ExternalizedEvents.organisation(event)
			.ifPresent((orgId) -> properties.setHeader(ORG_ID, orgId.value().toString()));
		// bound on the listener's thread by the task decorator, absent for a resubmission
		RequestMetadata.bound().ifPresent((metadata) -> {
			properties.setCorrelationId(metadata.correlationId());
			properties.setHeader(CORRELATION_ID, metadata.correlationId());
		});
		return new Message(this.json.writeValueAsBytes(event), properties);
	}

	private static void awaitConfirm(CorrelationData correlation, RoutingTarget target) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture()
				.get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (!confirm.ack()) {
				throw new AmqpException("RabbitMQ refused the event for " + target + ": " + confirm.reason());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpException("Interrupted while waiting for RabbitMQ to confirm " + target, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AmqpException("RabbitMQ did not confirm the event for " + target, ex);
		}
	}

}
