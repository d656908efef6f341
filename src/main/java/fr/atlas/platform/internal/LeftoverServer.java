package fr.atlas.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;

/**
 * A PostgreSQL server left running on a data directory by an application that was killed
 * ({@code kill -9}, out of memory): {@code pg_ctl} detached it from the application, so
 * it outlives it, holds the directory, and the next start failed after ten seconds with
 * "connection refused". Before starting on a directory, such a server is stopped (a smart
 * shutdown) when no client is connected to it any more; one that serves clients, the
 * connections of another running application, is left alone and named.
 */
final class LeftoverServer {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private LeftoverServer() {
	}

	/** What to do about the server a data directory's {@code postmaster.pid} names. */
	enum Verdict {

		/** No server, or the pid is another program's now. */
		NONE,
		/** A server nobody uses any more: stop it. */
		ORPHANED,
		/** A server with clients: another application uses it, do not touch it. */
		IN_USE

	}

	/** Stops the server left on {@code directory}, if any and if nobody uses it. */
	static void stopIfOrphaned(Path directory, Log log) {
		List<String> pidFile = pidFile(directory);
		Optional<ProcessHandle> server = (pidFile.size() >= 4) ? parse(pidFile.get(0)).flatMap(ProcessHandle::of)
				: Optional.empty();
		if (server.isEmpty()) {
			return;
		}
		ProcessHandle process = server.get();
		String command = process.info().command().orElse("");
		Verdict verdict = verdict(process.isAlive(), command,
				command.endsWith("postgres") ? clients(pidFile.get(3).strip()) : -1);
		if (verdict == Verdict.IN_USE) {
			throw new IllegalStateException("The embedded PostgreSQL data directory " + directory
					+ " is used by another running application (server pid " + process.pid()
					+ " has clients): stop it or choose another data directory");
		}
		if (verdict == Verdict.ORPHANED) {
			log.warn("A PostgreSQL server left by an earlier run (pid " + process.pid() + ") still holds " + directory
					+ ": stopping it");
			process.destroy();
			try {
				process.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("The server left by an earlier run (pid " + process.pid() + ") did not stop within "
						+ PATIENCE.toSeconds() + " s");
			}
		}
	}

	/**
	 * A live {@code postgres} process is orphaned when it has no client (or cannot be
	 * asked: it would refuse the new start anyway), in use when it has some.
	 */
	static Verdict verdict(boolean alive, String command, int clients) {
		if (!alive || !command.endsWith("postgres")) {
			return Verdict.NONE;
		}
		return (clients > 0) ? Verdict.IN_USE : Verdict.ORPHANED;
	}

	/**
	 * The client connections of the server on {@code port}, or -1 when it cannot be
	 * asked.
	 */
	private static int clients(String port) {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=5", "postgres", "");
				ResultSet count = connection.createStatement().executeQuery("""
						select count(*) from pg_stat_activity
						where backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
			return count.next() ? count.getInt(1) : 0;
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	private static List<String> pidFile(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		try {
			return Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static Optional<Long> parse(String pid) {
		try {
			return Optional.of(Long.parseLong(pid.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
