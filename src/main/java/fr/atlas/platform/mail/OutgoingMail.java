package fr.atlas.platform.mail;

/**
 * An e-mail to send: plain text, one recipient.
 */
public record OutgoingMail(String to, String subject, String body) {

	public OutgoingMail {
		if (to == null || to.isBlank()) {
			throw new IllegalArgumentException("A mail needs a recipient");
		}
	}

}
