package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.TeamFixtures.Joined;
import fr.atlas.tenancy.internal.Invitations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team, account, token and module pages over real HTTP with a signed-in session.
 */
@WebIntegrationTest
class TeamPagesIntegrationTests {

	private static final Pattern RESET_LINK = Pattern.compile("(/password/reset\\?token=rst_[\\w-]+)");

	@LocalServerPort
	int port;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	Invitations invitations;

	@Autowired
	ApiClient api;

	TeamFixtures team;

	@BeforeEach
	void setUp() {
		this.team = new TeamFixtures(this.api, this.outbox, this.invitations);
	}

	@Test
	void rendersEveryPageForAnOwner() {
		Tenant org = this.api.newOrganisation("Agence des Pages");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);

		var members = owner.get("/members");
		assertThat(members.statusCode()).isEqualTo(200);
		assertThat(members.body()).contains("<h1>Équipe</h1>")
			.contains(org.email())
			.contains("badge role role-owner")
			.contains("Inviter un membre")
			.contains("href=\"/members\"")
			.contains("href=\"/settings/modules\"");
		assertThat(owner.get("/account").body()).contains("Changer de mot de passe").contains("/account/tokens");
		assertThat(owner.get("/account/tokens").body()).contains("Créer un jeton");
		var modules = owner.get("/settings/modules");
		assertThat(modules.statusCode()).isEqualTo(200);
		assertThat(modules.body()).contains("Prospection").contains("Annonces");
	}

	@Test
	void listsModulesNotBuiltYetAsComingSoonWithoutAButton() {
		Tenant org = this.api.newOrganisation("Agence Bientôt");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		String page = owner.get("/settings/modules").body();
		for (String key : new String[] { "enrichment", "scoring", "messaging", "campaigns", "analytics", "billing",
				"listings", "integrations" }) {
			String card = card(page, key);
			assertThat(card).as(key).contains("Bientôt disponible").doesNotContain("Activé").doesNotContain("<form");
		}
		for (String key : new String[] { "prospects", "cases" }) {
			assertThat(card(page, key)).as(key).contains("Activé").contains("<form").doesNotContain("Bientôt");
		}
		var refused = owner.post("/settings/modules/analytics", Map.of("enabled", "true"));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Le module «\u00A0Analyses\u00A0» n’est pas encore disponible");
		assertThat(card(owner.get("/settings/modules").body(), "analytics")).contains("Bientôt disponible");
		// nothing of them in the menu nor on the home page
		String home = owner.get("/").body();
		assertThat(home).doesNotContain("Analyses").doesNotContain("Scoring").doesNotContain("Campagnes");
	}

	/** The card of one module on the modules page. */
	private static String card(String page, String key) {
		int start = page.indexOf("id=\"module-" + key + "\"");
		assertThat(start).as(key).isPositive();
		int end = page.indexOf("</li>", start);
		return page.substring(start, end);
	}

	@Test
	void showsAgentsTheTeamButNoAdministration() {
		Tenant org = this.api.newOrganisation("Agence des Agents");
		Joined agent = this.team.join(org, "AGENT");
		UiSession session = UiSession.signedIn(this.port, agent.email(), ApiClient.PASSWORD);

		var members = session.get("/members");
		assertThat(members.statusCode()).isEqualTo(200);
		assertThat(members.body()).contains(org.email())
			.doesNotContain("Inviter un membre")
			.doesNotContain("/deactivate")
			.doesNotContain("href=\"/settings/modules\"");
		assertThat(session.get("/settings/modules").statusCode()).isEqualTo(403);
		assertThat(session.post("/members/invitations", Map.of("email", TeamFixtures.uniqueEmail("x"), "role", "AGENT"))
			.statusCode()).isEqualTo(403);
		assertThat(session.post("/members/" + org.userId() + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
		assertThat(session.post("/settings/modules/cases", Map.of("enabled", "false")).statusCode()).isEqualTo(403);
		assertThat(this.api.get(org.token(), "/api/v1/members/" + org.userId()).getBody()).containsEntry("active",
				true);
	}

	@Test
	void managesTheTeamWithHtmx() {
		Tenant org = this.api.newOrganisation("Agence htmx");
		Joined agent = this.team.join(org, "AGENT");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		owner.get("/members");

		String email = TeamFixtures.uniqueEmail("bob");
		var invited = owner.htmxPost("/members/invitations", Map.of("email", email, "role", "MANAGER"));
		assertThat(invited.statusCode()).isEqualTo(200);
		assertThat(invited.body()).startsWith("<div id=\"members-panel\"")
			.contains("Invitation envoyée à " + email)
			.contains(email);
		assertThat(this.outbox.to(email)).hasSize(1);

		var invalid = owner.htmxPost("/members/invitations", Map.of("email", "pas-un-email", "role", "AGENT"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("Adresse e-mail invalide").contains("value=\"pas-un-email\"");

		var changed = owner.htmxPost("/members/" + agent.userId() + "/roles", Map.of("role", "VIEWER"));
		assertThat(changed.body()).contains("Rôle de Member AGENT modifié");
		var deactivated = owner.htmxPost("/members/" + agent.userId() + "/deactivate", Map.of());
		assertThat(deactivated.body()).contains("Member AGENT est désactivé").contains("/reactivate");
		var self = owner.htmxPost("/members/" + org.userId() + "/deactivate", Map.of());
		assertThat(self.body()).contains("Vous ne pouvez pas désactiver votre propre compte");
		var lastOwner = owner.htmxPost("/members/" + org.userId() + "/roles", Map.of("role", "ADMIN"));
		assertThat(lastOwner.body()).contains("au moins un propriétaire actif");

		assertThat(this.api.get(org.token(), "/api/v1/members/" + agent.userId()).getBody())
			.containsEntry("roles", java.util.List.of("VIEWER"))
			.containsEntry("active", false);
		var plain = owner.post("/members/" + agent.userId() + "/reactivate", Map.of());
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(owner.get("/members").body()).contains("Member AGENT est réactivé");
	}

	@Test
	void aDeactivatedMembersSessionEnds() {
		Tenant org = this.api.newOrganisation("Agence Sessions");
		Joined agent = this.team.join(org, "AGENT");
		UiSession session = UiSession.signedIn(this.port, agent.email(), ApiClient.PASSWORD);
		assertThat(session.get("/members").statusCode()).isEqualTo(200);
		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/deactivate", Map.of());
		var after = session.get("/members");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).contains("/login"));
	}

	/**
	 * A reset link asked for before a deactivation dies with it, as the member's tokens
	 * and sessions do: else the departed member, or whoever holds their mailbox, sets a
	 * password that works again the day the account is reactivated.
	 */
	@Test
	void aDeactivationEndsTheMembersResetLinks() {
		Tenant org = this.api.newOrganisation("Agence des Liens Perdus");
		Joined agent = this.team.join(org, "AGENT");
		String link = resetLink(agent.email());
		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/deactivate", Map.of());

		UiSession visitor = new UiSession(this.port);
		assertThat(visitor.get(link).body()).contains("Ce lien de réinitialisation est invalide ou expiré");
		visitor.get("/password/forgot");
		assertThat(visitor
			.post("/password/reset", Map.of("token", tokenOf(link), "password", "Pendant-le-depart-2026",
					"confirmPassword", "Pendant-le-depart-2026"))
			.statusCode()).isEqualTo(200);

		this.api.post(org.token(), "/api/v1/members/" + agent.userId() + "/reactivate", Map.of());
		assertThat(this.api
			.post(null, "/api/v1/auth/tokens",
					Map.of("email", agent.email(), "password", "Pendant-le-depart-2026", "name", "retour"))
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(this.api.token(agent.email(), ApiClient.PASSWORD)).startsWith("atl_");
	}

	/**
	 * A form refused shows its page again at the form's address; the language links and
	 * the address bar then ask that address with a GET, which leads back to the page
	 * instead of a failure page telling to call support.
	 */
	@Test
	void aFormsAddressOpenedDirectlyLeadsBackToItsPage() {
		Tenant org = this.api.newOrganisation("Agence des Adresses");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		var refused = owner.submit("/account", "/account/password",
				Map.of("currentPassword", "pas-le-bon-123", "newPassword", "x", "confirmPassword", "x"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("href=\"?lang=en\"");
		var english = owner.get("/account/password?lang=en");
		assertThat(english.statusCode()).isEqualTo(302);
		assertThat(english.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/account"));
		assertThat(owner.get("/account").body()).contains("<html lang=\"en\"");
		for (String form : List.of("/account/name", "/account/organisation", "/account/language")) {
			assertThat(owner.get(form).headers().firstValue("Location")).as(form)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/account"));
		}
		for (String form : List.of("/members/invitations", "/members/" + org.userId() + "/roles",
				"/members/" + org.userId() + "/deactivate", "/members/" + org.userId() + "/reactivate",
				"/members/invitations/" + org.userId() + "/revoke")) {
			assertThat(owner.get(form).headers().firstValue("Location")).as(form)
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/members"));
		}
		// any other address that takes only a form says so, not that something broke
		var elsewhere = owner.browse("/account/tokens/" + org.userId() + "/revoke");
		assertThat(elsewhere.statusCode()).isEqualTo(405);
		assertThat(elsewhere.body()).contains("This address only receives a form")
			.doesNotContain("Something went wrong");
	}

	@Test
	void changesThePasswordWithTheCurrentOne() {
		Tenant org = this.api.newOrganisation("Agence Mot de Passe");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);

		var wrong = owner.submit("/account", "/account/password", Map.of("currentPassword", "not-it-123", "newPassword",
				"Brand-new-pass-77", "confirmPassword", "Brand-new-pass-77"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Mot de passe actuel incorrect");
		var mismatch = owner.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD,
				"newPassword", "Brand-new-pass-77", "confirmPassword", "Brand-new-pass-78"));
		assertThat(mismatch.body()).contains("Les deux mots de passe ne correspondent pas");
		var weak = owner.submit("/account", "/account/password",
				Map.of("currentPassword", ApiClient.PASSWORD, "newPassword", "short", "confirmPassword", "short"));
		assertThat(weak.body()).contains("au moins 12 caractères");

		var changed = owner.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD,
				"newPassword", "Brand-new-pass-77", "confirmPassword", "Brand-new-pass-77"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Votre mot de passe a été modifié");
		assertThat(this.api.token(org.email(), "Brand-new-pass-77")).startsWith("atl_");
		assertThat(this.api
			.post(null, "/api/v1/auth/tokens",
					Map.of("email", org.email(), "password", ApiClient.PASSWORD, "name", "x"))
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void aNewPasswordEndsTheOtherSessionsAndTheLinksAskedBefore() {
		Tenant org = this.api.newOrganisation("Agence Portes Fermées");
		UiSession here = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		UiSession elsewhere = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(elsewhere.get("/members").statusCode()).isEqualTo(200);
		String earlierLink = resetLink(org.email());

		var changed = here.submit("/account", "/account/password", Map.of("currentPassword", ApiClient.PASSWORD,
				"newPassword", "Brand-new-pass-77", "confirmPassword", "Brand-new-pass-77"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(here.get("/members").statusCode()).as("the session the change was made from").isEqualTo(200);
		var ended = elsewhere.get("/members");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).contains("/login"));
		assertThat(new UiSession(this.port).get(earlierLink).body())
			.contains("Ce lien de réinitialisation est invalide ou expiré");

		// a reset ends every session, and the older of two links dies with the newer
		// one's use
		String older = resetLink(org.email());
		String newer = resetLink(org.email());
		assertThat(newer).isNotEqualTo(older);
		UiSession visitor = new UiSession(this.port);
		visitor.get(newer);
		assertThat(visitor
			.post("/password/reset",
					Map.of("token", tokenOf(newer), "password", "Reset-pass-2026", "confirmPassword",
							"Reset-pass-2026"))
			.statusCode()).isEqualTo(302);
		assertThat(here.get("/members").statusCode()).isEqualTo(302);
		UiSession late = new UiSession(this.port);
		assertThat(late.get(older).body()).contains("Ce lien de réinitialisation est invalide ou expiré");
		late.get("/password/forgot");
		assertThat(late
			.post("/password/reset",
					Map.of("token", tokenOf(older), "password", "Hijack-pass-2026", "confirmPassword",
							"Hijack-pass-2026"))
			.statusCode()).isEqualTo(200);
		assertThat(this.api.token(org.email(), "Reset-pass-2026")).startsWith("atl_");
	}

	/**
	 * Asks a reset link for the address and returns the path of the newest one mailed.
	 */
	private String resetLink(String email) {
		new UiSession(this.port).submit("/password/forgot", "/password/forgot", Map.of("email", email));
		Matcher link = RESET_LINK.matcher(this.outbox.to(email).get(0).body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private static String tokenOf(String linkPath) {
		return linkPath.substring(linkPath.indexOf('=') + 1);
	}

	@Test
	void theSignupPageSaysEveryProblemAtOnce() {
		UiSession visitor = new UiSession(this.port);
		var page = visitor.submit("/signup", "/signup",
				Map.of("organisation", "", "name", "Camille", "email", "pas-un-email", "password", "court"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Champ obligatoire")
			.contains("Adresse e-mail invalide")
			.contains("Le mot de passe doit contenir au moins");
		// each field in error names its message for a screen reader; a field without one
		// names none
		assertThat(page.body())
			.contains("aria-describedby=\"organisation-error\"", "id=\"organisation-error\"",
					"aria-describedby=\"email-error\"", "aria-describedby=\"password-help password-error\"",
					"id=\"password-error\"")
			.doesNotContain("aria-describedby=\"name-error\"");
	}

	@Test
	void theForgottenPasswordFormSaysWhenNoAddressOrNoEmailIsGiven() {
		UiSession visitor = new UiSession(this.port);
		var empty = visitor.submit("/password/forgot", "/password/forgot", Map.of("email", ""));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Champ obligatoire").doesNotContain("Si un compte actif existe");
		var invalid = visitor.submit("/password/forgot", "/password/forgot", Map.of("email", "camille.example.fr"));
		assertThat(invalid.body()).contains("Adresse e-mail invalide")
			.contains("value=\"camille.example.fr\"")
			.doesNotContain("Si un compte actif existe");
	}

	@Test
	void aLockedAccountsPageSaysSoInWords() {
		Tenant org = this.api.newOrganisation("Agence Verrouillée");
		UiSession visitor = new UiSession(this.port);
		visitor.get("/login");
		for (int attempt = 0; attempt < 5; attempt++) {
			visitor.post("/login", Map.of("email", org.email(), "password", "Wrong-password-1"));
		}
		var locked = visitor.post("/login", Map.of("email", org.email(), "password", "Wrong-password-1"));
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.body()).contains("<title>Trop de tentatives · Atlas</title>")
			.contains("<h2>Trop de tentatives</h2>")
			.contains("réessayez dans 15 minutes.")
			.doesNotContain("<title>429")
			.doesNotContain(" s)");
		// an address without an account: the same page after the same attempts, not a
		// hint that no one has it
		String nobody = TeamFixtures.uniqueEmail("personne");
		for (int attempt = 0; attempt < 5; attempt++) {
			var refused = visitor.post("/login", Map.of("email", nobody, "password", "Wrong-password-1"));
			assertThat(refused.statusCode()).isEqualTo(302);
		}
		var alike = visitor.post("/login", Map.of("email", nobody, "password", "Wrong-password-1"));
		assertThat(alike.statusCode()).isEqualTo(429);
		assertThat(alike.body()).contains("<h2>Trop de tentatives</h2>").contains("réessayez dans 15 minutes.");
	}

	@Test
	void thePagesBeforeSignInSwitchBetweenFrenchAndEnglish() {
		UiSession visitor = new UiSession(this.port);
		for (String page : new String[] { "/login", "/signup", "/password/forgot" }) {
			assertThat(visitor.get(page).body()).as(page)
				.contains("href=\"" + page + "?lang=en\" lang=\"en\"")
				.contains("href=\"" + page + "?lang=fr\" lang=\"fr\"");
		}
		assertThat(visitor.get("/signup?lang=en").body()).contains("lang=\"en\"").contains("Create an organisation");
		// the reset link's and the invitation's token stay in their switch
		assertThat(visitor.get("/password/reset?token=rst_abc").body())
			.contains("href=\"/password/reset?token=rst_abc&amp;lang=en\"");
		assertThat(visitor.get("/invitations/accept?token=inv_abc").body())
			.contains("href=\"/invitations/accept?token=inv_abc&amp;lang=en\"");
	}

	@Test
	void resetsAForgottenPasswordThroughTheMailedLink() {
		Tenant org = this.api.newOrganisation("Agence Oubli");
		UiSession visitor = new UiSession(this.port);
		assertThat(visitor.get("/password/forgot").statusCode()).isEqualTo(200);
		var sent = visitor.post("/password/forgot", Map.of("email", org.email()));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("Si un compte actif existe");
		var unknown = visitor.submit("/password/forgot", "/password/forgot",
				Map.of("email", TeamFixtures.uniqueEmail("nobody")));
		assertThat(unknown.body()).isEqualTo(sent.body().replace(csrfOf(sent.body()), csrfOf(unknown.body())));

		var outboxPage = visitor.get("/outbox");
		assertThat(outboxPage.statusCode()).isEqualTo(200);
		assertThat(outboxPage.body()).contains(org.email()).contains("<a href=\"http://localhost");
		Matcher link = RESET_LINK.matcher(this.outbox.to(org.email()).get(0).body());
		assertThat(link.find()).isTrue();

		var form = visitor.get(link.group(1));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"token\"");
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
		var mismatch = visitor.post("/password/reset",
				Map.of("token", token, "password", "Reset-pass-2026", "confirmPassword", "other"));
		assertThat(mismatch.body()).contains("Les deux mots de passe ne correspondent pas");
		var reset = visitor.post("/password/reset",
				Map.of("token", token, "password", "Reset-pass-2026", "confirmPassword", "Reset-pass-2026"));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(reset.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?reset"));
		assertThat(this.api.token(org.email(), "Reset-pass-2026")).startsWith("atl_");
		assertThat(visitor.get(link.group(1)).body()).contains("Ce lien de réinitialisation est invalide ou expiré");
	}

	@Test
	void createsShowsOnceAndRevokesTokens() {
		Tenant org = this.api.newOrganisation("Agence Jetons");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);

		var blank = owner.submit("/account/tokens", "/account/tokens", Map.of("name", " "));
		assertThat(blank.body()).contains("Champ obligatoire").doesNotContain("class=\"secret\"");
		var forever = owner.submit("/account/tokens", "/account/tokens",
				Map.of("name", "Import CRM", "expiresInDays", "0"));
		assertThat(forever.body()).contains("Entre 1 et 3\u202f650 jours").doesNotContain("class=\"secret\"");
		var sent = owner.submit("/account/tokens", "/account/tokens",
				Map.of("name", "Import CRM", "expiresInDays", "30"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/account/tokens"));
		var created = owner.get("/account/tokens");
		assertThat(created.statusCode()).isEqualTo(200);
		Matcher secret = Pattern.compile("class=\"secret\" id=\"issued-token\">(atl_[\\w-]+)<").matcher(created.body());
		assertThat(secret.find()).isTrue();
		String token = secret.group(1);
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		var list = owner.get("/account/tokens").body();
		assertThat(list).contains("Import CRM").contains(token.substring(0, 10)).doesNotContain(token);
		assertThat(list).contains(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
			.plusDays(30)
			.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

		Matcher revoke = Pattern.compile("action=\"(/account/tokens/[0-9a-f-]+/revoke)\"").matcher(list);
		String revokeAction = null;
		while (revoke.find()) {
			String candidate = revoke.group(1);
			int row = list.indexOf(candidate);
			if (list.lastIndexOf("Import CRM", row) > list.lastIndexOf("<tr>", row)) {
				revokeAction = candidate;
			}
		}
		assertThat(revokeAction).isNotNull();
		assertThat(owner.post(revokeAction, Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(owner.get("/account/tokens").body()).contains("Jeton révoqué");
	}

	@Test
	void aTokenMadeOnThePageForReadingOnlyIsRefusedChanges() {
		Tenant org = this.api.newOrganisation("Agence Tableur");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(owner.get("/account/tokens").body()).contains("name=\"readOnly\"", "Lecture seule");
		var sent = owner.submit("/account/tokens", "/account/tokens",
				Map.of("name", "Tableur", "expiresInDays", "30", "readOnly", "true"));
		assertThat(sent.statusCode()).isEqualTo(302);
		Matcher secret = Pattern.compile("class=\"secret\" id=\"issued-token\">(atl_[\\w-]+)<")
			.matcher(owner.get("/account/tokens").body());
		assertThat(secret.find()).isTrue();
		assertThat(this.api.get(secret.group(1), "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.patch(secret.group(1), "/api/v1/organisation", Map.of("name", "Autre nom"))
			.getStatusCode()
			.value()).isEqualTo(403);
		String list = owner.get("/account/tokens").body();
		int row = list.indexOf(">Tableur<");
		assertThat(row).isPositive();
		assertThat(list.substring(row, list.indexOf("</tr>", row))).contains("Lecture seule");
	}

	@Test
	void aTokenFormSentTwiceOrItsPageReloadedCreatesOneToken() {
		Tenant org = this.api.newOrganisation("Agence Double Clic");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		Matcher once = Pattern.compile("name=\"_once\" value=\"(\\w+)\"").matcher(owner.get("/account/tokens").body());
		assertThat(once.find()).as("the form's one-time field").isTrue();
		Map<String, String> form = Map.of("name", "Double", "_once", once.group(1));
		var first = owner.post("/account/tokens", form);
		var second = owner.post("/account/tokens", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		var shown = owner.get("/account/tokens").body();
		assertThat(shown).contains("id=\"issued-token\">atl_");
		// F5 on the page that showed it: nothing created, the token no more shown
		var reloaded = owner.get("/account/tokens").body();
		assertThat(reloaded).doesNotContain("id=\"issued-token\"");
		assertThat(this.api.getList(org.token(), "/api/v1/tokens").getBody())
			.filteredOn((t) -> "Double".equals(((Map<String, Object>) t).get("name")))
			.hasSize(1);
	}

	@Test
	void aMemberChangesTheirNameAndAnOwnerTheOrganisations() {
		Tenant org = this.api.newOrganisation("Agence du Nom");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		var account = owner.get("/account").body();
		assertThat(account).contains("Votre nom")
			.contains("value=\"Owner Agence du Nom\"")
			.contains("value=\"Agence du Nom\"");
		var blank = owner.post("/account/name", Map.of("name", " "));
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("Champ obligatoire");
		var saved = owner.post("/account/name", Map.of("name", "Camille Martin"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Nom enregistré.").contains("Camille Martin");
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("user"))
			.containsEntry("name", "Camille Martin");
		var renamed = owner.post("/account/organisation", Map.of("name", "Agence du Nouveau Nom"));
		assertThat(renamed.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Organisation renommée.");
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence du Nouveau Nom");
		List<Map<String, Object>> audited = fr.atlas.support.Eventually.await(() -> (List<Map<String, Object>>) this.api
			.get(org.token(), "/api/v1/audit?action=member.profile-changed")
			.getBody()
			.get("items"), (items) -> !items.isEmpty(), "the name change in the audit log");
		assertThat(audited).hasSize(1);

		// an agent changes their own name, but sees no organisation form and cannot
		// rename it
		Joined agent = this.team.join(org, "AGENT");
		UiSession agentSession = UiSession.signedIn(this.port, agent.email(), ApiClient.PASSWORD);
		assertThat(agentSession.get("/account").body()).contains("action=\"/account/name\"")
			.doesNotContain("action=\"/account/organisation\"");
		assertThat(agentSession.submit("/account", "/account/organisation", Map.of("name", "Prise")).statusCode())
			.isEqualTo(403);
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence du Nouveau Nom");
	}

	@Test
	void keepsTheChosenLanguageInTheAccountAndACookie() {
		Tenant org = this.api.newOrganisation("Agence Langue");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		var saved = owner.submit("/account", "/account/language", Map.of("language", "en"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(owner.cookie("atlas-lang")).isEqualTo("en");
		var account = owner.get("/account").body();
		assertThat(account).contains("My account").contains("Language saved.");
		assertThat(account).containsPattern("<option value=\"en\" lang=\"en\" selected=\"selected\">");
		assertThat(owner.get("/members").body()).contains("<h1>Team</h1>");
		assertThat(owner.submit("/account", "/account/language", Map.of("language", "de")).statusCode()).isEqualTo(302);
		assertThat(owner.get("/account").body()).contains("Choose French or English.");
		assertThat(owner.cookie("atlas-lang")).isEqualTo("en");

		// another browser gets the account's language at sign-in
		UiSession elsewhere = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(elsewhere.cookie("atlas-lang")).isEqualTo("en");
		assertThat(elsewhere.get("/").body()).contains("lang=\"en\"");
	}

	@Test
	void switchingModulesOffHidesNoTeamPages() {
		Tenant org = this.api.newOrganisation("Agence Menu");
		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		assertThat(owner.get("/").body()).contains("href=\"/prospects\"").contains("href=\"/cases\"");
		owner.get("/settings/modules");
		for (String key : new String[] { "prospects", "cases" }) {
			assertThat(owner.post("/settings/modules/" + key, Map.of("enabled", "false")).statusCode()).isEqualTo(302);
			// the redirect, as a browser follows it: the page says what was saved
			assertThat(owner.get("/settings/modules").body()).contains("» enregistré.");
		}
		var home = owner.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/members\"").contains("href=\"/settings/modules\"");
		assertThat(home.body()).doesNotContain("href=\"/prospects\"").doesNotContain("href=\"/cases\"");
		var modules = owner.get("/settings/modules").body();
		assertThat(modules).contains("id=\"module-prospects\"");
		assertThat(this.api.getText(org.token(), "/api/v1/modules").getBody())
			.contains("{\"key\":\"prospects\",\"enabled\":false,\"available\":true}");
		// htmx follows the redirect after the switch: the panel, then the menu and the
		// top bar as the modules now allow, swapped out of band (the menu of the request
		// that switched was worked out before the switch)
		var htmx = owner.htmxPost("/settings/modules/prospects", Map.of("enabled", "true"));
		assertThat(htmx.statusCode()).isEqualTo(302);
		assertThat(htmx.headers().firstValue("Location").orElseThrow()).endsWith("/settings/modules");
		var panel = owner.htmxGet("/settings/modules");
		assertThat(panel.body().strip()).startsWith("<div id=\"modules-panel\"")
			.contains("Module «\u00A0Prospection\u00A0» enregistré");
		String menu = panel.body().substring(panel.body().indexOf("hx-swap-oob=\"innerHTML:#main-nav\""));
		assertThat(menu).contains("href=\"/prospects\"").doesNotContain("href=\"/cases\"");
		assertThat(panel.body()).contains("hx-swap-oob=\"innerHTML:#topbar-entries\"")
			.doesNotContain("/notifications/bell");
		// switched back on: the bell of the cases' notifications comes back with their
		// menu entry
		owner.htmxPost("/settings/modules/cases", Map.of("enabled", "true"));
		var again = owner.htmxGet("/settings/modules").body();
		assertThat(again).contains("href=\"/cases\"").contains("hx-get=\"/notifications/bell\"");
		// the panel alone when nothing was switched
		assertThat(owner.htmxGet("/settings/modules").body()).doesNotContain("hx-swap-oob");
		assertThat(owner.get("/").body()).contains("href=\"/prospects\"").contains("href=\"/cases\"");
	}

	@Test
	void explainsAnInvalidInvitationLink() {
		var page = new UiSession(this.port).get("/invitations/accept?token=inv_forged");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cette invitation est invalide, expirée ou déjà utilisée")
			.doesNotContain("name=\"password\"");
		// the head of the pages outside the layout: one title, Atlas's style sheet and,
		// for the invitation, the members' one
		assertThat(page.body()).containsOnlyOnce("<title>")
			.contains("<title>Rejoindre une organisation · Atlas</title>", "href=\"/css/atlas.css\"",
					"href=\"/css/tenancy.css\"");
		var reset = new UiSession(this.port).get("/password/reset?token=rst_forged");
		assertThat(reset.body()).contains("Ce lien de réinitialisation est invalide ou expiré")
			.containsOnlyOnce("<title>")
			.doesNotContain("tenancy.css");
	}

	private static String csrfOf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
		return matcher.find() ? matcher.group(1) : "";
	}

}
