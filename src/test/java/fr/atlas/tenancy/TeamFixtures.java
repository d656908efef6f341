package fr.atlas.tenancy;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.tenancy.internal.Invitations;

/**
 * Brings members of a given role into a test organisation, through the invitation API and
 * the link mailed to them.
 */
final class TeamFixtures {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invitations/accept\\?token=(inv_[\\w-]+))");

	private final ApiClient api;

	private final OutboxMailTransport outbox;

	private final Invitations invitations;

	TeamFixtures(ApiClient api, OutboxMailTransport outbox, Invitations invitations) {
		this.api = api;
		this.outbox = outbox;
		this.invitations = invitations;
	}

	record Joined(UUID userId, String email, String token) {
	}

	/** Invites through the API and returns the path of the link the invitee received. */
	String invite(Tenant by, String email, String role) {
		var response = this.api.post(by.token(), "/api/v1/members/invitations", Map.of("email", email, "role", role));
		if (response.getStatusCode().value() != 201) {
			throw new IllegalStateException("invitation failed: " + response);
		}
		return linkPath(email);
	}

	String linkPath(String email) {
		var mails = this.outbox.to(email);
		if (mails.isEmpty()) {
			throw new IllegalStateException("no mail to " + email);
		}
		Matcher matcher = LINK.matcher(mails.get(0).body());
		if (!matcher.find()) {
			throw new IllegalStateException("no invitation link in " + mails.get(0).body());
		}
		return matcher.group(1);
	}

	static String token(String linkPath) {
		return linkPath.substring(linkPath.indexOf("token=") + 6);
	}

	Joined join(Tenant org, String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
		String link = invite(org, email, role);
		var accepted = this.invitations.accept(token(link), "Member " + role, ApiClient.PASSWORD);
		return new Joined(accepted.userId().value(), email, this.api.token(email, ApiClient.PASSWORD));
	}

	static String uniqueEmail(String what) {
		return what + "-" + UUID.randomUUID() + "@example.test";
	}

}
