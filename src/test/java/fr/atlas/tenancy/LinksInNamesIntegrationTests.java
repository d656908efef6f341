package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's or a member's name goes into the invitation mail: it may hold no web
 * address, which a mail client would make a link of (ADR 0075).
 */
@WebIntegrationTest
class LinksInNamesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	OutboxMailTransport outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSignupNamingItsOrganisationAfterAWebAddressIsRefusedOnTheField() {
		for (String name : List.of("secure-atlas-login.com", "Agence https://piege.example", "www.piege")) {
			var refused = this.api.post(null, "/api/v1/signup", Map.of("organisation", name, "name", "Camille Martin",
					"email", TeamFixtures.uniqueEmail("phish"), "password", ApiClient.PASSWORD));
			assertThat(refused.getStatusCode().value()).as(name).isEqualTo(400);
			assertThat(errors(refused)).extracting((e) -> e.get("field") + ":" + e.get("code"))
				.containsExactly("organisation:name.web-address");
			assertThat(errors(refused)).extracting((e) -> e.get("message"))
				.allSatisfy((message) -> assertThat((String) message).startsWith("Un nom ne peut pas contenir"));
		}
		var member = this.api.post(null, "/api/v1/signup", Map.of("organisation", "Agence du Quai", "name",
				"Camille www.piege.fr", "email", TeamFixtures.uniqueEmail("phish"), "password", ApiClient.PASSWORD));
		assertThat(errors(member)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("name:name.web-address");
		// agencies' names as they are written are kept
		assertThat(this.api.newOrganisation("L'Agence du Port & Co").orgId()).isNotNull();

		UiSession visitor = new UiSession(this.port);
		var page = visitor.submit("/signup", "/signup", Map.of("organisation", "ImmoLyon.fr", "name", "Camille",
				"email", TeamFixtures.uniqueEmail("phish"), "password", ApiClient.PASSWORD));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Un nom ne peut pas contenir d’adresse web")
			.contains("«\u00A0ImmoLyon\u00A0» plutôt que «\u00A0ImmoLyon.fr\u00A0»");
	}

	@Test
	void aRenamingToAWebAddressIsRefusedAndTheNameKept() {
		Tenant org = this.api.newOrganisation("Agence du Beffroi");
		var refused = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", "Agence www.piege.fr"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(refused)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("name:name.web-address");
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence du Beffroi");

		UiSession owner = UiSession.signedIn(this.port, org.email(), ApiClient.PASSWORD);
		var form = owner.submit("/account", "/account/organisation", Map.of("name", "https://piege.example"));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Un nom ne peut pas contenir d’adresse web");
		var name = owner.submit("/account", "/account/name", Map.of("name", "Support piege.com"));
		assertThat(name.statusCode()).isEqualTo(200);
		assertThat(name.body()).contains("Un nom ne peut pas contenir d’adresse web");
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("user"))
			.containsEntry("name", "Owner Agence du Beffroi");
	}

	@Test
	void anInvitationFromNamesWrittenBeforeTheRuleCarriesNoAddressAClientWouldLink() {
		Tenant org = this.api.newOrganisation("Agence Ancienne");
		CurrentTenant.runAs(OrgId.of(org.orgId()), () -> this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.update("update organisation set name = 'Connexion https://piege.example/atlas'");
			this.jdbc.update("update app_user set name = 'Support www.piege.fr' where id = ?", org.userId());
		}));
		String invitee = TeamFixtures.uniqueEmail("invitee");
		assertThat(this.api.post(org.token(), "/api/v1/members/invitations", Map.of("email", invitee, "role", "AGENT"))
			.getStatusCode()
			.value()).isEqualTo(201);

		var mail = this.outbox.to(invitee).get(0);
		assertThat(mail.subject()).contains("piege[.]example").doesNotContain("://");
		assertThat(mail.body()).contains("Connexion https[:]//piege[.]example/atlas")
			.contains("Support www[.]piege[.]fr")
			.doesNotContain("piege.example")
			.doesNotContain("www.piege");
		// the demo's outbox makes a link of Atlas's own address only
		String outboxPage = new UiSession(this.port).get("/outbox").body();
		assertThat(outboxPage).contains("<a href=\"http://localhost").doesNotContain("href=\"https://piege");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
		return (List<Map<String, Object>>) response.getBody().get("errors");
	}

}
