package fr.atlas.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per data directory and JVM, shared by every application context
 * of that JVM (tests start several). It is stopped by a Spring Boot shutdown handler,
 * which runs after the contexts are closed: zonky's own JVM hook would stop it while the
 * event publication registry still needs a connection.
 */
final class EmbeddedDatabase {

	static final String DATABASE = "atlas";

	static final String OWNER_ROLE = "atlas_owner";

	static final String APP_ROLE = "atlas_app";

	static final String PASSWORD = "embedded";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Map<String, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase obtain(String dataDirectory, int port, String sharedBuffers,
			org.apache.commons.logging.Log startLog) {
		return RUNNING.computeIfAbsent(dataDirectory, (key) -> start(key, port, sharedBuffers, startLog));
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	private static EmbeddedDatabase start(String dataDirectory, int port, String sharedBuffers,
			org.apache.commons.logging.Log startLog) {
		try {
			boolean ephemeral = dataDirectory.isBlank();
			Path directory = ephemeral ? Files.createTempDirectory("atlas-pg")
					: Path.of(dataDirectory).toAbsolutePath();
			Files.createDirectories(directory);
			if (!ephemeral) {
				LeftoverServer.stopIfOrphaned(directory, startLog);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(ephemeral)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				// a fresh data directory has no WAL segments to recycle yet: each new
				// 16 MB segment was written full of zeros first, a twentieth of the
				// server's CPU in an import (ADR 0019)
				.setServerConfig("wal_init_zero", "off")
				// PostgreSQL's 128 MB is for the smallest machines: a million-row import
				// then evicts its own agency pages and reads them back; 512 MB took a
				// tenth off the server's CPU in that import (ADR 0022)
				.setServerConfig("shared_buffers", sharedBuffers)
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			createRolesAndDatabase(postgres);
			EmbeddedDatabase database = new EmbeddedDatabase(postgres);
			SpringApplication.getShutdownHandlers().add(database::stop);
			startLog.info("Embedded PostgreSQL on port " + postgres.getPort() + " with data in "
					+ (ephemeral ? "a temporary directory" : directory));
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
		}
	}

	private static void createRolesAndDatabase(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// The owner bypasses RLS only inside its narrow SECURITY DEFINER functions
			// (see docs/adr/0003); the app role is what the application connects as.
			statement.execute("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = '%1$s') then
					    create role %1$s login password '%3$s' bypassrls;
					  end if;
					  if not exists (select from pg_roles where rolname = '%2$s') then
					    create role %2$s login password '%3$s' nosuperuser nobypassrls;
					  end if;
					end $$""".formatted(OWNER_ROLE, APP_ROLE, PASSWORD));
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the embedded database", ex);
		}
	}

	private void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
