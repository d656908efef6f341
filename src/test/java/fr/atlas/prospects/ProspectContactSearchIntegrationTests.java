package fr.atlas.prospects;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's text search finds an agency through its people: each word of the text the
 * beginning of a word of a contact's name (case, accents and ligatures aside; ADR 0066),
 * e-mail or phone in any format; each agency once, within the status filters, for the
 * organisation's own contacts only. The list page says which contact matched.
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

	@Autowired
	ProspectsApi prospects;

	@Test
	void findsAnAgencyByItsTradeNameTypedWithoutItsAccents() {
		String token = this.api.newOrganisation("Enseignes sans accents").token();
		this.prospects.importAndWait(token, "enseignes.csv", """
				Raison sociale;Enseigne;Code postal;Ville
				SARL Dupont Gestion;Laforêt Évian-Centre;74500;Évian-les-Bains
				SAS Martin Conseil;L’Immobilier du Cœur;69002;Lyon
				SCI Lafarge;;69003;Lyon
				""");

		assertThat(this.prospects.names(token, "/api/v1/prospects?q=laforet")).containsExactly("SARL Dupont Gestion");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=EVIAN centre"))
			.containsExactly("SARL Dupont Gestion");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=immobilier du coeur"))
			.containsExactly("SAS Martin Conseil");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Laforêt")).containsExactly("SARL Dupont Gestion");
	}

	@Test
	void findsAnAgencyByTheWordsOfItsNameAndItsTownInAnyOrder() {
		String token = this.api.newOrganisation("Réseau en Savoie").token();
		this.prospects.importAndWait(token, "reseau.csv", """
				Raison sociale;Code postal;Ville
				ORPI Gare Thonon;74200;Thonon-les-Bains
				ORPI Gare Annecy;74000;Annecy
				Century 21 Côté Lac;74200;Thonon-les-Bains
				Century 21 Côté Lac;74100;Annemasse
				""");
		// a brand in the trade name alone, the company's name being another
		this.prospects.importAndWait(token, "enseignes.csv", """
				Raison sociale;Enseigne;Code postal;Ville
				SARL Dupont Gestion;Laforêt Évian-Centre;74500;Évian-les-Bains
				SAS Immobilière du Rhône;Century 21 Rhône;69002;LYON 2E
				""");

		// a brand and a town, as a salesperson types them: before, only a run of the
		// name's words as written was found, and these found nothing
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=orpi thonon")).containsExactly("ORPI Gare Thonon");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=orpi annecy")).containsExactly("ORPI Gare Annecy");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=century 21 annemasse"))
			.containsExactly("Century 21 Côté Lac");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=gare orpi")).hasSize(2);
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=orpi annemasse")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=century 21 lyon"))
			.containsExactly("SAS Immobilière du Rhône");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=laforet evian"))
			.containsExactly("SARL Dupont Gestion");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=century annemasse"))
			.containsExactly("Century 21 Côté Lac");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=laforet lyon")).isEmpty();
		// nor does another organisation find them by their trade name
		String other = this.api.newOrganisation("Réseau voisin").token();
		assertThat(this.prospects.names(other, "/api/v1/prospects?q=century 21 lyon")).isEmpty();
		assertThat(this.prospects.names(other, "/api/v1/prospects?q=century annemasse")).isEmpty();
	}

	@Test
	void findsAnAgencyByTheDomainOfItsEmails() {
		String token = this.api.newOrganisation("Domaines").token();
		this.prospects.importAndWait(token, "domaines.csv", """
				Raison sociale;E-mail;Code postal
				SARL Immobilière du Lac;contact@agencedulac.fr;74500
				Agence Voisine;contact@voisine.fr;74500
				""");

		// a domain pasted from a signature found only agencies whose website it was
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=agencedulac.fr"))
			.containsExactly("SARL Immobilière du Lac");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Agencedulac.FR"))
			.containsExactly("SARL Immobilière du Lac");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=lac.fr")).isEmpty();
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
		// Martine of Immo Sud begins so too (ADR 0066)
		Map<String, Object> martins = this.api.get(token, "/api/v1/prospects?q=martin&size=1").getBody();
		assertThat(martins).containsEntry("total", 2);
		assertThat((List<Map<String, Object>>) martins.get("items")).extracting((a) -> a.get("name"))
			.containsExactly("Agence du Parc");
		Map<String, Object> second = this.api.get(token, "/api/v1/prospects?q=martin&size=1&page=1").getBody();
		assertThat(second).containsEntry("total", 2);
		assertThat((List<Map<String, Object>>) second.get("items")).extracting((a) -> a.get("name"))
			.containsExactly("Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=martin sophie")).containsExactly("Agence du Parc");
		// the e-mail whatever its case, the phone in another format
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=S.Martin@Agence.fr"))
			.containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=06.12.34.56.78")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=0478000001")).containsExactly("Cabinet Lumière");

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
	void findsAContactByAFirstNameAloneOrTheBeginningsOfItsNamesWords() {
		var tenant = this.api.newOrganisation("Carnet par préfixes");
		String token = tenant.token();
		People people = people(token);
		this.prospects.importAndWait(token, "b.csv", """
				Raison sociale;Code postal;Ville;Prénom du contact;Nom du contact
				Cabinet Martin Immobilier;44000;Nantes;Anaïs;Vasseur
				""");

		// an imported contact as one added by hand
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=vass"))
			.containsExactly("Cabinet Martin Immobilier");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=anais"))
			.containsExactly("Cabinet Martin Immobilier");
		// and as changed: the new name is found, the old one no more
		ResponseEntity<Map> added = this.api.post(token, "/api/v1/prospects/" + people.lumiere() + "/contacts",
				Map.of("firstName", "Gaspard", "lastName", "Ollier"));
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=gasp")).containsExactly("Cabinet Lumière");
		assertThat(this.api.patch(token, added.getHeaders().getLocation().getPath(), Map.of("firstName", "Théo"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=gasp")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=theo oll")).containsExactly("Cabinet Lumière");

		// a first name alone
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Sophie")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=hélène")).containsExactly("Cabinet Lumière");
		// the beginning of a word, any word, whatever its accents and case; an agency's
		// own name is found by a part of it as before
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Soph")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Mart")).containsExactly("Agence du Parc",
				"Cabinet Martin Immobilier", "Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=LEF")).containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Hél")).containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=pierre")).containsExactly("Immo Sud");
		// each word of the text begins a word of the name, in any order
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=soph mart")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Martin Soph")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Sophie M")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=jean-p rou")).containsExactly("Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=sophie dupont")).isEmpty();
		// the middle of a name is not its beginning
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=ophie")).isEmpty();
		// too short: a letter alone, or letters alone, are no name ("He" is)
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=h")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=h l")).isEmpty();
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=He")).containsExactly("Cabinet Lumière");
	}

	@Test
	void foldsLigaturesAndLettersBeyondAccentsBothWaysInContactsAndAgencyNames() {
		var tenant = this.api.newOrganisation("Carnet ligaturé");
		String token = tenant.token();
		People people = people(token);
		this.prospects.importAndWait(token, "b.csv", """
				Raison sociale;Code postal;Ville
				Le Bœuf Immobilier;44000;Nantes
				Agence Coeur de Ville;35000;Rennes
				""");
		add(token, people.parc(), Map.of("firstName", "Cécile", "lastName", "Lebœuf"));
		add(token, people.lumiere(), Map.of("firstName", "Søren", "lastName", "Cœurjoly"));
		add(token, people.sud(), Map.of("firstName", "Łucja", "lastName", "Strauß"));
		add(token, people.sud(), Map.of("firstName", "Noëlle", "lastName", "Coeuret"));

		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Leboeuf")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=LEBŒUF")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=cecile lebo")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Soren")).containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=coeurj")).containsExactly("Cabinet Lumière");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=lucja strauss")).containsExactly("Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Strauß")).containsExactly("Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Cœuret")).containsExactly("Immo Sud");
		// agency names through their key, and contacts, œ both ways; Lebœuf does not
		// begin with "boeuf"
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=boeuf")).containsExactly("Le Bœuf Immobilier");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=Bœuf")).containsExactly("Le Bœuf Immobilier");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=cœur")).containsExactly("Agence Coeur de Ville",
				"Cabinet Lumière", "Immo Sud");
		assertThat(this.prospects.names(token, "/api/v1/prospects?q=coeur")).containsExactly("Agence Coeur de Ville",
				"Cabinet Lumière", "Immo Sud");
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

		// a first name alone, the beginning of a name (ADR 0066)
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=zoe")).containsExactly("Agence Voisine");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=Fab")).containsExactly("Agence Voisine");

		for (String q : List.of("Zoé Fabre", "fabre", "zoe", "Fab", "zo fa", "zoe@voisine.fr", "06 99 88 77 66")) {
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
			.contains("Contact\u00A0: Sophie Martin")
			.contains("Nom, SIRET, e-mail, téléphone, site, contact…");
		assertThat(session.getFragment("/prospects?q=" + encoded("hélène LEFEVRE")).body())
			.contains("Contact\u00A0: Hélène Lefèvre");
		// the beginning of a name (ADR 0066): the two Martins' agency names one of
		// them, once; Martine's agency hers
		String prefix = session.getFragment("/prospects?q=" + encoded("mart")).body();
		assertThat(prefix).contains("Contact\u00A0: Paul Martin").contains("Contact\u00A0: Martine Dupont");
		assertThat(prefix.split("Contact\u00A0: ", -1)).hasSize(3);
		assertThat(session.getFragment("/prospects?q=" + encoded("Soph")).body()).contains("Agence du Parc")
			.contains("Contact\u00A0: Sophie Martin")
			.doesNotContain("Immo Sud");
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
