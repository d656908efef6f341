package fr.atlas.tenancy.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.atlas.platform.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Rate limits, per client address, the endpoints that take a password or create accounts.
 * Per-account lockout is kept in the database by {@link PasswordLogin}.
 */
@Component
class LoginThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(2, TimeUnit.HOURS)
		.maximumSize(100_000)
		.build();

	private final SecurityProperties properties;

	LoginThrottle(SecurityProperties properties) {
		this.properties = properties;
	}

	void login(String clientIp) {
		consume("login:" + clientIp, this.properties.loginAttemptsPerMinutePerIp(), Duration.ofMinutes(1));
	}

	void signup(String clientIp) {
		consume("signup:" + clientIp, this.properties.signupsPerHourPerIp(), Duration.ofHours(1));
	}

	private void consume(String key, int capacity, Duration period) {
		Bucket bucket = this.buckets.get(key,
				(k) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

}
