package fr.atlas.platform.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp")
class SmtpMailTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String from;

	SmtpMailTransport(JavaMailSender sender, @Value("${atlas.mail.from}") String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(OutgoingMail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		this.sender.send(message);
	}

}
