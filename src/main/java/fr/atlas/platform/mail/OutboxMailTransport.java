package fr.atlas.platform.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local fake of {@link MailTransport}: mails land in {@code mail_outbox}, which the
 * demo outbox page lists, so password resets and invitations work with no SMTP server.
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "outbox")
public class OutboxMailTransport implements MailTransport {

	private final JdbcClient jdbc;

	OutboxMailTransport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void send(OutgoingMail mail) {
		this.jdbc.sql("insert into mail_outbox (id, recipient, subject, body) values (?, ?, ?, ?)")
			.params(UUID.randomUUID(), mail.to(), mail.subject(), mail.body())
			.update();
	}

	public List<StoredMail> latest(int limit) {
		return this.jdbc
			.sql("select id, recipient, subject, body, created_at from mail_outbox order by created_at desc limit ?")
			.param(limit)
			.query((rs, row) -> new StoredMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public List<StoredMail> to(String recipient) {
		return latest(500).stream().filter((mail) -> mail.recipient().equalsIgnoreCase(recipient)).toList();
	}

	public record StoredMail(UUID id, String recipient, String subject, String body, Instant createdAt) {
	}

}
