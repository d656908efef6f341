package fr.atlas.tenancy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.atlas.AtlasApplication;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.host} set (ADR 0014), sessions and rate limits live in
 * Redis: two nodes serve the same signed-in member and count the same requests. Needs the
 * Redis at 127.0.0.1:6379, skipped without it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.redis.host=" + RedisIntegrationTests.HOST,
				"spring.data.redis.port=" + RedisIntegrationTests.PORT })
// a context of its own, closed after the class so that its connections go back to the
// database
@DirtiesContext
class RedisIntegrationTests {

	static final String HOST = "127.0.0.1";

	static final int PORT = 6379;

	/**
	 * Keys of this run only, so runs sharing the Redis never count each other's requests.
	 */
	private static final String PREFIX = "atlas-test-" + UUID.randomUUID() + ":";

	private static final int SIGNUPS_PER_HOUR = 3;

	private static ConfigurableApplicationContext secondNode;

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void redisIsThere() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
		}
		catch (IOException ex) {
			Assumptions.abort("No Redis at " + HOST + ":" + PORT + " (" + ex.getMessage() + "): skipped");
		}
	}

	/**
	 * Read when beans are made, after the environment decided Redis is on from the host.
	 */
	@DynamicPropertySource
	static void keysOfThisRun(DynamicPropertyRegistry registry) {
		keysOfThisRun().forEach((name, value) -> registry.add(name, () -> value));
	}

	private static Map<String, String> keysOfThisRun() {
		return Map.of("spring.session.data.redis.namespace", PREFIX + "session", "atlas.redis.key-prefix", PREFIX,
				"atlas.security.signups-per-hour-per-ip", Integer.toString(SIGNUPS_PER_HOUR));
	}

	@BeforeEach
	void startTheSecondNode() {
		if (secondNode == null) {
			Map<String, String> properties = new HashMap<>(keysOfThisRun());
			properties.put("spring.data.redis.host", HOST);
			properties.put("spring.data.redis.port", Integer.toString(PORT));
			properties.put("server.port", "0");
			properties.put("spring.flyway.enabled", "false");
			for (String name : new String[] { "spring.datasource.url", "spring.datasource.username",
					"spring.datasource.password", "atlas.database.app-role" }) {
				properties.put(name, this.environment.getRequiredProperty(name));
			}
			// as arguments, so they win over application.yml as the test's own properties
			// do
			secondNode = new SpringApplicationBuilder(AtlasApplication.class).run(properties.entrySet()
				.stream()
				.map((p) -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
		}
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	@Test
	void sessionsLiveInRedisAndServeEveryNode() {
		Tenant org = new ApiClient(this.port).newOrganisation("Agence du Cache Partagé");
		UiSession onFirst = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		String sessionKey = PREFIX + "session:sessions:" + sessionId(onFirst);
		assertThat(this.redis.hasKey(sessionKey)).as("session %s in Redis", sessionKey).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				org.userId().toString()))
			.as("not in the database")
			.isZero();

		UiSession onSecond = onFirst.onPort(secondPort());
		var members = onSecond.get("/members");
		assertThat(members.statusCode()).isEqualTo(200);
		assertThat(members.body()).contains(org.email());
		onSecond.post("/logout", Map.of());
		// the indexed store keeps the key a moment, expired, for its clean-up to find
		assertThat(onFirst.get("/members").statusCode()).as("signed out on the other node").isEqualTo(302);

		// indexed by member as in PostgreSQL: a new password on one node ends the
		// member's session on the other
		UiSession here = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		UiSession there = UiSession.signedIn(secondPort(), org.email(), ApiClient.PASSWORD);
		assertThat(there.get("/members").statusCode()).isEqualTo(200);
		assertThat(here
			.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD, "newPassword",
					"Redis-pass-2026", "confirmPassword", "Redis-pass-2026"))
			.statusCode()).isEqualTo(302);
		assertThat(here.get("/members").statusCode()).isEqualTo(200);
		assertThat(there.get("/members").statusCode()).as("the other session, on the other node").isEqualTo(302);
	}

	@Test
	void redisIsPartOfReadiness() {
		HttpResponse<String> readiness = get(this.port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"redis\"").contains("\"db\"");
	}

	@Test
	void nodesCountTheSameRequests() {
		String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		// one refused for its form, given back on the other node (ADR 0111)
		assertThat(signUpFrom(this.port, client, "{}").statusCode()).isEqualTo(400);
		for (int i = 0; i < SIGNUPS_PER_HOUR; i++) {
			assertThat(signUpFrom(i % 2 == 0 ? secondPort() : this.port, client, signup()).statusCode()).as("counted")
				.isEqualTo(201);
		}
		HttpResponse<String> elsewhere = signUpFrom(secondPort(), client, signup());
		assertThat(elsewhere.statusCode()).as("the other node knows the client used its sign-ups").isEqualTo(429);
		assertThat(elsewhere.headers().firstValue("Retry-After")).isPresent();
		assertThat(signUpFrom(this.port, client, "{}").statusCode()).as("refused before its form is read")
			.isEqualTo(429);
		assertThat(signUpFrom(secondPort(), "198.51.100.0", "{}").statusCode()).as("another client").isEqualTo(400);
	}

	private static int secondPort() {
		return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
	}

	private static String sessionId(UiSession session) {
		return new String(Base64.getDecoder().decode(session.cookie("SESSION")), StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> signUpFrom(int port, String client, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signup"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A sign-up that succeeds: a new organisation, a new address. */
	private static String signup() {
		return "{\"organisation\":\"Agence Deux Nœuds\",\"name\":\"Inès Morel\",\"email\":\"noeuds-"
				+ java.util.UUID.randomUUID() + "@example.test\",\"password\":\"" + ApiClient.PASSWORD + "\"}";
	}

	private static HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
