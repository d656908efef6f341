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

	void signup(String clientIp) {
		consume("signup:" + clientIp, this.properties.signupsPerHourPerIp(), Duration.ofHours(1));
	}

	private void consume(String key, int capacity, Duration period) {
		BucketConfiguration limit = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
		ConsumptionProbe probe = this.buckets.consume(key, limit);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

}
