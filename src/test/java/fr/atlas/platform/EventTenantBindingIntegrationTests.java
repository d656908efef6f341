package fr.atlas.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.atlas.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventTenantBindingIntegrationTests.Listener.class)
class EventTenantBindingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Listener listener;

	@Test
	void applicationModuleListenersSeeTheRowsOfTheEventsOrganisation() throws Exception {
		var tenant = new ApiClient(this.port).newOrganisation("Écoute");
		OrgId orgId = OrgId.of(tenant.orgId());
		CurrentTenant.runAs(orgId,
				() -> this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new Probed(orgId))));
		assertThat(this.listener.seen().get(20, TimeUnit.SECONDS)).isEqualTo("1 organisation, tenant " + orgId);
	}

	record Probed(OrgId orgId) {
	}

	static class Listener {

		private final CompletableFuture<String> seen = new CompletableFuture<>();

		private final JdbcClient jdbc;

		Listener(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		CompletableFuture<String> seen() {
			return this.seen;
		}

		@ApplicationModuleListener
		void on(Probed event) {
			long visible = this.jdbc.sql("select count(*) from organisation").query(Long.class).single();
			this.seen
				.complete(visible + " organisation, tenant " + CurrentTenant.get().map(OrgId::toString).orElse("none"));
		}

	}

}
