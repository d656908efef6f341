package fr.atlas.platform.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Mails through the SMTP server of {@code spring.mail.*}: the mail is queued where it is
 * decided and {@link SmtpDelivery} sends it, so a slow or absent server never fails the
 * request that sends it (ADR 0015).
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp")
class SmtpMailTransport implements MailTransport {

	private final MailQueue queue;

	SmtpMailTransport(MailQueue queue) {
		this.queue = queue;
	}

	@Override
	public void send(OutgoingMail mail) {
		this.queue.add(mail);
	}

}
