package fr.atlas.tenancy.internal;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in this node's memory: enough for one node, each node counting alone otherwise.
 */
final class LocalThrottleBuckets implements ThrottleBuckets {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(2, TimeUnit.HOURS)
		.maximumSize(100_000)
		.build();

	@Override
	public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
		return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
	}

	@Override
	public void refund(String key, BucketConfiguration configuration) {
		bucket(key, configuration).addTokens(1);
	}

	private Bucket bucket(String key, BucketConfiguration configuration) {
		return this.buckets.get(key, (k) -> {
			var builder = Bucket.builder();
			for (Bandwidth limit : configuration.getBandwidths()) {
				builder.addLimit(limit);
			}
			return builder.build();
		});
	}

}
