package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Eventually;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.TeamFixtures.Joined;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new password does to the member's API tokens (ADR 0076): a reset through the
 * mailed link revokes them all, a change on the account page when the member asks.
 */
@WebIntegrationTest
class PasswordsAndTokensIntegrationTests {

	private static final Pattern RESET_LINK = Pattern.compile("(/password/reset\\?token=rst_[\\w-]+)");

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	TeamFixtures team;

	@BeforeEach
	void setUp() {
		this.team = new TeamFixtures(this.api, this.outbox, this.invitations);
	}

	@Test
	void aResetThroughTheMailedLinkRevokesTheMembersTokensAndSaysHowMany() {
		Tenant org = this.api.newOrganisation("Agence Compromise");
		String second = this.api.token(org.email(), ApiClient.PASSWORD);
		Joined colleague = this.team.join(org, "AGENT");
		Tenant elsewhere = this.api.newOrganisation("Agence Voisine");

		UiSession visitor = new UiSession(this.port);
		String link = resetLink(visitor, org.email());
		assertThat(visitor.get(link).body()).contains("vos jetons d’API révoqués");
		var reset = visitor.post("/password/reset", Map.of("token", link.substring(link.indexOf('=') + 1), "password",
				"Reset-pass-2026", "confirmPassword", "Reset-pass-2026"));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(reset.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?reset"));
		assertThat(visitor.get("/login?reset").body()).contains("Votre mot de passe a été modifié")
			.contains("Vos 2 jetons d’API ont été révoqués");

		// whoever had the password, and made tokens with it, keeps none
		assertThat(this.api.get(org.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(this.api.get(second, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		// the colleague's and another organisation's tokens are theirs
		assertThat(this.api.get(colleague.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.get(elsewhere.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(200);

		String fresh = this.api.token(org.email(), "Reset-pass-2026");
		List<Map<String, Object>> revoked = Eventually.await(() -> items(fresh, "api-token.revoked"),
				(items) -> items.size() == 2, "two revocations in the audit log");
		assertThat(revoked).extracting((entry) -> entry.get("entityType")).containsOnly("api-token");
		assertThat(items(fresh, "member.password-changed")).singleElement()
			.satisfies((entry) -> assertThat(entry.get("summary"))
				.isEqualTo("Mot de passe réinitialisé par lien\u202F; 2 jetons d’API révoqués"));
		assertThat(items(elsewhere.token(), "api-token.revoked")).isEmpty();
	}

	@Test
	void aResetOfAMemberWithoutTokensSaysNothingOfTokens() {
		Joined agent = this.team.join(this.api.newOrganisation("Agence Sans Jeton"), "AGENT");
		this.api.delete(agent.token(), "/api/v1/tokens/" + tokenId(agent.token()));
		UiSession visitor = new UiSession(this.port);
		String link = resetLink(visitor, agent.email());
		visitor.get(link);
		visitor.post("/password/reset", Map.of("token", link.substring(link.indexOf('=') + 1), "password",
				"Reset-pass-2026", "confirmPassword", "Reset-pass-2026"));
		assertThat(visitor.get("/login?reset").body()).contains("Votre mot de passe a été modifié")
			.doesNotContain("révoqué");
	}

	@Test
	void aPasswordChangedOnTheAccountPageRevokesTheTokensOnlyWhenTheMemberAsks() {
		Tenant org = this.api.newOrganisation("Agence Prudente");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(owner.get("/account").body()).contains("Révoquer aussi mes jetons d’API")
			.contains("name=\"revokeTokens\"");

		var kept = owner.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD,
				"newPassword", "Brand-new-pass-77", "confirmPassword", "Brand-new-pass-77"));
		assertThat(kept.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Votre mot de passe a été modifié").doesNotContain("révoqué");
		assertThat(this.api.get(org.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(200);

		// a refused form keeps the box as it was ticked
		var refused = owner.submit("/account", "/account/password", Map.of("currentPassword", "not-it-123",
				"newPassword", "Other-new-pass-88", "confirmPassword", "Other-new-pass-88", "revokeTokens", "true"));
		assertThat(refused.body()).contains("Mot de passe actuel incorrect")
			.containsPattern("name=\"revokeTokens\"[^>]*checked");
		assertThat(this.api.get(org.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(200);

		var revoked = owner.submit("/account", "/account/password", Map.of("currentPassword", "Brand-new-pass-77",
				"newPassword", "Other-new-pass-88", "confirmPassword", "Other-new-pass-88", "revokeTokens", "true"));
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Votre mot de passe a été modifié")
			.contains("1 jeton d’API a été révoqué.");
		assertThat(this.api.get(org.token(), "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(owner.get("/members").statusCode()).as("the session the change was made from").isEqualTo(200);
		String fresh = this.api.token(org.email(), "Other-new-pass-88");
		assertThat(Eventually.await(() -> items(fresh, "member.password-changed"), (items) -> items.size() == 2,
				"both changes in the audit log"))
			.extracting((entry) -> entry.get("summary"))
			.containsExactly("Mot de passe modifié\u202F; 1 jeton d’API révoqué à la demande du membre",
					"Mot de passe modifié");
	}

	private String resetLink(UiSession visitor, String email) {
		visitor.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		Matcher link = RESET_LINK.matcher(this.outbox.to(email).get(0).body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	@SuppressWarnings("unchecked")
	private String tokenId(String token) {
		List<Map<String, Object>> tokens = this.api.getList(token, "/api/v1/tokens").getBody();
		return (String) tokens.get(0).get("id");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> items(String token, String action) {
		return (List<Map<String, Object>>) this.api.get(token, "/api/v1/audit?action=" + action).getBody().get("items");
	}

}
