package fr.atlas.tenancy.internal;

import java.time.Duration;

import fr.atlas.platform.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LoginThrottleTests {

	LoginThrottle throttle = new LoginThrottle(new LocalThrottleBuckets(),
			new SecurityProperties(12, 5, Duration.ofMinutes(15), 3, 2, true, null));

	@Test
	void refusesTheAttemptAfterTheLimitWithADelay() {
		for (int i = 0; i < 3; i++) {
			this.throttle.login("10.0.0.1");
		}
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.throttle.login("10.0.0.1"))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.retryAfterSeconds()).isBetween(1L, 60L));
	}

	@Test
	void countsEachClientAddressApart() {
		this.throttle.signup("10.0.0.2");
		this.throttle.signup("10.0.0.2");
		assertThatNoException().isThrownBy(() -> this.throttle.signup("10.0.0.3"));
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.throttle.signup("10.0.0.2"));
	}

	@Test
	void aSignupRefusedForItsFormGivesItsCountBackButNotItsAttempt() {
		// two sign-ups an hour, so twenty attempts
		for (int i = 0; i < 19; i++) {
			this.throttle.signup("10.0.0.4");
			this.throttle.refundSignup("10.0.0.4");
		}
		assertThatNoException().isThrownBy(() -> this.throttle.signup("10.0.0.4"));
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.throttle.signup("10.0.0.4"));
	}

	@Test
	void aRefundNeverGoesBeyondTheLimit() {
		this.throttle.refundSignup("10.0.0.5");
		this.throttle.refundSignup("10.0.0.5");
		this.throttle.signup("10.0.0.5");
		this.throttle.signup("10.0.0.5");
		assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> this.throttle.signup("10.0.0.5"));
	}

}
