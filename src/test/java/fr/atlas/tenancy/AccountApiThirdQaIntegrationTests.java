package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's API as a third outside QA pass met it (ADR 0119).
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class AccountApiThirdQaIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Autowired
	OutboxMailTransport outbox;

	/**
	 * Addresses Jakarta Mail refuses to send to: their invitation or reset mail failed in
	 * the queue, attempt after attempt, while the API had answered 201.
	 */
	@Test
	void anAddressNoMailCanBeSentToIsRefusedAtSignUpAndInvitation() {
		Tenant tenant = this.api.newOrganisation("Agence des Adresses Postées");
		String unique = UUID.randomUUID().toString().substring(0, 8);
		for (String email : List.of("jean..dupont-" + unique + "@example.test", ".jean-" + unique + "@example.test",
				"jean-" + unique + ".@example.test", "jean-" + unique + "@192.168.1.20")) {
			ResponseEntity<Map> signup = this.api.post(null, "/api/v1/signup", Map.of("organisation", "Agence", "name",
					"Jean Dupont", "email", email, "password", ApiClient.PASSWORD));
			assertThat(signup.getStatusCode().value()).as(email).isEqualTo(400);
			assertThat((List<Map>) signup.getBody().get("errors")).as(email)
				.extracting((error) -> error.get("field") + " " + error.get("code"))
				.containsExactly("email email.invalid");

			ResponseEntity<Map> invitation = this.api.post(tenant.token(), "/api/v1/members/invitations",
					Map.of("email", email, "role", "AGENT"));
			assertThat(invitation.getStatusCode().value()).as(email).isEqualTo(400);
			assertThat((List<Map>) invitation.getBody().get("errors")).as(email)
				.extracting((error) -> error.get("code"))
				.containsExactly("email.invalid");
		}
		// dots between characters, and a domain of digits before its name, are fine
		ResponseEntity<Map> fine = this.api.post(null, "/api/v1/signup",
				Map.of("organisation", "Agence", "name", "Jean Dupont", "email",
						"jean.dupont." + unique + "@mail-1.192.example.test", "password", ApiClient.PASSWORD));
		assertThat(fine.getStatusCode().value()).as(String.valueOf(fine.getBody())).isEqualTo(201);
	}

	/**
	 * The token call takes no token, so the document's shared 401 was left out of it, and
	 * with it the 401 it does answer: a wrong e-mail or password.
	 */
	@Test
	void theDocumentSaysATokenRequestMayAnswer401() {
		JsonNode responses = JSON.readTree(this.api.getText(null, "/v3/api-docs").getBody())
			.at("/paths/~1api~1v1~1auth~1tokens/post/responses");
		assertThat(responses.at("/401/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(responses.at("/201/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/IssuedTokenResponse");
		assertThat(responses.propertyNames()).contains("400", "429").doesNotContain("200");
	}

	/**
	 * The current password typed on {@code /account} was checked as often as anyone with
	 * the session cared to try, round the lock that guards the sign-in: wrong ones now
	 * count towards it, and a locked account's is no longer checked.
	 */
	@Test
	void wrongCurrentPasswordsOnTheAccountPageLockTheAccountAsWrongSignInsDo() {
		Tenant tenant = this.api.newOrganisation("Agence du Poste Partagé");
		UiSession session = UiSession.signedIn(this.port, tenant.email(), ApiClient.PASSWORD);
		for (int i = 0; i < 5; i++) {
			var wrong = session.submit("/account", "/account/password", Map.of("currentPassword", "Guess-number-" + i,
					"newPassword", "Taken-over-pass-99", "confirmPassword", "Taken-over-pass-99"));
			assertThat(wrong.body()).as("guess " + i).contains("Mot de passe actuel incorrect");
		}
		// the right password is not even checked while the lock holds
		var locked = session.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD,
				"newPassword", "Taken-over-pass-99", "confirmPassword", "Taken-over-pass-99"));
		assertThat(locked.statusCode()).isEqualTo(200);
		assertThat(locked.body()).contains("Trop de mots de passe actuels erronés").contains("15\u00a0min");
		ResponseEntity<Map> signIn = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cli"));
		assertThat(signIn.getStatusCode().value()).isEqualTo(429);
		assertThat(signIn.getHeaders().getFirst("Retry-After")).isNotNull();

		List<Map> failures = (List<Map>) this.api.get(tenant.token(), "/api/v1/audit?action=member.sign-in-failed")
			.getBody()
			.get("items");
		assertThat(failures).hasSize(5)
			.extracting((entry) -> (String) entry.get("summary"))
			.allMatch((summary) -> summary.contains("changement du mot de passe"));
	}

	/**
	 * The forgotten-password form asks for an address alone: anyone could have Atlas mail
	 * a member a reset link as often as they sent it. Three an hour are mailed; the form
	 * says the same beyond, and the last link mailed still works.
	 */
	@Test
	void aMemberIsMailedThreeResetLinksAnHourAtMostWhoeverAsks() {
		Tenant tenant = this.api.newOrganisation("Agence de la Boîte Pleine");
		int firstStatus = 0;
		String firstNotice = null;
		for (int i = 0; i < 6; i++) {
			UiSession stranger = new UiSession(this.port);
			var asked = stranger.submit("/password/forgot", "/password/forgot", Map.of("email", tenant.email()));
			String notice = asked.body().replaceAll("(?s).*<main", "").replaceAll("name=\"_csrf\"[^>]*", "");
			if (i == 0) {
				firstStatus = asked.statusCode();
				firstNotice = notice;
			}
			// the same answer every time: the form tells nobody whether a mail left
			assertThat(asked.statusCode()).as("request " + i).isEqualTo(firstStatus).isLessThan(400);
			assertThat(notice).as("request " + i).isEqualTo(firstNotice);
		}
		assertThat(this.outbox.to(tenant.email())).hasSize(3);
	}

}
