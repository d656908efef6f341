package fr.atlas.prospects;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's text search finds an agency through its people: a contact's full name in
 * either order or last name alone (case and accents aside), e-mail or phone in any
 * format; each agency once, within the status filters, for the organisation's own
 * contacts only. The list page says which contact matched.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectContactSearchIntegrationTests {

	static final String AGENCIES = """
			Raison sociale;Code postal;Ville
			Agence du Parc;75011;Paris
			Cabinet Lumière;69002;Lyon
			Immo Sud;13001;Marseille
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	ProspectsApi prospects;

	@BeforeEach
	void setUp() {
		this.prospects = new ProspectsApi(this.api);
	}

	@Test
	void findsAnAgencyByItsContactsNameEmailOrPhoneOnce() {
		var tenant = this.api.newOrganisation("Carnet d'adresses");
		String token = tenant.token();
		People people = people(token);

		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Sophie Martin")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=martin SOPHIE")).containsExactly("Agence du Parc");
		// accents and case aside, either way round
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=helene lefevre"))
			.containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=LEFÈVRE Hélène"))
			.containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Lefevre")).containsExactly("Cabinet Lumière");
		// a hyphenated first name written with a space
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=jean pierre roux")).containsExactly("Immo Sud");
		// the last name alone: two Martins at the Parc, one agency, counted once; the
		// Martine of Immo Sud is another name
		Map<String, Object> martins = this.api.get(token, "/api/v1/prospects?q=martin&size=1").getBody();
		assertThat(martins).containsEntry("total", 1);
		assertThat((List<Map<String, Object>>) martins.get("items")).extracting((a) -> a.get("name"))
			.containsExactly("Agence du Parc");
		assertThat(this.api.get(token, "/api/v1/prospects?q=martin&size=1&page=1").getBody()).containsEntry("total", 1);
		// the e-mail whatever its case, the phone in another format
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=S.Martin@Agence.fr"))
			.containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=06.12.34.56.78")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=0478000001")).containsExactly("Cabinet Lumière");
		// whole names: a first name alone, or part of a name, finds no one
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Sophie")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Sophie Mart")).isEmpty();

		// the same agency, the same shape as found by its own name
		Map<String, Object> byContact = ((List<Map<String, Object>>) this.api
			.get(token, "/api/v1/prospects?q=Sophie Martin")
			.getBody()
			.get("items")).get(0);
		Map<String, Object> byName = ((List<Map<String, Object>>) this.api.get(token, "/api/v1/prospects?q=parc")
			.getBody()
			.get("items")).get(0);
		assertThat(byContact).isEqualTo(byName);
		assertThat(byContact.get("id")).isEqualTo(people.parc());

		// the export and the bulk change take the same search
		assertThat(this.api.getText(token, "/api/v1/prospects/export?format=csv&q=Hélène Lefèvre").getBody())
			.contains("Cabinet Lumière")
			.doesNotContain("Agence du Parc");
	}

	@Test
	void theStatusFiltersStillApplyAndAMergedAgencysContactsAreItsSurvivors() {
		var tenant = this.api.newOrganisation("Carnet fusionné");
		String token = tenant.token();
		People people = people(token);

		assertThat(this.api.post(token, "/api/v1/prospects/" + people.lumiere() + "/archive", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Lefèvre")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Lefèvre&status=ARCHIVED"))
			.containsExactly("Cabinet Lumière");

		// Immo Sud merged into the Parc: its people are the Parc's now
		assertThat(
				this.api.post(token, "/api/v1/prospects/" + people.parc() + "/merge", Map.of("otherId", people.sud()))
					.getStatusCode()
					.value())
			.isEqualTo(200);
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Jean-Pierre Roux"))
			.containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Jean-Pierre Roux&status=MERGED")).isEmpty();
		assertThat(this.api.get(token, "/api/v1/prospects?q=Roux&status=ALL").getBody()).containsEntry("total", 1);
	}

	@Test
	void anotherOrganisationsContactsFindNothing() {
		var tenant = this.api.newOrganisation("Carnet");
		people(tenant.token());
		var other = this.api.newOrganisation("Autre carnet");
		this.prospects.importAndWait(other.token(), "b.csv", """
				Raison sociale;Code postal;Ville
				Agence Voisine;33000;Bordeaux
				""");
		String voisine = this.prospects.idOf(other.token(), "voisine");
		add(other.token(), voisine, Map.of("firstName", "Zoé", "lastName", "Fabre", "emails", "zoe@voisine.fr",
				"phones", "06 99 88 77 66"));
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=Zoé Fabre"))
			.containsExactly("Agence Voisine");

		for (String q : List.of("Zoé Fabre", "fabre", "zoe@voisine.fr", "06 99 88 77 66")) {
			Map<String, Object> found = this.api.get(tenant.token(), "/api/v1/prospects?q=" + q).getBody();
			assertThat(found).as(q).containsEntry("total", 0);
		}
		// and the other way round
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=Sophie Martin")).isEmpty();
	}

	@Test
	void theListPageSaysWhichContactMatched() throws Exception {
		var tenant = this.api.newOrganisation("Carnet en page");
		people(tenant.token());
		PageSession session = new PageSession(this.port).login(tenant.email());

		String found = session.get("/prospects?q=" + encoded("s.martin@agence.fr")).body();
		assertThat(found).contains("Agence du Parc")
			.contains("Contact : Sophie Martin")
			.contains("Nom, SIRET, e-mail, téléphone, site, contact…");
		assertThat(session.getFragment("/prospects?q=" + encoded("hélène LEFEVRE")).body())
			.contains("Contact : Hélène Lefèvre");
		// found by its own name: no contact to name
		assertThat(session.get("/prospects?q=parc").body()).contains("Agence du Parc").doesNotContain("found-contact");

		String english = session.get("/prospects?lang=en&q=" + encoded("Martin Sophie")).body();
		assertThat(english).contains("Contact: Sophie Martin")
			.contains("Name, SIRET, e-mail, phone, website, contact…");
	}

	/**
	 * The three agencies and their people: Sophie and Paul Martin at the Parc, Hélène
	 * Lefèvre at Lumière, Martine Dupont and Jean-Pierre Roux at Immo Sud.
	 */
	private People people(String token) {
		this.prospects.importAndWait(token, "a.csv", AGENCIES);
		People people = new People(this.prospects.idOf(token, "parc"), this.prospects.idOf(token, "lumiere"),
				this.prospects.idOf(token, "sud"));
		add(token, people.parc(), Map.of("firstName", "Sophie", "lastName", "Martin", "emails", "s.martin@agence.fr",
				"phones", "06 12 34 56 78"));
		add(token, people.parc(), Map.of("firstName", "Paul", "lastName", "Martin", "emails", "p.martin@agence.fr"));
		add(token, people.lumiere(), Map.of("firstName", "Hélène", "lastName", "Lefèvre", "phones", "04 78 00 00 01"));
		add(token, people.sud(), Map.of("firstName", "Martine", "lastName", "Dupont"));
		add(token, people.sud(), Map.of("firstName", "Jean-Pierre", "lastName", "Roux"));
		return people;
	}

	private void add(String token, String agency, Map<String, Object> contact) {
		ResponseEntity<Map> added = this.api.post(token, "/api/v1/prospects/" + agency + "/contacts", contact);
		assertThat(added.getStatusCode().value()).as(added.toString()).isEqualTo(201);
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	record People(String parc, String lumiere, String sud) {
	}

}
