package fr.atlas.support;

import fr.atlas.prospects.ProspectsApi;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tests of {@link WebIntegrationTest} autowire to drive the application: an
 * {@link ApiClient}, made on first use once the server listens and its random port is
 * known, the {@link ProspectsApi} over it, {@link TestMembers} to add members and
 * {@link TenantSql} to read and write rows as an organisation. Beans here rather than
 * made by each test class, whose set-up was these same lines.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiClientConfiguration {

	@Bean
	@Lazy
	ApiClient apiClient(Environment environment) {
		return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	@Lazy
	ProspectsApi prospectsApi(ApiClient api) {
		return new ProspectsApi(api);
	}

	@Bean
	TestMembers testMembers(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords) {
		return new TestMembers(jdbc, transactions, passwords);
	}

	@Bean
	TenantSql tenantSql(JdbcClient jdbc, TransactionTemplate transactions) {
		return new TenantSql(jdbc, transactions);
	}

}
