package fr.atlas.platform.mail;

import java.time.Duration;

import fr.atlas.platform.OutsideCall;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SmtpHealthTests {

	@Test
	void isDownWhileTheServerIsLeftAlone() {
		MailQueue queue = mock(MailQueue.class);
		given(queue.waiting()).willReturn(2.0);
		JavaMailSenderImpl refusing = new JavaMailSenderImpl() {
			@Override
			public void send(SimpleMailMessage message) {
				throw new MailSendException("connection refused");
			}
		};
		SmtpDelivery delivery = new SmtpDelivery(queue, refusing, "no-reply@atlas.test",
				new OutsideCall.Policy(1, Duration.ofMillis(1), 2, Duration.ofHours(1)));
		SmtpHealth health = new SmtpHealth(delivery, queue);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		OutgoingMail mail = new OutgoingMail("camille@agence.test", "Bonjour", "…");
		catchThrowable(() -> delivery.send(mail));
		catchThrowable(() -> delivery.send(mail));

		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health().getDetails()).containsEntry("waiting", 2L);
	}

}
