package fr.atlas.platform.mail;

import java.time.Duration;

import fr.atlas.platform.OutsideCall;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the queued mails, each as an {@link OutsideCall}: a server that stumbles is tried
 * again at once, one that is down is left alone while the breaker is open, and the mail
 * waits in the queue for a later round. Each attempt is bounded by the
 * {@code mail.smtp.*timeout} settings in application.yml, as JavaMail waits forever by
 * default.
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp", matchIfMissing = true)
class SmtpDelivery {

	private static final Logger logger = LoggerFactory.getLogger(SmtpDelivery.class);

	/** Mails sent per round at most, so one round never runs for long. */
	private static final int ROUND = 100;

	private final MailQueue queue;

	private final JavaMailSender sender;

	private final String from;

	private final OutsideCall smtp;

	@Autowired
	SmtpDelivery(MailQueue queue, JavaMailSender sender, @Value("${atlas.mail.from}") String from,
			@Value("${atlas.mail.pause-after-failures}") Duration pause, MeterRegistry meters) {
		this(queue, sender, from, OutsideCall.Policy.DEFAULT.withOpenFor(pause));
		// what an operator watches: mails waiting, and whether the server is
		// being left alone
		Gauge.builder("atlas.mail.queue.waiting", queue, MailQueue::waiting)
			.description("Mails waiting to be sent through SMTP")
			.register(meters);
		Gauge.builder("atlas.outside.call.open", this.smtp, (call) -> call.open() ? 1 : 0)
			.tag("service", "smtp")
			.description("1 while the circuit breaker refuses calls to the service")
			.register(meters);
	}

	SmtpDelivery(MailQueue queue, JavaMailSender sender, String from, OutsideCall.Policy policy) {
		this.queue = queue;
		this.sender = sender;
		this.from = from;
		this.smtp = OutsideCall.to("smtp", policy, MailAuthenticationException.class, MailParseException.class);
	}

	@Scheduled(fixedDelayString = "${atlas.mail.delivery-interval}",
			initialDelayString = "${atlas.mail.delivery-interval}")
	void deliver() {
		for (int i = 0; i < ROUND && !this.smtp.open(); i++) {
			if (!this.queue.deliverNext(this::send)) {
				return;
			}
		}
		if (this.smtp.open()) {
			logger.warn("The SMTP server failed too often: mails wait in the queue until it answers again");
		}
	}

	/** Whether the server is being left alone after repeated failures. */
	boolean paused() {
		return this.smtp.open();
	}

	void send(OutgoingMail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		this.smtp.run(() -> this.sender.send(message));
	}

}
