package fr.atlas.tenancy.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the rate limits keep their token buckets: in this node's memory, or in Redis when
 * it is configured, so that every node counts the same requests (ADR 0014).
 */
interface ThrottleBuckets {

	/**
	 * Takes one token from the bucket of a key, made with the configuration the first
	 * time it is asked for.
	 */
	ConsumptionProbe consume(String key, BucketConfiguration configuration);

	/**
	 * Gives back the token a request took that, as it turned out, does not count (a
	 * sign-up refused for its form, ADR 0111); never beyond the bucket's capacity.
	 */
	void refund(String key, BucketConfiguration configuration);

}
