package fr.atlas.platform.internal;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration extends AbstractJdbcConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new TenantAwareTransactionManager(dataSource);
	}

	@Override
	protected List<?> userConverters() {
		return List.of(new OrgIdWriter(), new OrgIdReader(), new UserIdWriter(), new UserIdReader());
	}

	@WritingConverter
	static final class OrgIdWriter implements Converter<OrgId, UUID> {

		@Override
		public UUID convert(OrgId source) {
			return source.value();
		}

	}

	@ReadingConverter
	static final class OrgIdReader implements Converter<UUID, OrgId> {

		@Override
		public OrgId convert(UUID source) {
			return OrgId.of(source);
		}

	}

	@WritingConverter
	static final class UserIdWriter implements Converter<UserId, UUID> {

		@Override
		public UUID convert(UserId source) {
			return source.value();
		}

	}

	@ReadingConverter
	static final class UserIdReader implements Converter<UUID, UserId> {

		@Override
		public UserId convert(UUID source) {
			return UserId.of(source);
		}

	}

}
