package fr.atlas.platform.mail;

/**
 * Sends e-mail. {@code atlas.mail.transport=smtp} sends through {@code spring.mail.*};
 * {@code outbox} (demo and tests) keeps each mail in the database and shows it at
 * {@code /outbox}.
 */
public interface MailTransport {

	void send(OutgoingMail mail);

}
