package fr.atlas.platform.internal;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

import static fr.atlas.platform.internal.OptionalServicesEnvironment.RABBIT;
import static fr.atlas.platform.internal.OptionalServicesEnvironment.REDIS;
import static fr.atlas.platform.internal.OptionalServicesEnvironment.SESSIONS_IN_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

class OptionalServicesEnvironmentTests {

	@Test
	void excludesRedisAndRabbitWithoutTheirHosts() {
		MockEnvironment environment = new MockEnvironment();
		assertThat(excludesAfterPostProcessing(environment)).containsExactlyElementsOf(both(REDIS, RABBIT));
		assertThat(readiness(environment)).isEmpty();
	}

	@Test
	void anEmptyHostCountsAsNone() {
		assertThat(excludesAfterPostProcessing(new MockEnvironment().withProperty("spring.rabbitmq.host", " ")
			.withProperty("spring.data.redis.host", ""))).containsExactlyElementsOf(both(REDIS, RABBIT));
	}

	@Test
	void keepsWhatIsAlreadyExcluded() {
		MockEnvironment commaSeparated = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"org.example.OneAutoConfiguration,org.example.TwoAutoConfiguration");
		assertThat(excludesAfterPostProcessing(commaSeparated))
			.startsWith("org.example.OneAutoConfiguration", "org.example.TwoAutoConfiguration")
			.containsAll(both(REDIS, RABBIT))
			.hasSize(2 + REDIS.size() + RABBIT.size());
		MockEnvironment indexed = new MockEnvironment()
			.withProperty("spring.autoconfigure.exclude[0]", "org.example.OneAutoConfiguration")
			.withProperty("spring.autoconfigure.exclude[1]", RABBIT.get(0));
		assertThat(excludesAfterPostProcessing(indexed)).startsWith("org.example.OneAutoConfiguration")
			.containsAll(both(REDIS, RABBIT))
			.doesNotHaveDuplicates()
			.hasSize(1 + REDIS.size() + RABBIT.size());
	}

	@Test
	void leavesRabbitOnWithAHost() {
		assertThat(excludesAfterPostProcessing(new MockEnvironment().withProperty("spring.rabbitmq.host", "rabbit")))
			.containsExactlyElementsOf(REDIS);
	}

	@Test
	void movesSessionsToRedisAndMakesItPartOfReadinessWithAHost() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.host", "redis")
			.withProperty("management.endpoint.health.group.readiness.include", "readinessState,db");
		assertThat(excludesAfterPostProcessing(environment))
			.containsExactlyElementsOf(both(SESSIONS_IN_DATABASE, RABBIT));
		assertThat(readiness(environment)).containsExactly("readinessState", "db", "redis");
	}

	@Test
	void namesBootsAutoConfigurations() {
		// a rename in a Boot upgrade would silently switch Redis or RabbitMQ back on
		// everywhere
		assertThat(both(both(REDIS, RABBIT), SESSIONS_IN_DATABASE))
			.allSatisfy((name) -> assertThat(ClassUtils.isPresent(name, null)).as(name).isTrue());
	}

	private static List<String> both(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

	private static List<String> excludesAfterPostProcessing(MockEnvironment environment) {
		new OptionalServicesEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	private static List<String> readiness(MockEnvironment environment) {
		return Binder.get(environment)
			.bind("management.endpoint.health.group.readiness.include", Bindable.listOf(String.class))
			.orElse(List.of());
	}

}
