package fr.atlas.tenancy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions kept in PostgreSQL (ADR 0014) write their attributes with an upsert. The
 * generic statements insert a new attribute and fail when a request of the same session
 * inserted it a moment earlier: two clicks at once on a form that leaves a notice (a
 * flash attribute) answered the second with a 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
