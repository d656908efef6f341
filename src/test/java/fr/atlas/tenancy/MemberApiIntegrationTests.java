package fr.atlas.tenancy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.TeamFixtures.Joined;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
class MemberApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantSql sql;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	TeamFixtures team;

	@BeforeEach
	void setUp() {
		this.team = new TeamFixtures(this.api, this.outbox, this.invitations);
	}

	@Test
	void invitesByMailAndTheInviteeJoinsThroughTheLink() {
		Tenant org = this.api.newOrganisation("Agence des Invitations");
		String email = TeamFixtures.uniqueEmail("alice");

		var invited = this.api.post(org.token(), "/api/v1/members/invitations",
				Map.of("email", email.toUpperCase(), "role", "agent"));
		assertThat(invited.getStatusCode().value()).isEqualTo(201);
		assertThat(invited.getBody()).containsEntry("email", email)
			.containsEntry("role", "AGENT")
			.containsKeys("id", "expiresAt");
		var mail = this.outbox.to(email).get(0);
		assertThat(mail.subject()).contains("Agence des Invitations");
		assertThat(mail.body()).contains("/invitations/accept?token=inv_");
		String link = this.team.linkPath(email);

		UiSession browser = new UiSession(this.port);
		var page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Agence des Invitations").contains(email);
		var accepted = browser.post("/invitations/accept",
				Map.of("token", TeamFixtures.token(link), "name", "Alice Agent", "password", ApiClient.PASSWORD));
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
		var home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Bonjour Alice Agent");

		List<Map<String, Object>> members = list(org.token());
		assertThat(members).extracting((m) -> m.get("email")).containsExactlyInAnyOrder(org.email(), email);
		Map<String, Object> alice = members.stream().filter((m) -> email.equals(m.get("email"))).findFirst().get();
		assertThat(alice).containsEntry("name", "Alice Agent")
			.containsEntry("roles", List.of("AGENT"))
			.containsEntry("active", true)
			.containsKeys("id", "createdAt");
		var one = this.api.get(org.token(), "/api/v1/members/" + alice.get("id"));
		assertThat(one.getStatusCode().value()).isEqualTo(200);
		assertThat(one.getBody()).containsEntry("email", email);

		// the link works once
		assertThat(new UiSession(this.port).get(link).body()).contains("invitation est invalide");
		var again = new UiSession(this.port);
		again.get("/login");
		assertThat(
				again
					.post("/invitations/accept",
							Map.of("token", TeamFixtures.token(link), "name", "Mallory", "password",
									ApiClient.PASSWORD))
					.statusCode())
			.isEqualTo(200);
	}

	/**
	 * An address belongs to one account, in one organisation: an invitee who made an
	 * account elsewhere since cannot accept, is told why, and the inviting organisation's
	 * list keeps the invitation until it expires or is cancelled (the list is of
	 * invitations not yet accepted, cancelled or expired: it says nothing of accounts in
	 * other organisations).
	 */
	@Test
	void anInviteeWhoMadeAnAccountElsewhereCannotAcceptAndIsToldWhy() {
		Tenant org = this.api.newOrganisation("Agence qui Invite");
		String email = TeamFixtures.uniqueEmail("parti");
		String link = this.team.invite(org, email, "AGENT");
		assertThat(this.api
			.post(null, "/api/v1/signup", Map.of("organisation", "Agence d'Ailleurs", "name", "Parti Ailleurs", "email",
					email, "password", ApiClient.PASSWORD))
			.getStatusCode()
			.value()).isEqualTo(201);

		UiSession browser = new UiSession(this.port);
		assertThat(browser.get(link).body()).contains("Un compte Atlas existe déjà pour " + email)
			.doesNotContain("name=\"password\"");
		// the form sent anyway (the page has none to send)
		browser.get("/login");
		var refused = browser.post("/invitations/accept",
				Map.of("token", TeamFixtures.token(link), "name", "Parti", "password", ApiClient.PASSWORD));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Un compte Atlas existe déjà pour " + email);
		assertThat(list(org.token())).extracting((m) -> m.get("email")).containsExactly(org.email());
		assertThat((List<Map<String, Object>>) this.api.getList(org.token(), "/api/v1/members/invitations").getBody())
			.extracting((i) -> i.get("email"))
			.containsExactly(email);
		// inviting the address again says why it cannot join
		assertThat(errors(
				this.api.post(org.token(), "/api/v1/members/invitations", Map.of("email", email, "role", "AGENT"))))
			.extracting((e) -> e.get("code"))
			.containsExactly("email.taken");
	}

	@Test
	void aDepartingAdminsInvitationsDieWithTheirAccess() {
		Tenant org = this.api.newOrganisation("Agence des Départs");
		Joined leaving = this.team.join(org, "ADMIN");
		Joined demoted = this.team.join(org, "ADMIN");
		Joined staying = this.team.join(org, "ADMIN");
		String backdoor = TeamFixtures.uniqueEmail("backdoor");
		String sideDoor = TeamFixtures.uniqueEmail("side-door");
		String colleague = TeamFixtures.uniqueEmail("colleague");
		for (var invitation : List.of(List.of(leaving.token(), backdoor), List.of(demoted.token(), sideDoor),
				List.of(staying.token(), colleague))) {
			assertThat(status(this.api.post(invitation.get(0), "/api/v1/members/invitations",
					Map.of("email", invitation.get(1), "role", "ADMIN"))))
				.isEqualTo(201);
		}
		assertThat(pendingEmails(org.token())).contains(backdoor, sideDoor, colleague);

		assertThat(status(this.api.post(org.token(), "/api/v1/members/" + leaving.userId() + "/deactivate", Map.of())))
			.isEqualTo(200);
		assertThat(status(this.api.put(org.token(), "/api/v1/members/" + demoted.userId() + "/roles",
				Map.of("roles", List.of("AGENT")))))
			.isEqualTo(200);

		assertThat(pendingEmails(org.token())).contains(colleague).doesNotContain(backdoor, sideDoor);
		for (String email : List.of(backdoor, sideDoor)) {
			String link = this.team.linkPath(email);
			assertThat(new UiSession(this.port).get(link).body()).contains("invitation est invalide");
			var browser = new UiSession(this.port);
			browser.get("/login");
			assertThat(browser
				.post("/invitations/accept",
						Map.of("token", TeamFixtures.token(link), "name", "Mallory", "password", ApiClient.PASSWORD))
				.statusCode()).isEqualTo(200);
		}
		assertThat(list(org.token())).extracting((m) -> m.get("email")).doesNotContain(backdoor, sideDoor);
		var audit = this.api.get(org.token(), "/api/v1/audit?action=member.invitation-revoked").getBody();
		assertThat((List<Map<String, Object>>) audit.get("items")).hasSize(2)
			.allSatisfy(
					(entry) -> assertThat((String) entry.get("summary")).contains("son auteur ne peut plus inviter"));
		// the one who stays may still bring their colleague in
		this.invitations.accept(TeamFixtures.token(this.team.linkPath(colleague)), "Colleague", ApiClient.PASSWORD);
	}

	@Test
	void anAdminSeesAndRevokesAMembersTokensAndADeactivationEndsThemForGood() {
		Tenant org = this.api.newOrganisation("Agence des Jetons");
		Tenant other = this.api.newOrganisation("Agence Curieuse");
		Joined agent = this.team.join(org, "AGENT");
		Joined colleague = this.team.join(org, "AGENT");
		String second = this.api.token(agent.email(), ApiClient.PASSWORD);
		String tokens = "/api/v1/members/" + agent.userId() + "/tokens";

		List<Map<String, Object>> live = this.api.getList(org.token(), tokens).getBody();
		assertThat(live).hasSize(2).allSatisfy((token) -> assertThat(token).containsKeys("id", "name", "prefix"));
		assertThat(status(this.api.getText(colleague.token(), tokens))).isEqualTo(403);
		assertThat(status(this.api.getText(other.token(), tokens))).isEqualTo(404);
		String first = live.stream()
			.filter((token) -> agent.token().startsWith((String) token.get("prefix")))
			.map((token) -> (String) token.get("id"))
			.findFirst()
			.orElseThrow();
		assertThat(status(this.api.delete(other.token(), tokens + "/" + first))).isEqualTo(404);
		assertThat(status(this.api.get(agent.token(), "/api/v1/me"))).isEqualTo(200);

		assertThat(status(this.api.delete(org.token(), tokens + "/" + first))).isEqualTo(204);
		assertThat(status(this.api.get(agent.token(), "/api/v1/me"))).isEqualTo(401);
		assertThat(status(this.api.get(second, "/api/v1/me"))).isEqualTo(200);

		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/deactivate", Map.of());
		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/reactivate", Map.of());
		assertThat(status(this.api.get(second, "/api/v1/me"))).as("a token of before the deactivation").isEqualTo(401);
		assertThat(this.api.getList(org.token(), tokens).getBody())
			.allSatisfy((token) -> assertThat(((Map<?, ?>) token).get("revokedAt")).isNotNull());
		assertThat(status(this.api.get(this.api.token(agent.email(), ApiClient.PASSWORD), "/api/v1/me")))
			.isEqualTo(200);
	}

	@Test
	void anOwnersTokensAreRevokedByAnOwnerNotByAnAdmin() {
		Tenant org = this.api.newOrganisation("Agence de la Propriétaire");
		Joined admin = this.team.join(org, "ADMIN");
		String tokens = "/api/v1/members/" + org.userId() + "/tokens";
		List<Map<String, Object>> live = this.api.getList(admin.token(), tokens).getBody();
		assertThat(live).hasSize(1);
		String id = (String) live.get(0).get("id");

		assertThat(status(this.api.delete(admin.token(), tokens + "/" + id))).isEqualTo(403);
		assertThat(status(this.api.get(org.token(), "/api/v1/me"))).isEqualTo(200);

		Joined coOwner = this.team.join(org, "OWNER");
		assertThat(status(this.api.delete(coOwner.token(), tokens + "/" + id))).isEqualTo(204);
		assertThat(status(this.api.get(org.token(), "/api/v1/me"))).isEqualTo(401);
	}

	@Test
	void anAdminCancelsAPendingInvitationOfTheirOwnOrganisationOnly() {
		Tenant org = this.api.newOrganisation("Agence des Annulations");
		Tenant other = this.api.newOrganisation("Agence d'à côté");
		Joined agent = this.team.join(org, "AGENT");
		String email = TeamFixtures.uniqueEmail("cancelled");
		var invited = this.api.post(org.token(), "/api/v1/members/invitations",
				Map.of("email", email, "role", "AGENT"));
		String path = "/api/v1/members/invitations/" + invited.getBody().get("id");
		assertThat(invited.getHeaders().getLocation()).hasToString(path);
		assertThat(this.api.get(org.token(), path).getBody()).containsEntry("email", email);

		assertThat(status(this.api.get(other.token(), path))).isEqualTo(404);
		assertThat(status(this.api.delete(other.token(), path))).isEqualTo(404);
		assertThat(status(this.api.delete(agent.token(), path))).isEqualTo(403);
		assertThat(pendingEmails(org.token())).contains(email);

		assertThat(status(this.api.delete(org.token(), path))).isEqualTo(204);
		assertThat(status(this.api.get(org.token(), path))).isEqualTo(404);
		assertThat(status(this.api.delete(org.token(), path))).isEqualTo(404);
		assertThat(pendingEmails(org.token())).doesNotContain(email);
		assertThat(new UiSession(this.port).get(this.team.linkPath(email)).body()).contains("invitation est invalide");
	}

	@Test
	void anInvitationToAnAddressThatJoinedElsewhereSaysSoBeforeTheForm() {
		Tenant first = this.api.newOrganisation("Agence Première");
		Tenant second = this.api.newOrganisation("Agence Seconde");
		String email = TeamFixtures.uniqueEmail("courted");
		this.team.invite(second, email, "AGENT");
		String secondLink = this.team.linkPath(email);
		this.invitations.accept(TeamFixtures.token(this.team.invite(first, email, "AGENT")), "Courted",
				ApiClient.PASSWORD);
		// the mail of the first invitation is the newest in the outbox; the second link
		// is the older one
		var page = new UiSession(this.port).get(secondLink).body();
		assertThat(page).contains("Un compte Atlas existe déjà pour " + email).doesNotContain("name=\"password\"");
	}

	@Test
	void rejectsAnUnknownRoleAndAnAddressThatAlreadyHasAnAccount() {
		Tenant org = this.api.newOrganisation("Agence Refus");
		Tenant other = this.api.newOrganisation("Agence Ailleurs");

		var badRole = this.api.post(org.token(), "/api/v1/members/invitations",
				Map.of("email", TeamFixtures.uniqueEmail("x"), "role", "KING"));
		assertThat(badRole.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(badRole)).extracting((e) -> e.get("field")).containsExactly("role");
		assertThat(errors(badRole)).extracting((e) -> e.get("code")).containsExactly("role.invalid");
		// no role at all is a missing field, not an unknown role
		var noRole = this.api.post(org.token(), "/api/v1/members/invitations",
				Map.of("email", TeamFixtures.uniqueEmail("x")));
		assertThat(noRole.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(noRole)).extracting((e) -> e.get("code")).containsExactly("field.required");

		for (String taken : List.of(org.email(), other.email())) {
			var response = this.api.post(org.token(), "/api/v1/members/invitations",
					Map.of("email", taken, "role", "AGENT"));
			assertThat(response.getStatusCode().value()).isEqualTo(400);
			assertThat(errors(response)).extracting((e) -> e.get("code")).containsExactly("email.taken");
		}

		var badRoles = this.api.put(org.token(), "/api/v1/members/" + org.userId() + "/roles",
				Map.of("roles", List.of("OWNER", "EMPEROR")));
		assertThat(badRoles.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(badRoles)).extracting((e) -> e.get("field")).containsExactly("roles");
	}

	@Test
	void onlyAdminsChangeMembersAndEveryoneMayList() {
		Tenant org = this.api.newOrganisation("Agence des Rôles");
		Joined agent = this.team.join(org, "AGENT");
		for (String role : List.of("VIEWER", "AGENT", "MANAGER")) {
			Joined member = (role.equals("AGENT")) ? agent : this.team.join(org, role);
			String token = member.token();
			assertThat(this.api.getText(token, "/api/v1/members").getStatusCode().value()).isEqualTo(200);
			assertThat(this.api.get(token, "/api/v1/members/" + org.userId()).getStatusCode().value()).isEqualTo(200);
			assertThat(this.api.getText(token, "/api/v1/modules").getStatusCode().value()).isEqualTo(200);
			assertThat(status(this.api.post(token, "/api/v1/members/invitations",
					Map.of("email", TeamFixtures.uniqueEmail("z"), "role", "VIEWER"))))
				.as(role)
				.isEqualTo(403);
			assertThat(status(this.api.put(token, "/api/v1/members/" + agent.userId() + "/roles",
					Map.of("roles", List.of("VIEWER")))))
				.isEqualTo(403);
			assertThat(status(this.api.post(token, "/api/v1/members/" + agent.userId() + "/deactivate", Map.of())))
				.isEqualTo(403);
			assertThat(status(this.api.post(token, "/api/v1/members/" + agent.userId() + "/reactivate", Map.of())))
				.isEqualTo(403);
			assertThat(status(this.api.put(token, "/api/v1/modules/cases", Map.of("enabled", false)))).isEqualTo(403);
		}
		assertThat(this.api.getText(null, "/api/v1/members").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void onlyAnOwnerMakesOrUnmakesOwners() {
		Tenant org = this.api.newOrganisation("Agence des Propriétaires");
		Joined admin = this.team.join(org, "ADMIN");
		Joined agent = this.team.join(org, "AGENT");

		assertThat(status(this.api.put(admin.token(), "/api/v1/members/" + agent.userId() + "/roles",
				Map.of("roles", List.of("OWNER")))))
			.isEqualTo(403);
		assertThat(status(this.api.post(admin.token(), "/api/v1/members/invitations",
				Map.of("email", TeamFixtures.uniqueEmail("o"), "role", "OWNER"))))
			.isEqualTo(403);
		assertThat(status(this.api.put(admin.token(), "/api/v1/members/" + org.userId() + "/roles",
				Map.of("roles", List.of("VIEWER")))))
			.isEqualTo(403);
		assertThat(status(this.api.post(admin.token(), "/api/v1/members/" + org.userId() + "/deactivate", Map.of())))
			.isEqualTo(403);

		var promoted = this.api.put(admin.token(), "/api/v1/members/" + agent.userId() + "/roles",
				Map.of("roles", List.of("MANAGER")));
		assertThat(promoted.getStatusCode().value()).isEqualTo(200);
		assertThat(promoted.getBody()).containsEntry("roles", List.of("MANAGER"));

		var owner = this.api.put(org.token(), "/api/v1/members/" + admin.userId() + "/roles",
				Map.of("roles", List.of("OWNER")));
		assertThat(owner.getStatusCode().value()).isEqualTo(200);
		assertThat(owner.getBody()).containsEntry("roles", List.of("OWNER"));
		assertThat(this.api.get(admin.token(), "/api/v1/me").getBody()).containsEntry("roles", List.of("OWNER"));
	}

	@Test
	void keepsAnActiveOwnerAndRefusesSelfDeactivation() {
		Tenant org = this.api.newOrganisation("Agence du Dernier");
		Joined admin = this.team.join(org, "ADMIN");

		var demoted = this.api.put(org.token(), "/api/v1/members/" + org.userId() + "/roles",
				Map.of("roles", List.of("ADMIN")));
		assertThat(demoted.getStatusCode().value()).isEqualTo(409);
		assertThat(demoted.getBody()).containsEntry("code", "member.last-owner");
		var self = this.api.post(org.token(), "/api/v1/members/" + org.userId() + "/deactivate", Map.of());
		assertThat(self.getStatusCode().value()).isEqualTo(409);
		assertThat(self.getBody()).containsEntry("code", "member.self-deactivation");
		assertThat(status(this.api.post(admin.token(), "/api/v1/members/" + admin.userId() + "/deactivate", Map.of())))
			.isEqualTo(409);

		assertThat(status(this.api.put(org.token(), "/api/v1/members/" + admin.userId() + "/roles",
				Map.of("roles", List.of("OWNER")))))
			.isEqualTo(200);
		assertThat(status(this.api.put(org.token(), "/api/v1/members/" + org.userId() + "/roles",
				Map.of("roles", List.of("ADMIN")))))
			.isEqualTo(200);
		// the new owner is now the last one
		assertThat(status(this.api.put(admin.token(), "/api/v1/members/" + admin.userId() + "/roles",
				Map.of("roles", List.of("MANAGER")))))
			.isEqualTo(409);
	}

	@Test
	void anotherOrganisationCannotSeeOrChangeMembers() {
		Tenant a = this.api.newOrganisation("Agence A");
		Joined agentOfA = this.team.join(a, "AGENT");
		Tenant b = this.api.newOrganisation("Agence B");

		for (UUID id : List.of(a.userId(), agentOfA.userId())) {
			assertThat(status(this.api.get(b.token(), "/api/v1/members/" + id))).isEqualTo(404);
			assertThat(status(
					this.api.put(b.token(), "/api/v1/members/" + id + "/roles", Map.of("roles", List.of("VIEWER")))))
				.isEqualTo(404);
			assertThat(status(this.api.post(b.token(), "/api/v1/members/" + id + "/deactivate", Map.of())))
				.isEqualTo(404);
			assertThat(status(this.api.post(b.token(), "/api/v1/members/" + id + "/reactivate", Map.of())))
				.isEqualTo(404);
		}
		assertThat(list(b.token())).extracting((m) -> m.get("email")).containsExactly(b.email());
		assertThat(this.api.get(a.token(), "/api/v1/members/" + agentOfA.userId()).getBody())
			.containsEntry("roles", List.of("AGENT"))
			.containsEntry("active", true);
	}

	@Test
	void aDeactivatedMemberLosesApiAccessAndTheirTokensForGood() {
		Tenant org = this.api.newOrganisation("Agence Désactivation");
		Joined agent = this.team.join(org, "AGENT");
		assertThat(status(this.api.get(agent.token(), "/api/v1/me"))).isEqualTo(200);

		var deactivated = this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/deactivate", Map.of());
		assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
		assertThat(deactivated.getBody()).containsEntry("active", false);
		assertThat(status(this.api.get(agent.token(), "/api/v1/me"))).isEqualTo(401);
		assertThat(status(this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", agent.email(), "password", ApiClient.PASSWORD, "name", "again"))))
			.isEqualTo(401);

		assertThat(status(this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/reactivate", Map.of())))
			.isEqualTo(200);
		// the tokens of before stay revoked; the member signs in and makes new ones
		assertThat(status(this.api.get(agent.token(), "/api/v1/me"))).isEqualTo(401);
		assertThat(status(this.api.get(this.api.token(agent.email(), ApiClient.PASSWORD), "/api/v1/me")))
			.isEqualTo(200);
	}

	@Test
	void auditsEveryChangeToMembers() {
		Tenant org = this.api.newOrganisation("Agence Auditée");
		Joined agent = this.team.join(org, "AGENT");
		this.api.put(org.token(), "/api/v1/members/" + agent.userId() + "/roles", Map.of("roles", List.of("VIEWER")));
		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/deactivate", Map.of());
		this.api.put(org.token(), "/api/v1/modules/cases", Map.of("enabled", false));

		List<String> actions = this.sql.strings(org, "select action || ':' || entity_id from audit_entry order by seq",
				Map.of());
		String id = agent.userId().toString();
		assertThat(actions).contains("member.joined:" + id, "member.roles-changed:" + id,
				"member.activation-changed:" + id, "feature.toggled:cases");
		assertThat(actions).anyMatch((a) -> a.startsWith("member.invited:"));
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswords() {
		Tenant org = this.api.newOrganisation("Agence Verrou");
		for (int i = 0; i < 5; i++) {
			assertThat(status(this.api.post(null, "/api/v1/auth/tokens",
					Map.of("email", org.email(), "password", "wrong-password-" + i, "name", "x"))))
				.isEqualTo(401);
		}
		var locked = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", org.email(), "password", ApiClient.PASSWORD, "name", "x"));
		assertThat(locked.getStatusCode().value()).isEqualTo(429);
		assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isPositive();
		// the existing token keeps working: the lock is on password sign-in
		assertThat(status(this.api.get(org.token(), "/api/v1/me"))).isEqualTo(200);
	}

	/**
	 * The lockout must not tell who has an account: an address without one answers the
	 * same wrong passwords exactly as an account's does, lock and time left included.
	 */
	@Test
	void anAddressWithoutAnAccountLocksLikeOneWithAnAccount() {
		Tenant org = this.api.newOrganisation("Agence Sans Indice");
		String nobody = "personne-" + UUID.randomUUID() + "@example.test";
		for (int i = 0; i < 5; i++) {
			for (String email : List.of(org.email(), nobody)) {
				var refused = this.api.post(null, "/api/v1/auth/tokens",
						Map.of("email", email, "password", "wrong-password-" + i, "name", "x"));
				assertThat(status(refused)).as(email + " #" + i).isEqualTo(401);
				assertThat(refused.getBody()).as(email).containsEntry("title", "E-mail ou mot de passe incorrect");
			}
		}
		var account = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", org.email(), "password", "wrong-password-5", "name", "x"));
		// the address typed otherwise: the same address
		var none = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", " " + nobody.toUpperCase(Locale.ROOT), "password", "wrong-password-5", "name", "x"));
		for (var locked : List.of(account, none)) {
			assertThat(status(locked)).isEqualTo(429);
			assertThat(locked.getBody()).containsEntry("title", "Trop de tentatives, réessayez plus tard")
				.containsKey("retryAfterSeconds");
			assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(890L, 900L);
		}
		assertThat(account.getBody().keySet()).isEqualTo(none.getBody().keySet());
		// the address is not kept as typed
		assertThat(this.jdbc.sql("select count(*) from login_failure where address_key like '%@%'")
			.query(Long.class)
			.single()).isZero();
		// another address without an account is not locked by it
		assertThat(status(this.api.post(null, "/api/v1/auth/tokens", Map.of("email",
				"autre-" + UUID.randomUUID() + "@example.test", "password", "wrong-password", "name", "x"))))
			.isEqualTo(401);
	}

	@Test
	void switchesModulesPerOrganisation() {
		Tenant a = this.api.newOrganisation("Agence Modules A");
		Tenant b = this.api.newOrganisation("Agence Modules B");
		assertThat(modules(a.token())).containsEntry("cases", true).containsEntry("prospects", true);

		var off = this.api.put(a.token(), "/api/v1/modules/cases", Map.of("enabled", false));
		assertThat(off.getStatusCode().value()).isEqualTo(200);
		assertThat(off.getBody()).containsEntry("key", "cases")
			.containsEntry("enabled", false)
			.containsEntry("available", true);
		assertThat(status(this.api.put(a.token(), "/api/v1/modules/prospects", Map.of("enabled", false))))
			.isEqualTo(200);

		assertThat(modules(a.token())).containsEntry("cases", false).containsEntry("prospects", false);
		assertThat(modules(b.token())).containsEntry("cases", true).containsEntry("prospects", true);
		assertThat(status(this.api.put(a.token(), "/api/v1/modules/teleportation", Map.of("enabled", true))))
			.isEqualTo(404);
		assertThat(status(this.api.put(a.token(), "/api/v1/modules/cases", Map.of()))).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked")
	void modulesNotBuiltYetAreComingSoonAndCannotBeSwitched() {
		Tenant org = this.api.newOrganisation("Agence Patiente");
		List<Map<String, Object>> rows = this.api.getList(org.token(), "/api/v1/modules").getBody();
		Map<String, Map<String, Object>> byKey = rows.stream()
			.collect(java.util.stream.Collectors.toMap((r) -> (String) r.get("key"), (r) -> r));
		assertThat(byKey.keySet()).containsExactlyInAnyOrder("prospects", "enrichment", "scoring", "messaging",
				"campaigns", "analytics", "billing", "cases", "listings", "integrations");
		for (String key : List.of("prospects", "cases")) {
			assertThat(byKey.get(key)).as(key).containsEntry("available", true).containsEntry("enabled", true);
		}
		for (String key : List.of("enrichment", "scoring", "messaging", "campaigns", "analytics", "billing", "listings",
				"integrations")) {
			assertThat(byKey.get(key)).as(key).containsEntry("available", false).containsEntry("enabled", false);
		}

		var refused = this.api.put(org.token(), "/api/v1/modules/scoring", Map.of("enabled", true));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "modules.not-available")
			.containsEntry("detail",
					"Le module «\u00A0Scoring\u00A0» n’est pas encore disponible\u00A0: il ne peut pas être activé.");
		var english = this.api.raw().put().uri("/api/v1/modules/listings").headers((h) -> {
			h.setBearerAuth(org.token());
			h.set("Accept-Language", "en");
		}).contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", true)).retrieve().toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(409);
		assertThat(english.getBody()).containsEntry("detail",
				"The \"Listings\" module is not available yet: it cannot be switched on.");
		assertThat(status(this.api.put(org.token(), "/api/v1/modules/billing", Map.of("enabled", false))))
			.isEqualTo(409);
		assertThat(modules(org.token())).containsEntry("scoring", false).containsEntry("listings", false);
	}

	private List<Object> pendingEmails(String token) {
		return this.api.getList(token, "/api/v1/members/invitations")
			.getBody()
			.stream()
			.map((invitation) -> ((Map<?, ?>) invitation).get("email"))
			.toList();
	}

	private List<Map<String, Object>> list(String token) {
		var response = this.api.raw()
			.get()
			.uri("/api/v1/members")
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.toEntity(List.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	private Map<String, Boolean> modules(String token) {
		List<Map<String, Object>> rows = this.api.raw()
			.get()
			.uri("/api/v1/modules")
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(List.class);
		return rows.stream()
			.collect(
					java.util.stream.Collectors.toMap((r) -> (String) r.get("key"), (r) -> (Boolean) r.get("enabled")));
	}

	private static int status(ResponseEntity<?> response) {
		return response.getStatusCode().value();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
		return (List<Map<String, Object>>) response.getBody().get("errors");
	}

}
