package fr.atlas.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
class SignupAndTokensIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void signsUpThenCallsTheApiWithABearerToken() {
		var tenant = this.api.newOrganisation("Agence du Port");
		var me = this.api.get(tenant.token(), "/api/v1/me");
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) me.getBody().get("user")).containsEntry("email", tenant.email())
			.containsEntry("id", tenant.userId().toString());
		assertThat((Map<String, Object>) me.getBody().get("org")).containsEntry("name", "Agence du Port")
			.containsEntry("id", tenant.orgId().toString());
		assertThat((List<String>) me.getBody().get("roles")).containsExactly("OWNER");
	}

	@Test
	void rejectsInvalidSignupWithFieldErrorsInFrench() {
		var response = this.api.post(null, "/api/v1/signup",
				Map.of("organisation", "", "name", "X", "email", "pas-un-email", "password", "court"));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field")).contains("organisation", "email");
		assertThat(errors).extracting((e) -> e.get("message")).contains("Adresse e-mail invalide");
	}

	@Test
	void reportsEveryProblemOfTheSignupAtOnce() {
		var empty = this.api.post(null, "/api/v1/signup", Map.of());
		assertThat(empty.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) empty.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactlyInAnyOrder("organisation", "name", "email", "password");
		var badEmailShortPassword = this.api.post(null, "/api/v1/signup",
				Map.of("organisation", "Agence", "name", "Camille", "email", "pas-un-email", "password", "court"));
		assertThat((List<Map<String, Object>>) badEmailShortPassword.getBody().get("errors"))
			.extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactlyInAnyOrder("email:email.invalid", "password:password.too-short");
	}

	@Test
	void refusesASecondAccountWithTheSameEmail() {
		var tenant = this.api.newOrganisation("Premier");
		var response = this.api.post(null, "/api/v1/signup", Map.of("organisation", "Second", "name", "Y", "email",
				tenant.email().toUpperCase(), "password", ApiClient.PASSWORD));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().toString()).contains("email.taken");
	}

	/**
	 * An address copied from a mail or a spreadsheet comes with a no-break or zero-width
	 * space around it: the same address, for the sign-in, the invitation and the
	 * duplicate check alike, not a wrong password or an invalid address.
	 */
	@Test
	void readsAnAddressCopiedWithInvisibleSpacesAroundIt() {
		var tenant = this.api.newOrganisation("Copié-Collé");
		String pasted = "\u00a0" + tenant.email().toUpperCase() + "\u200b ";
		var token = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", pasted, "password", ApiClient.PASSWORD, "name", "collé"));
		assertThat(token.getStatusCode().value()).isEqualTo(201);
		var again = this.api.post(null, "/api/v1/signup",
				Map.of("organisation", "Autre", "name", "Y", "email", pasted, "password", ApiClient.PASSWORD));
		assertThat(again.getBody().toString()).contains("email.taken");
		String invitee = "colle-" + java.util.UUID.randomUUID() + "@example.test";
		var invited = this.api.post(tenant.token(), "/api/v1/members/invitations",
				Map.of("email", "\ufeff" + invitee + "\u00a0", "role", "AGENT"));
		assertThat(invited.getStatusCode().value()).isEqualTo(201);
		assertThat(invited.getBody()).containsEntry("email", invitee);
	}

	@Test
	void refusesCallsWithoutOrWithAWrongToken() {
		assertThat(this.api.get(null, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(this.api.get("atl_nope", "/api/v1/me").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void revokedTokensStopWorking() {
		var tenant = this.api.newOrganisation("Révocation");
		var issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "ci"));
		String token = (String) issued.getBody().get("token");
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(
				this.api.delete(tenant.token(), "/api/v1/tokens/" + issued.getBody().get("id")).getStatusCode().value())
			.isEqualTo(204);
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void aTokenGivenALifetimeStopsWorkingAtItsEnd() {
		var tenant = this.api.newOrganisation("Jetons Datés");
		var refused = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "ci", "expiresInDays", 0));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("expiresInDays", "Entre 1 et 3\u202f650 jours");

		var issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "ci", "expiresInDays", 30));
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String token = (String) issued.getBody().get("token");
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		Map<?, ?> listed = (Map<?, ?>) this.api.getList(tenant.token(), "/api/v1/tokens")
			.getBody()
			.stream()
			.filter((row) -> issued.getBody().get("id").equals(((Map<?, ?>) row).get("id")))
			.findFirst()
			.orElseThrow();
		Instant expiresAt = Instant.parse((String) listed.get("expiresAt"));
		assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofDays(29)),
				Instant.now().plus(Duration.ofDays(31)));

		// its end come: refused as a revoked one
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc.update(
						"update api_token set expires_at = now() - interval '1 second' where id = ?::uuid",
						issued.getBody().get("id"))));
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		// without a lifetime, until revoked
		var lasting = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cron"));
		assertThat(this.api.get((String) lasting.getBody().get("token"), "/api/v1/me").getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aReadOnlyTokenReadsAndChangesNothing() {
		var tenant = this.api.newOrganisation("Jetons Lecture");
		var issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "tableur", "readOnly", true));
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String token = (String) issued.getBody().get("token");

		// the owner's roles for reading
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.getList(token, "/api/v1/members").getStatusCode().value()).isEqualTo(200);
		// and nothing else, whatever those roles allow
		var created = this.api.post(token, "/api/v1/members/invitations",
				Map.of("email", "nouveau@lecture.test", "role", "AGENT"));
		assertThat(created.getStatusCode().value()).isEqualTo(403);
		assertThat(created.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(created.getBody().get("title")).isEqualTo("Accès refusé\u00A0: ce jeton d’API est en lecture seule");
		assertThat(this.api.patch(token, "/api/v1/organisation", Map.of("name", "Renommée")).getStatusCode().value())
			.isEqualTo(403);
		assertThat(this.api.delete(token, "/api/v1/tokens/" + issued.getBody().get("id")).getStatusCode().value())
			.isEqualTo(403);
		var english = this.api.raw()
			.post()
			.uri("/api/v1/members/invitations")
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("email", "new@lecture.test", "role", "AGENT"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(403);
		assertThat(english.getBody().get("title")).isEqualTo("Access denied: this API token is read-only");
		assertThat(this.api.getList(tenant.token(), "/api/v1/members/invitations").getBody()).isEmpty();
		assertThat(this.api.get(tenant.token(), "/api/v1/me").getBody().toString()).contains("Jetons Lecture");

		// listed as such, beside a full token; the full one still writes
		Map<?, ?> listed = (Map<?, ?>) this.api.getList(tenant.token(), "/api/v1/tokens")
			.getBody()
			.stream()
			.filter((row) -> issued.getBody().get("id").equals(((Map<?, ?>) row).get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("readOnly")).isEqualTo(true);
		assertThat(this.api.getList(tenant.token(), "/api/v1/tokens")
			.getBody()
			.stream()
			.filter((row) -> !issued.getBody().get("id").equals(((Map<?, ?>) row).get("id")))
			.map((row) -> ((Map<?, ?>) row).get("readOnly"))).containsOnly(false);
		assertThat(
				this.api.delete(tenant.token(), "/api/v1/tokens/" + issued.getBody().get("id")).getStatusCode().value())
			.isEqualTo(204);
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void answersInEnglishWhenAsked() {
		var response = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header("Accept-Language", "en")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("organisation", "X", "name", "X", "email", "nope", "password", ApiClient.PASSWORD))
			.retrieve()
			.toEntity(Map.class);
		assertThat(response.getBody().toString()).contains("Invalid e-mail address");
	}

	@Test
	void returnsTheCorrelationIdItWasGiven() {
		var response = this.api.raw()
			.get()
			.uri("/api/v1/me")
			.header("X-Correlation-Id", "test-corr-123")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("test-corr-123");
	}

}
