package fr.atlas.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's end is worked out from the application's clock, and the lookup refuses it by
 * that same clock, not by the database's {@code now()}: under a clock years away from the
 * database's time a token lives its days, and no more.
 */
@WebIntegrationTest
class TokenExpiryClockIntegrationTests {

	/** Years before the database's time: the database alone would call any token dead. */
	static final Instant START = Instant.parse("2020-03-01T10:00:00Z");

	@Autowired
	ApiClient api;

	@Autowired
	SettableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.set(START);
	}

	@Test
	void aTokenLivesItsDaysByTheApplicationsClock() {
		var tenant = this.api.newOrganisation("Jetons à l'heure");
		var issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "ci", "expiresInDays", 30));
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String token = (String) issued.getBody().get("token");

		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		Map<?, ?> listed = (Map<?, ?>) this.api.getList(token, "/api/v1/tokens").getBody().get(0);
		assertThat(listed.get("expiresAt")).isEqualTo("2020-03-31T10:00:00Z");

		this.clock.set(START.plus(Duration.ofDays(30)).minusSeconds(1));
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		// its end come by the clock: refused as a revoked one
		this.clock.set(START.plus(Duration.ofDays(30)));
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockAtStart {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock(START);
		}

	}

	/** A clock a test moves. */
	static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
