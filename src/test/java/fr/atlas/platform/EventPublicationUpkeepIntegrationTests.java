package fr.atlas.platform;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.tenancy.OrganisationCreated;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.annotation.DirtiesContext;

import static fr.atlas.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that fails gets the event again without a restart, and completed
 * publications are deleted once kept long enough.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "atlas.events.resubmit-after=1s", "atlas.events.resubmit-interval=300ms",
				"atlas.events.keep-completed=2s", "atlas.events.purge-interval=500ms" })
@DirtiesContext
class EventPublicationUpkeepIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	FlakyListener listener;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFailedListenerGetsTheEventAgainAndItsPublicationIsLaterDeleted() {
		Tenant org = new ApiClient(this.port).newOrganisation("Agence Capricieuse");
		UUID orgId = org.orgId();
		await(() -> this.listener.calls(orgId), (calls) -> calls >= 2, "the event handed again after the failure");
		assertThat(this.listener.calls(orgId)).as("once failing, once succeeding").isEqualTo(2);
		await(() -> publications(orgId), (count) -> count == 0, "the completed publication deleted");
	}

	private long publications(UUID orgId) {
		return this.jdbc.queryForObject(
				"select count(*) from event_publication where listener_id like ? and serialized_event like ?",
				Long.class, "%FlakyListener%", "%" + orgId + "%");
	}

	/**
	 * Fails the first time it hears of an organisation, as a listener whose broker is
	 * away would.
	 */
	static class FlakyListener {

		private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

		@ApplicationModuleListener
		void on(OrganisationCreated event) {
			int call = this.calls.computeIfAbsent(event.orgId().value(), (id) -> new AtomicInteger()).incrementAndGet();
			if (call == 1) {
				throw new IllegalStateException("away for now");
			}
		}

		int calls(UUID orgId) {
			return this.calls.getOrDefault(orgId, new AtomicInteger()).get();
		}

	}

	@TestConfiguration
	static class Listening {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}

	}

}
