package fr.atlas.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import fr.atlas.platform.OutsideCall;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Buckets in Redis, shared by every node. Keys expire once their bucket would be full
 * again, so Redis keeps only the clients that are being limited. While Redis cannot be
 * reached the limits let requests through (and say so in the log once a minute): a rate
 * limit protects the service, it must not be what takes the API down.
 */
final class RedisThrottleBuckets implements ThrottleBuckets {

	private static final Logger logger = LoggerFactory.getLogger(RedisThrottleBuckets.class);

	private static final Duration WARN_EVERY = Duration.ofMinutes(1);

	private final LettuceConnectionFactory connections;

	private final String prefix;

	private final Clock clock;

	/**
	 * One attempt per request, and after a failure Redis is left alone for a few seconds,
	 * so an outage does not add a timeout to every request.
	 */
	private final OutsideCall redis = OutsideCall.to("redis-rate-limits",
			new OutsideCall.Policy(1, Duration.ofMillis(1), 1, Duration.ofSeconds(5)));

	private volatile @Nullable ProxyManager<byte[]> proxies;

	private volatile Instant warned = Instant.MIN;

	RedisThrottleBuckets(LettuceConnectionFactory connections, String prefix, Clock clock) {
		this.connections = connections;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
		try {
			return this.redis.call(() -> proxies().builder()
				.build((this.prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
				.tryConsumeAndReturnRemaining(1));
		}
		catch (RuntimeException ex) {
			unreachable(ex);
			return ConsumptionProbe.consumed(configuration.getBandwidths()[0].getCapacity(), 0);
		}
	}

	@Override
	public void refund(String key, BucketConfiguration configuration) {
		try {
			this.redis.call(() -> {
				proxies().builder()
					.build((this.prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
					.addTokens(1);
				return null;
			});
		}
		catch (RuntimeException ex) {
			unreachable(ex);
		}
	}

	// made on first use, so that a Redis away at start-up does not stop the application
	private ProxyManager<byte[]> proxies() {
		ProxyManager<byte[]> made = this.proxies;
		if (made == null) {
			synchronized (this) {
				made = this.proxies;
				if (made == null) {
					made = connect();
					this.proxies = made;
				}
			}
		}
		return made;
	}

	private ProxyManager<byte[]> connect() {
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
		return switch (this.connections.getNativeClient()) {
			case RedisClient client -> Bucket4jLettuce.casBasedBuilder(client).expirationAfterWrite(expiry).build();
			case RedisClusterClient client ->
				Bucket4jLettuce.casBasedBuilder(client).expirationAfterWrite(expiry).build();
			case null, default -> throw new IllegalStateException(
					"Rate limits in Redis need a Lettuce client, not " + this.connections.getNativeClient());
		};
	}

	private void unreachable(RuntimeException ex) {
		Instant now = this.clock.instant();
		if (now.isAfter(this.warned.plus(WARN_EVERY))) {
			this.warned = now;
			logger.warn("Rate limits not counted, Redis cannot be reached: {}", ex.toString());
		}
	}

}
