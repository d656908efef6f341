package fr.atlas.platform.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code smtp} entry of {@code /actuator/health}: DOWN while the SMTP server is left
 * alone after repeated failures, with the number of mails waiting. Not part of readiness:
 * mails wait in the queue and the application goes on serving.
 */
@Component("smtp")
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp", matchIfMissing = true)
class SmtpHealth implements HealthIndicator {

	private final SmtpDelivery delivery;

	private final MailQueue queue;

	SmtpHealth(SmtpDelivery delivery, MailQueue queue) {
		this.delivery = delivery;
		this.queue = queue;
	}

	@Override
	public Health health() {
		Health.Builder health = this.delivery.paused() ? Health.down() : Health.up();
		return health.withDetail("waiting", (long) this.queue.waiting()).build();
	}

}
