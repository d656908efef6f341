package fr.atlas.platform.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;

import static fr.atlas.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code atlas.mail.transport=smtp}, mails wait in {@code mail_queue} and a
 * background job sends them: an invitation succeeds while the SMTP server is down, its
 * mail leaves once the server is back, exactly once, and a sent mail keeps no body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "atlas.mail.transport=smtp", "spring.mail.host=localhost", "atlas.mail.delivery-interval=200ms",
				"atlas.mail.max-attempts=3", "atlas.mail.pause-after-failures=1s" })
@DirtiesContext
class SmtpMailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SmtpServer server;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SmtpHealth health;

	@BeforeEach
	void serverAnswers() {
		this.server.down = false;
	}

	@Test
	void anInvitationIsMailedByTheQueue() {
		String invitee = invite("Agence du Courrier");
		Map<String, Object> row = await(() -> row(invitee), (r) -> r.get("sent_at") != null, "mail_queue row sent");
		assertThat(row).containsEntry("body", "").containsEntry("attempts", 1);
		assertThat(this.server.received(invitee)).singleElement().satisfies((message) -> {
			assertThat(message.getText()).contains("/invitations/accept?token=inv_");
			assertThat(message.getFrom()).isEqualTo("Atlas <no-reply@atlas.test>");
		});
	}

	@Test
	void aServerThatIsDownDelaysTheMailWithoutFailingTheInvitation() {
		this.server.down = true;
		String invitee = invite("Agence en Panne");
		Map<String, Object> failed = await(() -> row(invitee), (r) -> ((Integer) r.get("attempts")) >= 1,
				"a failed attempt");
		assertThat(failed.get("sent_at")).isNull();
		// the server's refusal, or the breaker's once earlier refusals opened it
		assertThat((String) failed.get("last_error")).containsAnyOf("connection refused", "smtp is unavailable");
		assertThat(((java.sql.Timestamp) failed.get("next_attempt_at")).toInstant())
			.as("tried again later, not at once")
			.isAfter(Instant.now().plusSeconds(30));
		assertThat((String) failed.get("body")).contains("/invitations/accept");

		assertThat(new ApiClient(this.port).getText("test-metrics-token", "/actuator/prometheus").getBody())
			.containsPattern("atlas_mail_queue_waiting\\{[^}]*\\} [1-9]")
			.containsPattern("atlas_outside_call_open\\{[^}]*service=\"smtp\"[^}]*\\} [01]");

		assertThat((Long) this.health.health().getDetails().get("waiting")).isPositive();

		this.server.down = false;
		this.jdbc.update("update mail_queue set next_attempt_at = now() where recipient = ?", invitee);
		await(() -> row(invitee), (r) -> r.get("sent_at") != null, "mail_queue row sent");
		assertThat(this.server.received(invitee)).hasSize(1);
	}

	@Test
	void mailsSentThroughSmtpAreShownToNobody() {
		String invitee = invite("Agence Discrète");
		await(() -> row(invitee), (r) -> r.get("sent_at") != null, "mail_queue row sent");
		var outbox = new ApiClient(this.port).getText(null, "/outbox");
		assertThat(outbox.getStatusCode().value()).isEqualTo(404);
		assertThat(outbox.getBody()).doesNotContain("invitations/accept");
	}

	@Test
	void smtpWithoutAServerStopsTheStartWithTheSettingToGive() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new SmtpMailTransport(null, " "))
			.withMessageContaining("SMTP_HOST")
			.withMessageContaining("ATLAS_MAIL_TRANSPORT=outbox");
	}

	@Test
	void aMailIsGivenUpAfterItsLastAttempt() {
		this.server.down = true;
		String invitee = invite("Agence Injoignable");
		for (int attempt = 1; attempt <= 3; attempt++) {
			int done = attempt;
			await(() -> row(invitee), (r) -> ((Integer) r.get("attempts")) >= done, "attempt " + done);
			this.jdbc.update("update mail_queue set next_attempt_at = now() where recipient = ?", invitee);
		}
		Map<String, Object> given = row(invitee);
		assertThat(given.get("failed_at")).isNotNull();
		assertThat(given).containsEntry("body", "");
		assertThat(this.server.received(invitee)).isEmpty();
	}

	private String invite(String organisation) {
		ApiClient api = new ApiClient(this.port);
		Tenant org = api.newOrganisation(organisation);
		String invitee = "invite-" + org.orgId() + "@agence.test";
		var invited = api.post(org.token(), "/api/v1/members/invitations", Map.of("email", invitee, "role", "AGENT"));
		assertThat(invited.getStatusCode().value()).as(String.valueOf(invited.getBody())).isEqualTo(201);
		return invitee;
	}

	private Map<String, Object> row(String recipient) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from mail_queue where recipient = ?",
				recipient);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	/**
	 * Stands for the SMTP server: records what it accepts, refuses everything while down.
	 */
	static final class SmtpServer extends JavaMailSenderImpl {

		private final List<SimpleMailMessage> accepted = new CopyOnWriteArrayList<>();

		volatile boolean down;

		@Override
		public void send(SimpleMailMessage message) {
			if (this.down) {
				throw new MailSendException("connection refused");
			}
			this.accepted.add(message);
		}

		List<SimpleMailMessage> received(String recipient) {
			return this.accepted.stream().filter((m) -> List.of(m.getTo()).contains(recipient)).toList();
		}

	}

	@TestConfiguration
	static class Server {

		@Bean
		@Primary
		SmtpServer smtpServer() {
			return new SmtpServer();
		}

	}

}
