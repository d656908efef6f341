package fr.atlas.platform.mail;

import fr.atlas.platform.OutsideCall;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends through the SMTP server of {@code spring.mail.*}, as an {@link OutsideCall}: a
 * server that stumbles is tried again, one that is down fails fast. Each attempt is
 * bounded by the {@code mail.smtp.*timeout} settings in application.yml, as JavaMail
 * waits forever by default.
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp")
class SmtpMailTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String from;

	private final OutsideCall smtp;

	@Autowired
	SmtpMailTransport(JavaMailSender sender, @Value("${atlas.mail.from}") String from) {
		this(sender, from, OutsideCall.Policy.DEFAULT);
	}

	SmtpMailTransport(JavaMailSender sender, String from, OutsideCall.Policy policy) {
		this.sender = sender;
		this.from = from;
		this.smtp = OutsideCall.to("smtp", policy, MailAuthenticationException.class, MailParseException.class);
	}

	@Override
	public void send(OutgoingMail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		this.smtp.run(() -> this.sender.send(message));
	}

}
