package fr.atlas.tenancy.internal;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RedisThrottleBucketsTests {

	@Test
	void letsRequestsThroughWhileRedisCannotBeReached() {
		// port 1 on this machine: nothing listens there
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder()
					.commandTimeout(Duration.ofMillis(300))
					.clientOptions(ClientOptions.builder()
						.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(300)).build())
						.build())
					.build());
		unreachable.afterPropertiesSet();
		try {
			RedisThrottleBuckets buckets = new RedisThrottleBuckets(unreachable, "test:", Clock.systemUTC());
			BucketConfiguration three = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofMinutes(1)).build())
				.build();
			long started = System.nanoTime();
			for (int i = 0; i < 50; i++) {
				ConsumptionProbe probe = buckets.consume("login:203.0.113.9", three);
				assertThat(probe.isConsumed()).isTrue();
				assertThat(probe.getRemainingTokens()).isEqualTo(3);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started))
				.as("one connection attempt, then Redis is left alone: no timeout per request")
				.isLessThan(Duration.ofSeconds(10));
		}
		finally {
			unreachable.destroy();
		}
	}

}
