package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parties (agencies, contacts, listings) linked to a case, and kept from other
 * organisations.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CasePartyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApiClient api;

	@Test
	void linksListsAndRemovesParties() {
		Tenant tenant = this.api.newOrganisation("Agence Parties");
		String path = "/api/v1/cases/" + newCase(tenant) + "/parties";
		UUID dupont = agency(tenant, "Agence Dupont", "Lyon");
		String agency = dupont.toString();
		String camille = contact(tenant, dupont, "Camille", null).toString();

		var added = this.api.post(tenant.token(), path,
				Map.of("type", "AGENCY", "id", agency.toUpperCase(), "label", "Agence Dupont"));
		assertThat(added.getStatusCode().value()).isEqualTo(201);
		assertThat(added.getBody()).containsEntry("type", "AGENCY")
			.containsEntry("id", agency)
			.containsEntry("label", "Agence Dupont");
		assertThat(this.api.post(tenant.token(), path, Map.of("type", "contact", "id", camille, "label", "Camille"))
			.getStatusCode()
			.value()).isEqualTo(201);
		var duplicate = this.api.post(tenant.token(), path,
				Map.of("type", "AGENCY", "id", agency, "label", "Encore Dupont"));
		assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
		// an agency's label is its own name: only its id is asked for
		var invalid = this.api.post(tenant.token(), path, Map.of("type", "AGENCY", "id", "pas-un-uuid", "label", ""));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactly("id");
		var listing = this.api.post(tenant.token(), path, Map.of("type", "LISTING", "id", "", "label", ""));
		assertThat(listing.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) listing.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactly("id", "label");
		assertThat(this.api.post(tenant.token(), path, Map.of("type", "BOAT", "id", "1", "label", "x"))
			.getStatusCode()
			.value()).isEqualTo(400);

		assertThat(parties(tenant, path)).extracting((p) -> p.get("type") + ":" + p.get("label"))
			.containsExactly("AGENCY:Agence Dupont", "CONTACT:Camille");
		assertThat(this.api.delete(tenant.token(), path + "?type=AGENCY&id=" + agency).getStatusCode().value())
			.isEqualTo(204);
		assertThat(this.api.delete(tenant.token(), path + "?type=AGENCY&id=" + agency).getStatusCode().value())
			.isEqualTo(404);
		assertThat(parties(tenant, path)).extracting((p) -> p.get("label")).containsExactly("Camille");
	}

	@Test
	void anAgencyOrAContactIsLinkedUnderItsOwnNameAndOnlyTheOrganisationsOwn() throws Exception {
		Tenant a = this.api.newOrganisation("Agence Parties Réelles A");
		Tenant b = this.api.newOrganisation("Agence Parties Réelles B");
		UUID real = agency(a, "Agence Réelle", "Annecy");
		UUID lea = contact(a, real, "Léa", "Garnier");
		UUID absorbed = agency(a, "Agence Absorbée", "Annecy");
		CurrentTenant.runAs(OrgId.of(a.orgId()),
				() -> this.transactions.executeWithoutResult(
						(tx) -> this.jdbc.sql("update agency set status = 'MERGED', merged_into = ? where id = ?")
							.params(real, absorbed)
							.update()));
		UUID theirs = agency(b, "Agence de B", "Lille");
		UUID theirContact = contact(b, theirs, "Claire", "Dupont");
		String caseId = newCase(a);
		String path = "/api/v1/cases/" + caseId + "/parties";

		// the label the client sends is not what the case keeps: the agency's name is
		var forged = this.api.post(a.token(), path, Map.of("type", "AGENCY", "id", real, "label", "Forged Label"));
		assertThat(forged.getStatusCode().value()).isEqualTo(201);
		assertThat(forged.getBody()).containsEntry("label", "Agence Réelle");
		// nor is it needed
		var contact = this.api.post(a.token(), path, Map.of("type", "CONTACT", "id", lea));
		assertThat(contact.getStatusCode().value()).isEqualTo(201);
		assertThat(contact.getBody()).containsEntry("label", "Léa Garnier");

		// another organisation's agency or contact, one merged away, or none at all
		for (Map<String, Object> refused : List.<Map<String, Object>>of(
				Map.of("type", "AGENCY", "id", theirs, "label", "Forged Label"),
				Map.of("type", "CONTACT", "id", theirContact, "label", "Claire"),
				Map.of("type", "AGENCY", "id", absorbed, "label", "Agence Absorbée"),
				Map.of("type", "CONTACT", "id", UUID.randomUUID(), "label", "Personne"),
				Map.of("type", "CONTACT", "id", "c-42", "label", "Personne"))) {
			var response = this.api.post(a.token(), path, refused);
			assertThat(response.getStatusCode().value()).as(refused.toString()).isEqualTo(400);
			assertThat((List<Map<String, Object>>) response.getBody().get("errors")).singleElement()
				.satisfies((e) -> assertThat(e).containsEntry("field", "id")
					.containsEntry("message",
							"Votre organisation n’a pas cette fiche (agence ou contact inconnu, ou agence fusionnée dans une autre)"));
		}
		var english = this.api.raw().post().uri(path).headers((h) -> {
			h.setBearerAuth(a.token());
			h.set("Accept-Language", "en");
		})
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("type", "AGENCY", "id", theirs.toString(), "label", "Forged Label"))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(((List<Map<String, Object>>) english.getBody().get("errors")).getFirst().get("message")).isEqualTo(
				"Your organisation has no such record (an unknown agency or contact, or an agency merged into another)");

		// the page refuses them alike
		Session browser = new Session(this.port, a.email());
		String token = CasePagesIntegrationTests.attribute(browser.get("/cases/" + caseId).body(),
				"name=\"_csrf\" value");
		assertThat(browser
			.post("/cases/" + caseId + "/parties",
					Map.of("type", "AGENCY", "partyId", theirs.toString(), "label", "Forged Label"), token)
			.statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases/" + caseId).body()).contains("Votre organisation n’a pas cette fiche")
			.doesNotContain("Forged Label", "Agence de B");

		// a listing, which no module holds, keeps the label given
		assertThat(this.api.post(a.token(), path, Map.of("type", "LISTING", "id", "annonce-1", "label", "T2 Gare"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(parties(a, path)).extracting((p) -> p.get("type") + ":" + p.get("id") + ":" + p.get("label"))
			.containsExactly("AGENCY:" + real + ":Agence Réelle", "CONTACT:" + lea + ":Léa Garnier",
					"LISTING:annonce-1:T2 Gare");
	}

	@Test
	void anotherOrganisationCannotSeeOrChangeParties() {
		Tenant a = this.api.newOrganisation("Agence A parties");
		Tenant b = this.api.newOrganisation("Agence B parties");
		String path = "/api/v1/cases/" + newCase(a) + "/parties";
		UUID secret = contact(a, agency(a, "Agence Secrète", "Lyon"), "Secret", "de A");
		UUID intruder = contact(b, agency(b, "Agence Intruse", "Lyon"), "Intrus", null);
		assertThat(this.api.post(a.token(), path, Map.of("type", "CONTACT", "id", secret, "label", "Secret de A"))
			.getStatusCode()
			.value()).isEqualTo(201);

		assertThat(this.api.get(b.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(b.token(), path, Map.of("type", "CONTACT", "id", intruder, "label", "Intrus"))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.delete(b.token(), path + "?type=CONTACT&id=" + secret).getStatusCode().value())
			.isEqualTo(404);
		assertThat(parties(a, path)).extracting((p) -> p.get("label")).containsExactly("Secret de A");
	}

	@Test
	void thePickerFindsTheOrganisationsOwnAgenciesContactsAndPartiesByName() throws Exception {
		Tenant a = this.api.newOrganisation("Agence Sélecteur A");
		Tenant b = this.api.newOrganisation("Agence Sélecteur B");
		UUID dupont = agency(a, "Agence Dupont Immobilier", "Lyon");
		UUID fils = agency(a, "Dupont & Fils", "Brest");
		UUID martin = agency(a, "Cabinet Martin", "Nantes");
		UUID camille = contact(a, martin, "Camille", "Dupontel");
		UUID neighbour = agency(b, "Dupont Voisin", "Lille");
		UUID claire = contact(b, neighbour, "Claire", "Dupont");
		String caseId = newCase(a);
		Session browser = new Session(this.port, a.email());

		String page = browser.get("/cases/" + caseId).body();
		assertThat(page).contains("id=\"party-search\"", "hx-get=\"/cases/" + caseId + "/parties/candidates\"",
				"name=\"partyQ\"", "Rechercher par nom", "placeholder=\"Nom de l’agence, du contact…\"");
		String agencies = browser.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=dupont").body();
		assertThat(agencies).doesNotContain("<html")
			.contains("value=\"" + dupont + "\"", "value=\"" + fils + "\"", "Lier Agence Dupont Immobilier", "Lyon",
					"name=\"_csrf\"")
			.doesNotContain(neighbour.toString(), "Dupont Voisin", martin.toString());
		// the names that start with the text first
		assertThat(agencies.indexOf(fils.toString())).isLessThan(agencies.indexOf(dupont.toString()));
		String contacts = browser.get("/cases/" + caseId + "/parties/candidates?partyType=CONTACT&partyQ=DUPONT")
			.body();
		assertThat(contacts).contains("value=\"" + camille + "\"", "Lier Camille Dupontel", "Cabinet Martin")
			.doesNotContain(claire.toString(), "Claire");
		assertThat(browser.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=d").body())
			.contains("Tapez au moins 2 lettres.")
			.doesNotContain("partyId");
		assertThat(browser.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=zzz").body())
			.contains("Rien ne correspond à «\u00a0zzz\u00a0»");
		// without script: the page itself shows what the search found
		assertThat(browser.get("/cases/" + caseId + "?partyType=AGENCY&partyQ=dupont").body())
			.contains("value=\"" + dupont + "\"", "Lier Dupont &amp; Fils");

		// a candidate's button links it by its id
		String token = CasePagesIntegrationTests.attribute(page, "name=\"_csrf\" value");
		assertThat(browser
			.post("/cases/" + caseId + "/parties",
					Map.of("type", "AGENCY", "partyId", dupont.toString(), "label", "Agence Dupont Immobilier"), token)
			.statusCode()).isEqualTo(302);
		assertThat(parties(a, "/api/v1/cases/" + caseId + "/parties"))
			.extracting((p) -> p.get("type") + ":" + p.get("id") + ":" + p.get("label"))
			.containsExactly("AGENCY:" + dupont + ":Agence Dupont Immobilier");

		// a listing, which no module holds, is found among the parties already linked
		assertThat(this.api
			.post(a.token(), "/api/v1/cases/" + caseId + "/parties",
					Map.of("type", "LISTING", "id", "annonce-77", "label", "T3 Bellecour"))
			.getStatusCode()
			.value()).isEqualTo(201);
		String other = newCase(a);
		assertThat(browser.get("/cases/" + other + "/parties/candidates?partyType=LISTING&partyQ=bellecour").body())
			.contains("value=\"annonce-77\"", "Lier T3 Bellecour");

		// another organisation finds none of these, and cannot ask on A's case
		Session intruder = new Session(this.port, b.email());
		String theirCase = newCase(b);
		assertThat(intruder.get("/cases/" + theirCase + "/parties/candidates?partyType=AGENCY&partyQ=dupont").body())
			.contains("value=\"" + neighbour + "\"")
			.doesNotContain(dupont.toString(), fils.toString());
		assertThat(
				intruder.get("/cases/" + theirCase + "/parties/candidates?partyType=LISTING&partyQ=bellecour").body())
			.doesNotContain("annonce-77");
		assertThat(intruder.get("/cases/" + theirCase + "/parties/candidates?partyType=CONTACT&partyQ=camille").body())
			.doesNotContain(camille.toString());
		assertThat(intruder.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=dupont").statusCode())
			.isEqualTo(404);

		// in English
		browser.get("/cases/" + caseId + "?lang=en");
		assertThat(browser.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=fils").body())
			.contains("Link Dupont &amp; Fils");
		assertThat(browser.get("/cases/" + caseId + "/parties/candidates?partyType=AGENCY&partyQ=x").body())
			.contains("Type at least 2 letters.");
	}

	UUID agency(Tenant tenant, String name, String city) {
		UUID id = UUID.randomUUID();
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc
					.sql("insert into agency (org_id, id, name, name_key, city) values (?, ?, ?, ?, ?)")
					.params(tenant.orgId(), id, name, name.toLowerCase(), city)
					.update()));
		return id;
	}

	UUID contact(Tenant tenant, UUID agency, String first, @Nullable String last) {
		UUID id = UUID.randomUUID();
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc
					.sql("insert into contact (org_id, id, agency_id, first_name, last_name, name_words)"
							+ " values (?, ?, ?, ?, ?, atlas_contact_name_words(?, ?))")
					.params(tenant.orgId(), id, agency, first, last, first, last)
					.update()));
		return id;
	}

	List<Map<String, Object>> parties(Tenant tenant, String path) {
		var response = this.api.raw()
			.get()
			.uri(path)
			.header("Authorization", "Bearer " + tenant.token())
			.retrieve()
			.toEntity(List.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	String newCase(Tenant tenant) {
		var response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Dossier avec parties"));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

}
