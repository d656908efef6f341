package fr.atlas.platform.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.atlas.platform.OutsideCall;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmtpMailTransportTests {

	private static final OutsideCall.Policy QUICK = new OutsideCall.Policy(3, Duration.ofMillis(1), 4,
			Duration.ofHours(1));

	private static final OutgoingMail MAIL = new OutgoingMail("camille@agence.test", "Bienvenue", "Bonjour");

	@Test
	void triesAgainAfterAPassingFailure() {
		Server server = new Server(new MailSendException("421 try later"), new MailSendException("timeout"));
		new SmtpMailTransport(server, "Atlas <no-reply@atlas.test>", QUICK).send(MAIL);
		assertThat(server.attempts).isEqualTo(3);
		assertThat(server.sent).singleElement().satisfies((message) -> {
			assertThat(message.getTo()).containsExactly("camille@agence.test");
			assertThat(message.getFrom()).isEqualTo("Atlas <no-reply@atlas.test>");
		});
	}

	@Test
	void doesNotRetryARefusedLogin() {
		Server server = new Server(new MailAuthenticationException("535 bad credentials"));
		SmtpMailTransport transport = new SmtpMailTransport(server, "no-reply@atlas.test", QUICK);
		assertThatExceptionOfType(MailAuthenticationException.class).isThrownBy(() -> transport.send(MAIL));
		assertThat(server.attempts).isEqualTo(1);
	}

	@Test
	void stopsCallingAServerThatIsDown() {
		Server server = new Server();
		server.down = true;
		SmtpMailTransport transport = new SmtpMailTransport(server, "no-reply@atlas.test", QUICK);
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> transport.send(MAIL));
		assertThat(server.attempts).as("every attempt of the first mail").isEqualTo(3);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> transport.send(MAIL));
		int afterTwoMails = server.attempts;
		assertThat(afterTwoMails).as("the breaker opened after 4 failed calls").isEqualTo(4);
		assertThatExceptionOfType(OutsideCall.Unavailable.class).isThrownBy(() -> transport.send(MAIL));
		assertThat(server.attempts).as("not called while open").isEqualTo(afterTwoMails);
	}

	@Test
	void isTheTransportWhenSmtpIsChosen() {
		new ApplicationContextRunner().withPropertyValues("atlas.mail.transport=smtp", "atlas.mail.from=a@atlas.test")
			.withBean(JavaMailSenderImpl.class)
			.withUserConfiguration(SmtpMailTransport.class)
			.run((context) -> assertThat(context).hasSingleBean(MailTransport.class)
				.getBean(MailTransport.class)
				.isInstanceOf(SmtpMailTransport.class));
	}

	/** An SMTP server failing with the given errors, one per attempt, then accepting. */
	private static final class Server extends JavaMailSenderImpl {

		private final List<MailException> failures;

		private final List<SimpleMailMessage> sent = new ArrayList<>();

		private int attempts;

		private boolean down;

		Server(MailException... failures) {
			this.failures = new ArrayList<>(List.of(failures));
		}

		@Override
		public void send(SimpleMailMessage message) {
			this.attempts++;
			if (this.down) {
				throw new MailSendException("connection refused");
			}
			if (!this.failures.isEmpty()) {
				throw this.failures.remove(0);
			}
			this.sent.add(message);
		}

	}

}
