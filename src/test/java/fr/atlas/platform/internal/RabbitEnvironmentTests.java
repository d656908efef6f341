package fr.atlas.platform.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class RabbitEnvironmentTests {

	@Test
	void excludesRabbitWithoutAHost() {
		assertThat(excludesAfterPostProcessing(new MockEnvironment()))
			.containsExactlyElementsOf(RabbitEnvironment.AUTO_CONFIGURATIONS);
	}

	@Test
	void anEmptyHostCountsAsNone() {
		assertThat(excludesAfterPostProcessing(new MockEnvironment().withProperty("spring.rabbitmq.host", " ")))
			.containsExactlyElementsOf(RabbitEnvironment.AUTO_CONFIGURATIONS);
	}

	@Test
	void keepsWhatIsAlreadyExcluded() {
		MockEnvironment commaSeparated = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"org.example.OneAutoConfiguration,org.example.TwoAutoConfiguration");
		assertThat(excludesAfterPostProcessing(commaSeparated))
			.startsWith("org.example.OneAutoConfiguration", "org.example.TwoAutoConfiguration")
			.containsAll(RabbitEnvironment.AUTO_CONFIGURATIONS)
			.hasSize(5);
		MockEnvironment indexed = new MockEnvironment()
			.withProperty("spring.autoconfigure.exclude[0]", "org.example.OneAutoConfiguration")
			.withProperty("spring.autoconfigure.exclude[1]", RabbitEnvironment.AUTO_CONFIGURATIONS.get(0));
		assertThat(excludesAfterPostProcessing(indexed)).startsWith("org.example.OneAutoConfiguration")
			.containsAll(RabbitEnvironment.AUTO_CONFIGURATIONS)
			.doesNotHaveDuplicates()
			.hasSize(4);
	}

	@Test
	void leavesRabbitOnWithAHost() {
		assertThat(excludesAfterPostProcessing(new MockEnvironment().withProperty("spring.rabbitmq.host", "rabbit")))
			.isEmpty();
	}

	@Test
	void namesBootsRabbitAutoConfigurations() {
		// a rename in a Boot upgrade would silently switch RabbitMQ back on everywhere
		assertThat(RabbitEnvironment.AUTO_CONFIGURATIONS)
			.allSatisfy((name) -> assertThat(ClassUtils.isPresent(name, null)).as(name).isTrue());
	}

	private static List<String> excludesAfterPostProcessing(MockEnvironment environment) {
		new RabbitEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of());
	}

}
