package fr.atlas.platform.internal;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration extends AbstractJdbcConfiguration {

	private final BeanFactory beanFactory;

	PersistenceConfiguration(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new TenantAwareTransactionManager(dataSource);
	}

	/**
	 * Every typed id of the application's packages, through one generic pair rather than
	 * a pair per id type.
	 */
	@Override
	protected List<?> userConverters() {
		return TypedIds.in(AutoConfigurationPackages.get(this.beanFactory)).converters();
	}

}
