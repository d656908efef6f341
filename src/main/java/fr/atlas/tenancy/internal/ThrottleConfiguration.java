package fr.atlas.tenancy.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Rate limits count in Redis when it is configured (its connection factory exists only
 * then), otherwise in this node's memory.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

	@Bean
	ThrottleBuckets throttleBuckets(ObjectProvider<LettuceConnectionFactory> redis,
			@Value("${atlas.redis.key-prefix}") String prefix, Clock clock) {
		LettuceConnectionFactory connections = redis.getIfAvailable();
		return (connections != null) ? new RedisThrottleBuckets(connections, prefix + "throttle:", clock)
				: new LocalThrottleBuckets();
	}

}
