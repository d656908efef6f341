package fr.atlas.tenancy;

import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner renames the organisation through the API: its own only, audited; other roles
 * cannot.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class OrganisationApiIntegrationTests {

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
	void anOwnerRenamesTheOrganisationAndTheChangeIsAudited() {
		Tenant org = this.api.newOrganisation("Agence Ancienne");
		var renamed = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", "  Agence   Nouvelle "));
		assertThat(renamed.getStatusCode().value()).isEqualTo(200);
		assertThat(renamed.getBody()).containsEntry("name", "Agence Nouvelle")
			.containsEntry("id", org.orgId().toString());
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence Nouvelle");
		List<Map<String, Object>> entries = Eventually.await(
				() -> (List<Map<String, Object>>) this.api.get(org.token(), "/api/v1/audit?action=organisation.renamed")
					.getBody()
					.get("items"),
				(items) -> !items.isEmpty(), "the rename in the audit log");
		assertThat(entries).singleElement()
			.satisfies((entry) -> assertThat(entry.get("summary").toString()).contains("Agence Ancienne")
				.contains("Agence Nouvelle"));

		var blank = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", " "));
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat(blank.getBody().toString()).contains("field.required");
		var tooLong = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", "x".repeat(121)));
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		// a number or a boolean is no name: refused, not stored as "123"
		for (Object notText : List.of(123, true, 1.5)) {
			var refused = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", notText));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(notText)).isEqualTo(400);
			assertThat(refused.getBody().toString()).contains("name", "Texte attendu, entre guillemets");
		}
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence Nouvelle");
	}

	/**
	 * A name pasted from a word processor keeps its words, not its no-break spaces; a
	 * name of nothing but spaces of any kind, or of invisible characters, is no name.
	 */
	@Test
	void readsEverySpaceAsOneAndAnInvisibleNameAsNone() {
		Tenant org = this.api.newOrganisation("Agence Collée");
		var pasted = this.api.patch(org.token(), "/api/v1/organisation",
				Map.of("name", "\u00a0Agence\u202fDupont\u00a0 &\u2007Fils\u200b"));
		assertThat(pasted.getStatusCode().value()).isEqualTo(200);
		assertThat(pasted.getBody()).containsEntry("name", "Agence Dupont & Fils");
		for (String blank : List.of("\u00a0", "\u200b", "\u202f\ufeff", "\u3000")) {
			var refused = this.api.patch(org.token(), "/api/v1/organisation", Map.of("name", blank));
			assertThat(refused.getStatusCode().value()).as("%04x", (int) blank.charAt(0)).isEqualTo(400);
			assertThat(refused.getBody().toString()).contains("field.required");
		}
		var signup = this.api.post(null, "/api/v1/signup", Map.of("organisation", "\u00a0", "name", "\u200b", "email",
				TeamFixtures.uniqueEmail("vide"), "password", ApiClient.PASSWORD));
		assertThat(signup.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) signup.getBody().get("errors")).extracting((error) -> error.get("field"))
			.containsExactlyInAnyOrder("organisation", "name");
		assertThat((Map<String, Object>) this.api.get(org.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence Dupont & Fils");
	}

	@Test
	void onlyAnOwnerRenamesItAndOnlyItsOwn() {
		Tenant first = this.api.newOrganisation("Agence Première");
		Tenant second = this.api.newOrganisation("Agence Seconde");
		Joined admin = this.team.join(first, "ADMIN");
		assertThat(this.api.patch(admin.token(), "/api/v1/organisation", Map.of("name", "Prise par l'admin"))
			.getStatusCode()
			.value()).isEqualTo(403);
		// another organisation's owner renames their own, never this one
		assertThat(this.api.patch(second.token(), "/api/v1/organisation", Map.of("name", "Seconde renommée"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat((Map<String, Object>) this.api.get(first.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Agence Première");
		assertThat((Map<String, Object>) this.api.get(second.token(), "/api/v1/me").getBody().get("org"))
			.containsEntry("name", "Seconde renommée");
		assertThat(this.api.patch(null, "/api/v1/organisation", Map.of("name", "Anonyme")).getStatusCode().value())
			.isEqualTo(401);
	}

}
