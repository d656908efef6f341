package fr.atlas.tenancy.internal;

import java.time.Duration;

import fr.atlas.platform.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Rate limits, per client address, the endpoints that take a password or create accounts.
 * Per-account lockout is kept in the database by {@link PasswordLogin}.
 */
@Component
class LoginThrottle {

	private final ThrottleBuckets buckets;

	private final SecurityProperties properties;

	LoginThrottle(ThrottleBuckets buckets, SecurityProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	void login(String clientIp) {
		consume("login:" + clientIp, this.properties.loginAttemptsPerMinutePerIp(), Duration.ofMinutes(1));
	}

	/**
	 * Counts a sign-up against the limit per address and hour, once the attempts of the
	 * hour, ten times as many, allow it. A sign-up refused for its form gives its count
	 * back ({@link #refundSignup}): a person correcting a weak password or a typo in the
	 * e-mail used up the hour's sign-ups of everyone behind their address (ADR 0111). The
	 * attempts are never given back, so bad sign-ups sent in a loop are still stopped.
	 */
	void signup(String clientIp) {
		consume("signup-attempt:" + clientIp, ATTEMPTS_PER_SIGNUP * this.properties.signupsPerHourPerIp(),
				Duration.ofHours(1));
		consume("signup:" + clientIp, this.properties.signupsPerHourPerIp(), Duration.ofHours(1));
	}

	void refundSignup(String clientIp) {
		this.buckets.refund("signup:" + clientIp, limit(this.properties.signupsPerHourPerIp(), Duration.ofHours(1)));
	}

	/** How many attempts, refused ones included, an hour's sign-ups allow. */
	static final int ATTEMPTS_PER_SIGNUP = 10;

	private static BucketConfiguration limit(int capacity, Duration period) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

	private void consume(String key, int capacity, Duration period) {
		BucketConfiguration limit = limit(capacity, period);
		ConsumptionProbe probe = this.buckets.consume(key, limit);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

}
