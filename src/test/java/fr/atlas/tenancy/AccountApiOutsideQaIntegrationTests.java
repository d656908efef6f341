package fr.atlas.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's API as an outside QA pass met it (ADR 0106): request bodies are JSON
 * only, so the rules the JSON bodies keep cannot be gone round in YAML; credentials left
 * out of a token request or a sign-up are named as missing.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class AccountApiOutsideQaIntegrationTests {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Autowired
	ApiClient api;

	@Test
	void aYamlBodyIsRefusedWhereTheApiTakesJsonSoItsRulesCannotBeGoneRound() {
		Tenant tenant = this.api.newOrganisation("Agence des Corps en YAML");
		int tokensBefore = this.api.getList(tenant.token(), "/api/v1/tokens").getBody().size();
		// "readonly" for "readOnly": refused in JSON (ADR 0070), a token that writes in
		// YAML
		ResponseEntity<Map> token = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.contentType(YAML)
			.body("email: " + tenant.email() + "\npassword: " + ApiClient.PASSWORD + "\nname: cli\nreadonly: true\n")
			.retrieve()
			.toEntity(Map.class);
		assertThat(token.getStatusCode().value()).as(String.valueOf(token.getBody())).isEqualTo(415);
		assertThat(token.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(token.getHeaders().getAccept()).contains(MediaType.APPLICATION_JSON);
		assertThat(this.api.getList(tenant.token(), "/api/v1/tokens").getBody()).hasSize(tokensBefore);

		// a number where a name is expected: refused in JSON, taken as the text "12" in
		// YAML
		ResponseEntity<Map> signup = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.contentType(YAML)
			.body("organisation: 12\nname: 13\nemail: yaml-" + System.nanoTime() + "@example.test\npassword: "
					+ ApiClient.PASSWORD + "\n")
			.retrieve()
			.toEntity(Map.class);
		assertThat(signup.getStatusCode().value()).as(String.valueOf(signup.getBody())).isEqualTo(415);

		ResponseEntity<Map> roles = this.api.raw()
			.put()
			.uri("/api/v1/members/" + tenant.userId() + "/roles")
			.headers((headers) -> headers.setBearerAuth(tenant.token()))
			.contentType(YAML)
			.body("roles: [OWNER]\nactive: false\n")
			.retrieve()
			.toEntity(Map.class);
		assertThat(roles.getStatusCode().value()).as(String.valueOf(roles.getBody())).isEqualTo(415);
		assertThat(this.api.get(tenant.token(), "/api/v1/me").getBody().get("roles")).isEqualTo(List.of("OWNER"));

		// answers are still written in YAML for a client that asks for it (ADR 0010)
		ResponseEntity<String> me = this.api.raw()
			.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(tenant.token()))
			.header(HttpHeaders.ACCEPT, "application/yaml")
			.retrieve()
			.toEntity(String.class);
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(me.getBody()).contains("email: \"" + tenant.email() + "\"");
	}

	@Test
	void credentialsLeftOutOfATokenRequestAreNamedNotAWrongPassword() {
		Tenant tenant = this.api.newOrganisation("Agence des Champs Oubliés");
		Map<Map<String, Object>, List<String>> cases = Map.of(Map.of("name", "cli"), List.of("email", "password"),
				Map.of("email", tenant.email(), "name", "cli"), List.of("password"),
				Map.of("password", ApiClient.PASSWORD, "name", "cli"), List.of("email"),
				Map.of("email", " ", "password", "", "name", "cli"), List.of("email", "password"), Map.of(),
				List.of("email", "password", "name"));
		cases.forEach((body, fields) -> {
			ResponseEntity<Map> refused = this.api.post(null, "/api/v1/auth/tokens", body);
			assertThat(refused.getStatusCode().value()).as(String.valueOf(body)).isEqualTo(400);
			assertThat(refused.getBody()).containsEntry("type", "https://atlas.test/problems/invalid-input");
			assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(String.valueOf(body))
				.extracting((e) -> e.get("field") + ":" + e.get("code"))
				.containsExactlyElementsOf(fields.stream().map((field) -> field + ":field.required").toList());
		});
		// none of them counted towards the account's lock: five wrong passwords still do
		for (int i = 0; i < 4; i++) {
			assertThat(this.api
				.post(null, "/api/v1/auth/tokens",
						Map.of("email", tenant.email(), "password", "wrong-one-" + i, "name", "cli"))
				.getStatusCode()
				.value()).isEqualTo(401);
		}
		assertThat(this.api.token(tenant.email(), ApiClient.PASSWORD)).startsWith("atl_");
	}

	@Test
	void aSignupWithoutItsPasswordSaysItIsMissing() {
		ResponseEntity<Map> refused = this.api.post(null, "/api/v1/signup", Map.of("organisation", "Agence Sans Clé",
				"name", "Camille", "email", "sans-cle-" + System.nanoTime() + "@example.test"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("password:field.required");
		assertThat(refused.getBody().get("detail")).isEqualTo("password\u00A0: champ obligatoire.");
	}

	@Test
	void invitationsToOneAddressSentAtOnceLeaveOnePending() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence des Invitations Croisées");
		String email = "double-" + System.nanoTime() + "@example.test";
		int senders = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			List<Future<Integer>> sent = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				sent.add(pool.submit(() -> {
					start.await();
					return this.api
						.post(tenant.token(), "/api/v1/members/invitations", Map.of("email", email, "role", "AGENT"))
						.getStatusCode()
						.value();
				}));
			}
			start.countDown();
			for (Future<Integer> status : sent) {
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Map<String, Object>> pending = this.api.getList(tenant.token(), "/api/v1/members/invitations").getBody();
		assertThat(pending).filteredOn((invitation) -> email.equals(invitation.get("email"))).hasSize(1);
	}

	@Test
	void aWholeNumberTooLargeForItsFieldIsNamedNotAnUnreadableBody() {
		Tenant tenant = this.api.newOrganisation("Agence des Jours Sans Fin");
		for (String days : List.of("99999999999999999999", "-99999999999999999999")) {
			ResponseEntity<Map> refused = this.api.raw()
				.post()
				.uri("/api/v1/auth/tokens")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"email\":\"" + tenant.email() + "\",\"password\":\"" + ApiClient.PASSWORD
						+ "\",\"name\":\"cli\",\"expiresInDays\":" + days + "}")
				.retrieve()
				.toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).as(days).isEqualTo(400);
			assertThat(refused.getBody()).containsEntry("type", "https://atlas.test/problems/invalid-input")
				.containsEntry("detail", "expiresInDays\u00A0: nombre hors des limites de ce champ.");
			assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
				.extracting((e) -> e.get("field") + ":" + e.get("code"))
				.containsExactly("expiresInDays:json.number.out-of-range");
		}
	}

}
