package fr.atlas.platform.internal;

import java.util.List;
import java.util.UUID;

import fr.atlas.cases.CaseId;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.prospects.ProspectId;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed id goes to the database as its UUID and comes back as the same id, through
 * the converters Spring Data JDBC uses. Boot's {@code @DataJdbcTest} slice is not among
 * the project's dependencies, so this runs in the shared application context.
 */
@WebIntegrationTest
class TypedIdsIntegrationTests {

	@Autowired
	JdbcConverter converter;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsEveryIdType() {
		assertThat(TypedIds.in(List.of("fr.atlas")).types()).containsExactlyInAnyOrder(OrgId.class, UserId.class,
				ProspectId.class, CaseId.class);
	}

	@Test
	void roundTripsEveryIdTypeThroughTheDatabase() {
		for (Class<?> type : TypedIds.in(List.of("fr.atlas")).types()) {
			UUID uuid = UUID.randomUUID();
			Object id = this.converter.readValue(uuid, TypeInformation.of(type));
			assertThat(id).isInstanceOf(type);

			Object written = this.converter.writeValue(id, TypeInformation.of(UUID.class));
			assertThat(written).isEqualTo(uuid);

			UUID stored = this.jdbc.sql("select cast(:id as uuid)").param("id", written).query(UUID.class).single();
			assertThat(this.converter.readValue(stored, TypeInformation.of(type))).as(type.getSimpleName())
				.isEqualTo(id);
		}
	}

}
