package fr.atlas.tenancy.internal;

import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The browser sessions a member is signed in with, found by the id sessions are indexed
 * by ({@link MemberPrincipal#getName()}).
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	SignedInSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Signs the member out everywhere but in the session given: after a new password,
	 * whoever knew the old one loses what it opened.
	 */
	void endAll(UserId member, @Nullable String except) {
		this.sessions.findByPrincipalName(member.value().toString())
			.keySet()
			.stream()
			.filter((id) -> !id.equals(except))
			.forEach(this.sessions::deleteById);
	}

}
