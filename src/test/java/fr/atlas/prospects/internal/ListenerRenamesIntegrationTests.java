package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that moves incomplete event publications from a renamed listener's old id
 * to its new one (V4_36, ADR 0072): each new id is the one the registry computes for a
 * listener method of today, no method has an old id any more, and the migration moves the
 * incomplete publications stored before it ran and leaves the completed ones.
 */
@WebIntegrationTest
class ListenerRenamesIntegrationTests {

	static final String MIGRATION = "db/migration/prospects/V4_36__publications_follow_renamed_listeners.sql";

	private static final Pattern RENAME = Pattern.compile("\\(\\s*'([^']+)',\\s*'([^']+)'\\s*\\)");

	@Autowired
	Environment environment;

	@Test
	void eachNewIdIsTheIdOfAListenerMethodOfToday() throws Exception {
		Map<String, String> renames = renames();
		assertThat(renames).hasSize(3);
		for (Map.Entry<String, String> rename : renames.entrySet()) {
			List<String> ids = listenerIds(rename.getValue());
			assertThat(ids).as("the listeners of " + rename.getValue()).contains(rename.getValue());
			assertThat(ids).doesNotContain(rename.getKey());
		}
	}

	@Test
	void movesTheIncompletePublicationsStoredBeforeItRan() throws Exception {
		// a schema of its own, migrated as the previous version left it, then to today
		String schema = "renamed_listeners_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DatabaseRoles roles = new DatabaseRoles(this.environment);
		try {
			flyway(schema, "4.35").migrate();
			Map<String, String> renames = renames();
			String old = renames.keySet().iterator().next();
			UUID incomplete = UUID.randomUUID();
			UUID completed = UUID.randomUUID();
			try (Connection owner = roles.owner()) {
				insert(owner, schema, incomplete, old, false);
				insert(owner, schema, completed, old, true);
			}
			flyway(schema, "latest").migrate();
			try (Connection owner = roles.owner()) {
				assertThat(listenerId(owner, schema, incomplete)).isEqualTo(renames.get(old));
				assertThat(listenerId(owner, schema, completed)).isEqualTo(old);
			}
		}
		finally {
			try (Connection owner = roles.owner(); Statement drop = owner.createStatement()) {
				drop.execute("drop schema if exists " + schema + " cascade");
			}
		}
	}

	private Flyway flyway(String schema, String target) {
		return Flyway.configure()
			.dataSource(this.environment.getRequiredProperty("spring.datasource.url"),
					this.environment.getRequiredProperty("spring.flyway.user"),
					this.environment.getRequiredProperty("spring.flyway.password"))
			.schemas(schema)
			.locations("classpath:db/migration")
			.placeholders(Map.of("app_role", new DatabaseRoles(this.environment).appRole()))
			.outOfOrder(true)
			.target(target)
			.load();
	}

	private static void insert(Connection owner, String schema, UUID id, String listenerId, boolean completed)
			throws SQLException {
		try (PreparedStatement insert = owner.prepareStatement("insert into " + schema + ".event_publication "
				+ "(id, listener_id, event_type, serialized_event, publication_date, completion_date, status) "
				+ "values (?, ?, 'fr.atlas.prospects.ImportJobQueued', '{}', now(), "
				+ (completed ? "now(), 'COMPLETED'" : "null, 'PUBLISHED'") + ")")) {
			insert.setObject(1, id);
			insert.setString(2, listenerId);
			insert.executeUpdate();
		}
	}

	private static String listenerId(Connection owner, String schema, UUID id) throws SQLException {
		try (PreparedStatement select = owner
			.prepareStatement("select listener_id from " + schema + ".event_publication where id = ?")) {
			select.setObject(1, id);
			try (ResultSet result = select.executeQuery()) {
				assertThat(result.next()).isTrue();
				return result.getString(1);
			}
		}
	}

	/** The old and new ids the migration names, in its order. */
	private static Map<String, String> renames() throws IOException {
		String sql;
		try (InputStream in = ListenerRenamesIntegrationTests.class.getClassLoader().getResourceAsStream(MIGRATION)) {
			assertThat(in).as(MIGRATION).isNotNull();
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> renames = new LinkedHashMap<>();
		Matcher matcher = RENAME.matcher(sql);
		while (matcher.find()) {
			renames.put(matcher.group(1), matcher.group(2));
		}
		return renames;
	}

	/**
	 * The ids the publication registry stores for the transactional listener methods of
	 * the class an id names: Spring Modulith takes {@code getListenerId()} of Spring's
	 * adapter for the method ({@code PersistentApplicationEventMulticaster}), which is
	 * what is computed here.
	 */
	private static List<String> listenerIds(String id) throws ClassNotFoundException {
		String qualified = id.substring(0, id.indexOf('('));
		Class<?> type = Class.forName(qualified.substring(0, qualified.lastIndexOf('.')));
		List<String> ids = new ArrayList<>();
		for (Method method : type.getDeclaredMethods()) {
			if (AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class)) {
				String listenerId = new TransactionalApplicationListenerMethodAdapter("listener", type, method)
					.getListenerId();
				ids.add(PublicationTargetIdentifier.of(listenerId).getValue());
			}
		}
		return ids;
	}

}
