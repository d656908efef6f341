package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sign-in with a password is in the organisation's audit log, through the form or
 * for an API token, and so is every wrong password given for one of its accounts: with
 * the client address, never with the password.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class SignInAuditIntegrationTests {

	private static final String WRONG = "Pas-le-bon-mot-de-passe-77";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	@Test
	void auditsSignInsThroughTheFormAndForAToken() {
		Tenant org = this.api.newOrganisation("Agence des Connexions");
		String userId = org.userId().toString();
		UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		var issued = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.header("X-Forwarded-For", "203.0.113.9")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", org.email(), "password", ApiClient.PASSWORD, "name", "script"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(issued.getStatusCode().value()).isEqualTo(201);

		List<Map<String, Object>> signIns = entries(org, "member.signed-in");
		// newest first: the token, the form, and the token of the tests' own sign-up
		assertThat(signIns).hasSize(3)
			.allSatisfy((entry) -> assertThat(entry).containsEntry("actorId", userId)
				.containsEntry("actorLabel", org.email())
				.containsEntry("entityType", "member")
				.containsEntry("entityId", userId));
		assertThat(signIns.get(0)).containsEntry("summary", "Connexion (création d’un jeton d’API)")
			.containsEntry("clientIp", "203.0.113.9");
		assertThat(signIns.get(1)).containsEntry("summary", "Connexion (formulaire de connexion)")
			.containsEntry("clientIp", "127.0.0.1");
	}

	@Test
	void auditsWrongPasswordsForAnExistingAccountWithoutThePassword() {
		Tenant org = this.api.newOrganisation("Agence des Échecs");
		Tenant other = this.api.newOrganisation("Agence Voisine des Échecs");
		UiSession browser = new UiSession(this.port);
		browser.get("/login");
		var refused = browser.post("/login", Map.of("email", org.email(), "password", WRONG));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).contains("error");
		var apiRefused = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.header("X-Forwarded-For", "198.51.100.4")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", org.email(), "password", WRONG, "name", "script"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(apiRefused.getStatusCode().value()).isEqualTo(401);
		// an unknown e-mail belongs to no organisation: nothing to write, nothing to
		// learn
		assertThat(status(this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", "nobody-" + org.email(), "password", WRONG, "name", "x"))))
			.isEqualTo(401);

		List<Map<String, Object>> failures = entries(org, "member.sign-in-failed");
		assertThat(failures).hasSize(2).allSatisfy((entry) -> {
			assertThat(entry).containsEntry("actorId", null)
				.containsEntry("entityType", "member")
				.containsEntry("entityId", org.userId().toString());
			assertThat(entry.toString()).doesNotContain(WRONG);
		});
		assertThat(failures.get(0))
			.containsEntry("summary",
					"Échec de connexion\u00A0: mot de passe erroné (création d’un jeton d’API), échec n° 2 d’affilée")
			.containsEntry("clientIp", "198.51.100.4");
		assertThat(failures.get(1))
			.containsEntry("summary",
					"Échec de connexion\u00A0: mot de passe erroné (formulaire de connexion), échec n° 1 d’affilée")
			.containsEntry("clientIp", "127.0.0.1");
		var everything = this.api.get(org.token(), "/api/v1/audit?size=200");
		assertThat(String.valueOf(everything.getBody())).doesNotContain(WRONG);
		assertThat(entries(other, "member.sign-in-failed")).as("another organisation's log").isEmpty();
		assertThat(entries(other, "member.signed-in")).extracting((entry) -> entry.get("entityId"))
			.containsOnly(other.userId().toString());

		// the page names them in words
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(owner.get("/audit").body()).contains("Échec de connexion").contains("Connexion");
	}

	@Test
	void auditsTheRightPasswordOfADeactivatedMember() {
		Tenant org = this.api.newOrganisation("Agence des Départs Audités");
		var team = new TeamFixtures(this.api, this.outbox, this.invitations);
		TeamFixtures.Joined leaver = team.join(org, "AGENT");
		this.api.post(org.token(), "/api/v1/members/" + leaver.userId() + "/deactivate", Map.of());
		assertThat(status(this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", leaver.email(), "password", ApiClient.PASSWORD, "name", "retour"))))
			.isEqualTo(401);
		UiSession browser = new UiSession(this.port);
		browser.get("/login");
		assertThat(browser.post("/login", Map.of("email", leaver.email(), "password", ApiClient.PASSWORD))
			.headers()
			.firstValue("Location")
			.orElse("")).contains("deactivated");

		List<Map<String, Object>> refused = entries(org, "member.sign-in-refused");
		assertThat(refused).hasSize(2)
			.allSatisfy((entry) -> assertThat(entry).containsEntry("actorId", null)
				.containsEntry("entityId", leaver.userId().toString()));
		assertThat(refused.get(1)).containsEntry("summary",
				"Connexion refusée\u00A0: compte désactivé (création d’un jeton d’API)");
		assertThat(refused.get(0)).containsEntry("summary",
				"Connexion refusée\u00A0: compte désactivé (formulaire de connexion)");
	}

	/**
	 * A member of one organisation, still signed in, who opens another organisation's
	 * invitation or a reset link of another account acts there as nobody: that log must
	 * not name them, their e-mail or their id.
	 */
	@Test
	void namesNoMemberOfAnotherOrganisationInALog() {
		Tenant home = this.api.newOrganisation("Agence du Navigateur Partagé");
		Tenant other = this.api.newOrganisation("Agence d'à Côté");
		var team = new TeamFixtures(this.api, this.outbox, this.invitations);
		String invitee = TeamFixtures.uniqueEmail("nouvelle");
		String link = team.invite(other, invitee, "AGENT");
		UiSession browser = UiSession.signedIn(this.port, home.email(), ApiClient.PASSWORD);
		browser.get(link);
		var accepted = browser.post("/invitations/accept",
				Map.of("token", TeamFixtures.token(link), "name", "Nina Nouvelle", "password", ApiClient.PASSWORD));
		assertThat(accepted.statusCode()).isEqualTo(302);

		UiSession again = UiSession.signedIn(this.port, home.email(), ApiClient.PASSWORD);
		again.get("/password/forgot");
		assertThat(again.post("/password/forgot", Map.of("email", other.email())).statusCode()).isLessThan(400);

		var log = this.api.get(other.token(), "/api/v1/audit?size=200");
		assertThat(String.valueOf(log.getBody())).doesNotContain(home.email()).doesNotContain(home.userId().toString());
		Map<String, Object> joined = entries(other, "member.joined").get(0);
		assertThat(joined).containsEntry("actorId", joined.get("entityId")).containsEntry("actorLabel", invitee);
		assertThat(entries(other, "member.password-reset-requested")).hasSize(1)
			.allSatisfy((entry) -> assertThat(entry).containsEntry("actorId", null).containsEntry("actorLabel", null));
	}

	private List<Map<String, Object>> entries(Tenant org, String action) {
		ResponseEntity<Map> page = this.api.get(org.token(), "/api/v1/audit?size=200&action=" + action);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

}
