package fr.atlas.tenancy.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords count towards a lock only within the lockout's window (15 minutes here)
 * of the one before, for an account and for an address without one alike, and the rows
 * kept for addresses without an account are purged once they count for nothing. Failures
 * are made older by moving their time back in the database.
 */
@WebIntegrationTest
class SignInFailureWindowIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	PasswordLogin login;

	@Test
	void failuresOlderThanTheWindowNoLongerCountTowardsALock() throws Exception {
		Tenant org = this.api.newOrganisation("Agence Échecs Anciens");
		String nobody = "personne-" + UUID.randomUUID() + "@example.test";
		for (String email : new String[] { org.email(), nobody }) {
			for (int i = 0; i < 4; i++) {
				assertThat(status(wrongPassword(email))).as(email).isEqualTo(401);
			}
		}
		// those four were 20 minutes ago
		try (Connection owner = new DatabaseRoles(this.environment).owner()) {
			try (var account = owner.prepareStatement(
					"update app_user set last_failed_login_at = last_failed_login_at - interval '20 minutes'"
							+ " where id = ?")) {
				account.setObject(1, org.userId());
				assertThat(account.executeUpdate()).isEqualTo(1);
			}
			try (var address = owner.prepareStatement(
					"update login_failure set last_failed_at = last_failed_at - interval '20 minutes' where address_key = ?")) {
				address.setString(1, key(nobody));
				assertThat(address.executeUpdate()).isEqualTo(1);
			}
		}
		// four more are four in a row, not eight: no lock, for either
		for (String email : new String[] { org.email(), nobody }) {
			for (int i = 0; i < 4; i++) {
				assertThat(status(wrongPassword(email))).as(email + " #" + i).isEqualTo(401);
			}
		}
		assertThat(this.jdbc.sql("select failures from login_failure where address_key = ?")
			.param(key(nobody))
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(status(this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", org.email(), "password", ApiClient.PASSWORD, "name", "x"))))
			.isEqualTo(201);
		// and a fifth within the window still locks
		for (int i = 0; i < 5; i++) {
			wrongPassword(nobody);
		}
		assertThat(status(wrongPassword(nobody))).isEqualTo(429);
	}

	@Test
	void theRowsOfAddressesWithoutAnAccountArePurgedOnceTheyCountForNothing() {
		Instant now = Instant.now();
		String stale = UUID.randomUUID().toString();
		String staleEndedLock = UUID.randomUUID().toString();
		String recent = UUID.randomUUID().toString();
		String locked = UUID.randomUUID().toString();
		insert(stale, 3, null, now.minus(Duration.ofMinutes(16)));
		insert(staleEndedLock, 0, now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofMinutes(16)));
		insert(recent, 2, null, now.minus(Duration.ofMinutes(14)));
		insert(locked, 0, now.plus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(16)));

		assertThat(this.login.forgetStaleFailures()).isGreaterThanOrEqualTo(2);

		assertThat(this.jdbc.sql("select address_key from login_failure where address_key in (?, ?, ?, ?)")
			.params(stale, staleEndedLock, recent, locked)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(recent, locked);
	}

	private void insert(String key, int failures, Instant lockedUntil, Instant lastFailedAt) {
		this.jdbc
			.sql("insert into login_failure (address_key, failures, locked_until, last_failed_at) values (?, ?, ?, ?)")
			.params(key, failures, (lockedUntil != null) ? Timestamp.from(lockedUntil) : null,
					Timestamp.from(lastFailedAt))
			.update();
	}

	private ResponseEntity<?> wrongPassword(String email) {
		return this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", email, "password", "wrong-password", "name", "x"));
	}

	private static String key(String email) {
		return SecretTokens.hash(email.toLowerCase(Locale.ROOT));
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

}
