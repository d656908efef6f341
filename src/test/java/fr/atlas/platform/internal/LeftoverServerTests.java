package fr.atlas.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import fr.atlas.platform.internal.LeftoverServer.Verdict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LeftoverServerTests {

	@TempDir
	Path folder;

	@Test
	void stopsOnlyAPostgresServerThatNobodyUses() {
		String postgres = "/tmp/embedded-pg/PG-59e8/bin/postgres";
		assertThat(LeftoverServer.verdict(true, postgres, 0)).isEqualTo(Verdict.ORPHANED);
		// it cannot be asked: the new start would fail on it anyway
		assertThat(LeftoverServer.verdict(true, postgres, -1)).isEqualTo(Verdict.ORPHANED);
		assertThat(LeftoverServer.verdict(true, postgres, 3)).isEqualTo(Verdict.IN_USE);
		// the pid of a server long gone, now another program's
		assertThat(LeftoverServer.verdict(true, "/usr/bin/bash", -1)).isEqualTo(Verdict.NONE);
		assertThat(LeftoverServer.verdict(false, postgres, -1)).isEqualTo(Verdict.NONE);
	}

	@Test
	void leavesAServerWithClientsAndStopsItOnceNobodyIsConnected() throws Exception {
		Path data = this.folder.resolve("data");
		// a server as a killed application leaves it: pg_ctl detached it, nothing will
		// stop it
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		try {
			try (Connection client = server.getPostgresDatabase().getConnection()) {
				assertThatIllegalStateException()
					.isThrownBy(() -> LeftoverServer.stopIfOrphaned(data, LogFactory.getLog(getClass())))
					.withMessageContaining("used by another running application");
				assertThat(ProcessHandle.of(pid)).hasValueSatisfying((p) -> assertThat(p.isAlive()).isTrue());
			}
			// the closed client's backend may take a moment to go
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
			while (true) {
				try {
					LeftoverServer.stopIfOrphaned(data, LogFactory.getLog(getClass()));
					break;
				}
				catch (IllegalStateException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
					Thread.sleep(100);
				}
			}
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		}
		finally {
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				server.close();
			}
		}
	}

}
