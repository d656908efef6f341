package fr.atlas.platform.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Mails through the SMTP server of {@code spring.mail.*}: the mail is queued where it is
 * decided and {@link SmtpDelivery} sends it, so a slow or absent server never fails the
 * request that sends it (ADR 0015).
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp", matchIfMissing = true)
class SmtpMailTransport implements MailTransport {

	private final MailQueue queue;

	SmtpMailTransport(MailQueue queue, @Value("${spring.mail.host:}") String host) {
		if (host.isBlank()) {
			// mails queued for no server would be given up one by one, hours later
			throw new IllegalStateException("Atlas sends mails through SMTP: set SMTP_HOST (spring.mail.host), "
					+ "or ATLAS_MAIL_TRANSPORT=outbox to keep them in the database, as the demo does");
		}
		this.queue = queue;
	}

	@Override
	public void send(OutgoingMail mail) {
		this.queue.add(mail);
	}

}
