package fr.atlas.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Buckets in Redis, shared by every node. Keys expire once their bucket would be full
 * again, so Redis keeps only the clients that are being limited.
 */
final class RedisThrottleBuckets implements ThrottleBuckets {

	private final ProxyManager<byte[]> proxies;

	private final String prefix;

	RedisThrottleBuckets(LettuceConnectionFactory connections, String prefix) {
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
		this.proxies = switch (connections.getNativeClient()) {
			case RedisClient client -> Bucket4jLettuce.casBasedBuilder(client).expirationAfterWrite(expiry).build();
			case RedisClusterClient client ->
				Bucket4jLettuce.casBasedBuilder(client).expirationAfterWrite(expiry).build();
			case null, default -> throw new IllegalStateException(
					"Rate limits in Redis need a Lettuce client, not " + connections.getNativeClient());
		};
		this.prefix = prefix;
	}

	@Override
	public Bucket bucket(String key, BucketConfiguration configuration) {
		return this.proxies.builder().build((this.prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

}
