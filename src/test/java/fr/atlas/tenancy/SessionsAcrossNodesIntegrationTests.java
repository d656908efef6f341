package fr.atlas.tenancy;

import java.util.Map;

import fr.atlas.AtlasApplication;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application nodes keep no session of their own (ADR 0014): a member signed in on one
 * node is signed in on every node sharing the database, and signing out anywhere ends the
 * session everywhere.
 */
@WebIntegrationTest
class SessionsAcrossNodesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSessionStartedOnOneNodeIsServedByAnother() {
		Tenant org = new ApiClient(this.port).newOrganisation("Agence des Deux Serveurs");
		UiSession onFirst = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				org.userId().toString()))
			.as("the session is a row of the database, named after the member")
			.isEqualTo(1);

		try (ConfigurableApplicationContext second = secondNode()) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			UiSession onSecond = onFirst.onPort(secondPort);
			var members = onSecond.get("/members");
			assertThat(members.statusCode()).isEqualTo(200);
			assertThat(members.body()).contains("<h1>Équipe</h1>").contains(org.email());

			var loggedOut = onSecond.post("/logout", Map.of());
			assertThat(loggedOut.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		}
		var afterLogout = onFirst.get("/members");
		assertThat(afterLogout.statusCode()).as("signed out on the other node").isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				org.userId().toString()))
			.isZero();
	}

	/** A second application on the same database, as a second machine would run it. */
	private ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(AtlasApplication.class)
			.properties(Map.of("server.port", "0", "spring.datasource.url", required("spring.datasource.url"),
					"spring.datasource.username", required("spring.datasource.username"), "spring.datasource.password",
					required("spring.datasource.password"), "spring.flyway.enabled", "false", "atlas.database.app-role",
					required("atlas.database.app-role")))
			.run();
	}

	private String required(String name) {
		return this.environment.getRequiredProperty(name);
	}

}
