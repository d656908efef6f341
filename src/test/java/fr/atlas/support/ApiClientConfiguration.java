package fr.atlas.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * An {@link ApiClient} for the tests of {@link WebIntegrationTest}: made on first use,
 * once the server listens and its random port is known.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiClientConfiguration {

	@Bean
	@Lazy
	ApiClient apiClient(Environment environment) {
		return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

}
