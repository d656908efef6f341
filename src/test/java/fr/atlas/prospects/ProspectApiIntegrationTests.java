package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectApiIntegrationTests {

	static final String AGENCIES = """
			Raison sociale;Enseigne;SIRET;E-mail;Téléphone;Code postal;Ville;Spécialité;Nb annonces;Prénom;Nom du contact;Fonction
			Agence de la Gare;;54205118000066;contact@gare.fr;01 23 45 67 89;75008;Paris;transaction;40;Jean;Dupont;Gérant
			Cabinet Martin;;;martin@cabinet.fr;04 91 00 00 02;13002;Marseille;location;12;Anne;Martin;Directrice
			Immo Martin;;;info@immo-martin.fr;04 91 00 00 02;13002;Marseille;;3;;;
			=HYPERLINK("http://evil");;;;;69003;Lyon;;1;;;
			Orpi Saint-Lazare;;;;;75009;Paris;transaction;25;;;
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void anAgencyPageOnANetworksSiteIsItsWebsiteAndNamesIt() {
		var tenant = this.api.newOrganisation("Pages de réseau");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "reseau.csv", """
				Raison sociale;Code postal;Ville;Site web
				Century 21 Vieux Port;13002;Marseille;https://www.century21.fr/agence/vieux-port-marseille/
				CENTURY 21 VIEUX-PORT;;;century21.fr/agence/vieux-port-marseille
				Century 21 Prado;13008;Marseille;https://www.century21.fr/agence/prado-marseille/?utm_source=x
				Agence du Lac;74000;Annecy;https://www.agence-du-lac.fr/nos-biens
				""");
		// the second row names no place and another way: only the page tells it is the
		// first
		assertThat(done).containsEntry("created", 3).containsEntry("merged", 1);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=century21.fr&sort=name"))
			.containsExactly("Century 21 Prado", "Century 21 Vieux Port");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=century21.fr/agence/prado-marseille"))
			.containsExactly("Century 21 Prado");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=agence-du-lac.fr"))
			.containsExactly("Agence du Lac");
		// another organisation searching the same site finds nothing of it
		var other = this.api.newOrganisation("Pages d'un autre");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=century21.fr")).isEmpty();
	}

	@Test
	void aCedexCodeComparesTownsAndANameFollowedByItsTownIsTheName() {
		var tenant = this.api.newOrganisation("Cedex");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "cedex.csv", """
				Raison sociale;Code postal;Ville
				Roux & Vincent Immobilier;93269;Saint-Denis Cedex
				Roux et Vincent Immobilier;93200;Saint-Denis
				Cabinet Fabre;93200;Saint-Denis
				Cabinet Fabre;93269;SAINT DENIS CEDEX 1
				Agence Gonzalez Villeurbanne;69100;Villeurbanne
				Agence Gonzalez;69100;VILLEURBANNE
				Cabinet Fabre;93270;Sevran
				""");
		// a name alone in a town is for a person to confirm; the town after a name is
		// the name
		assertThat(done).containsEntry("created", 6).containsEntry("merged", 1);
		assertThat(duplicates(tenant.token())).hasSize(2)
			.allSatisfy((d) -> assertThat((List<String>) d.get("reasons")).contains("same_city"));
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?city=saint-denis-cedex&sort=name"))
			.containsExactly("Cabinet Fabre", "Cabinet Fabre", "Roux & Vincent Immobilier",
					"Roux et Vincent Immobilier");
	}

	/** Corsica's departments are 2A and 2B; its postcodes, and people, say 20. */
	@Test
	void department20FindsBothCorsicanDepartments() {
		var tenant = this.api.newOrganisation("Corse");
		this.prospects.importAndWait(tenant.token(), "corse.csv", """
				Raison sociale;Code postal;Ville;Téléphone
				Agence du Golfe;20000;Ajaccio;04 95 00 00 01
				Immobilière du Port;20200;Bastia;04 95 00 00 02
				Agence du Continent;13001;Marseille;04 91 00 00 03
				""");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=20&sort=name"))
			.containsExactly("Agence du Golfe", "Immobilière du Port");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=2a"))
			.containsExactly("Agence du Golfe");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=2B"))
			.containsExactly("Immobilière du Port");
	}

	@Test
	void searchesFiltersSortsAndPages() {
		var tenant = this.api.newOrganisation("Recherche");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);

		Map<String, Object> all = this.api.get(tenant.token(), "/api/v1/prospects?sort=name&size=2").getBody();
		assertThat(all).containsEntry("total", 5).containsEntry("size", 2).containsEntry("page", 0);
		assertThat((List<Map<String, Object>>) all.get("items")).hasSize(2);
		// paging out of range is brought to its bounds, as in every list (ADR 0073)
		Map<String, Object> smallest = this.api.get(tenant.token(), "/api/v1/prospects?size=0&page=-3").getBody();
		assertThat(smallest).containsEntry("size", 1).containsEntry("page", 0);
		assertThat((List<?>) smallest.get("items")).hasSize(1);
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects?size=5000").getBody()).containsEntry("size", 200);

		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=13&sort=name"))
			.containsExactly("Cabinet Martin", "Immo Martin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=13&sort=-name"))
			.containsExactly("Immo Martin", "Cabinet Martin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?city=paris&sort=name"))
			.containsExactly("Agence de la Gare", "Orpi Saint-Lazare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=gare"))
			.containsExactly("Agence de la Gare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=542 051 180 00066"))
			.containsExactly("Agence de la Gare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=01.23.45.67.89"))
			.containsExactly("Agence de la Gare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=542051180"))
			.containsExactly("Agence de la Gare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=Martin@Cabinet.fr"))
			.containsExactly("Cabinet Martin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?specialty=location"))
			.containsExactly("Cabinet Martin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=listingCount,desc&size=1"))
			.containsExactly("Agence de la Gare");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?page=2&size=2&sort=name")).hasSize(1);

		// a text search is counted with its page, past its end and when nothing matches
		Map<String, Object> martins = this.api.get(tenant.token(), "/api/v1/prospects?q=martin&sort=-name&size=1")
			.getBody();
		assertThat(martins).containsEntry("total", 2);
		assertThat((List<Map<String, Object>>) martins.get("items")).extracting((a) -> a.get("name"))
			.containsExactly("Immo Martin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=martin&sort=-name&size=1&page=1"))
			.containsExactly("Cabinet Martin");
		Map<String, Object> past = this.api.get(tenant.token(), "/api/v1/prospects?q=martin&size=1&page=5").getBody();
		assertThat(past).containsEntry("total", 2);
		assertThat((List<Map<String, Object>>) past.get("items")).isEmpty();
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects?q=zzzz").getBody()).containsEntry("total", 0);
	}

	@Test
	void aTextSearchIgnoresTheCaseOfNamesAndTradeNamesAndTheNewestComeFirst() {
		var tenant = this.api.newOrganisation("Casse");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Enseigne;Code postal;Ville
				Dupont & Morel;L'ÉTOILE DU SUD;13002;Marseille
				CABINET VIDAL;;69001;Lyon
				""");
		this.prospects.importAndWait(tenant.token(), "b.csv", """
				Raison sociale;Code postal;Ville
				Agence Roussel;33000;Bordeaux
				""");
		// accented capitals of a trade name, written in small letters
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=étoile du"))
			.containsExactly("Dupont & Morel");
		Map<String, Object> found = this.api.get(tenant.token(), "/api/v1/prospects?q=Vidal&size=1").getBody();
		assertThat(found).containsEntry("total", 1);
		assertThat((List<Map<String, Object>>) found.get("items")).extracting((a) -> a.get("name"))
			.containsExactly("CABINET VIDAL");
		// created is never null: newest first, oldest first, and the same with a search
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=-created").get(0))
			.isEqualTo("Agence Roussel");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=created").get(2))
			.isEqualTo("Agence Roussel");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=o&sort=-created").get(0))
			.isEqualTo("Agence Roussel");
	}

	@Test
	void filtersByPostcodeAndTagWithinTheOrganisationOnly() {
		var tenant = this.api.newOrganisation("Filtres");
		var other = this.api.newOrganisation("Filtres voisins");
		this.prospects.importAndWait(tenant.token(), "f.csv", """
				Raison sociale;Code postal;Ville;Tags
				Agence Un;75008;Paris;Luxe, Centre
				Agence Deux;75017;Paris;centre
				Agence Trois;13002;Marseille;
				""");
		this.prospects.importAndWait(other.token(), "g.csv",
				"Raison sociale;Code postal;Ville;Tags\nAgence Autre;75001;Paris;luxe\n");

		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?postcode=75&sort=name"))
			.containsExactly("Agence Deux", "Agence Un");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?postcode=75 008"))
			.containsExactly("Agence Un");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?postcode=%25")).isEmpty();
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=CENTRE&sort=-name"))
			.containsExactly("Agence Un", "Agence Deux");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=luxe&postcode=75"))
			.containsExactly("Agence Un");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=created_at,desc&size=1")).hasSize(1);
		assertThat(this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&tag=luxe").getBody())
			.contains("Agence Un")
			.doesNotContain("Agence Deux")
			.doesNotContain("Agence Autre");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?tag=luxe")).containsExactly("Agence Autre");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?postcode=75&tag=centre")).isEmpty();
	}

	@Test
	void filtersByHowAnAgencyCanBeReachedAndItsListingsWithinTheOrganisationOnly() {
		var tenant = this.api.newOrganisation("Joignables");
		var other = this.api.newOrganisation("Joignables voisins");
		this.prospects.importAndWait(tenant.token(), "j.csv", """
				Raison sociale;E-mail;Téléphone;Code postal;Nb annonces
				Agence Courriel;contact@courriel.fr;;75008;12
				Agence Fixe;;01 42 00 00 01;75008;40
				Agence Portable;;06 12 34 56 78;75017;
				Agence Complète;info@complete.fr;+33 7 81 23 45 67;13002;250
				Agence Muette;;;13002;5
				""");
		this.prospects.importAndWait(other.token(), "k.csv",
				"Raison sociale;E-mail;Nb annonces\nAgence Voisine;voisine@ailleurs.fr;300\n");

		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?reachable=email&sort=name"))
			.containsExactly("Agence Complète", "Agence Courriel");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?reachable=phone&sort=name"))
			.containsExactly("Agence Complète", "Agence Fixe", "Agence Portable");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?reachable=MOBILE&sort=name"))
			.containsExactly("Agence Complète", "Agence Portable");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?reachable=none"))
			.containsExactly("Agence Muette");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minListings=40&sort=-listings"))
			.containsExactly("Agence Complète", "Agence Fixe");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minListings=1 0&reachable=email"))
			.containsExactly("Agence Complète", "Agence Courriel");
		assertThat(this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&reachable=mobile").getBody())
			.contains("Agence Portable", "Agence Complète")
			.doesNotContain("Agence Fixe");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?reachable=email&minListings=10"))
			.containsExactly("Agence Voisine");
		// a bulk change of "all the agencies of this search" reads the same filters
		ResponseEntity<Map> tagged = this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of("reachable", "email", "minListings", 100), "addTags", List.of("gros")));
		assertThat(tagged.getBody()).containsEntry("matched", 1).containsEntry("updated", 1);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=gros"))
			.containsExactly("Agence Complète");

		ResponseEntity<Map> badReach = this.api.get(tenant.token(), "/api/v1/prospects?reachable=fax");
		assertThat(badReach.getStatusCode().value()).isEqualTo(400);
		assertThat(badReach.getBody().get("errors")).asString()
			.contains("prospects.filter.reachable", "email, phone, mobile ou none");
		ResponseEntity<Map> badCount = this.api.get(tenant.token(), "/api/v1/prospects?minListings=vingt");
		assertThat(badCount.getStatusCode().value()).isEqualTo(400);
		assertThat(badCount.getBody().get("errors")).asString().contains("minListings", "indiquez un nombre entier");
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsThePossibleDuplicatesOneImportFound() {
		var tenant = this.api.newOrganisation("Doublons par import");
		var other = this.api.newOrganisation("Doublons voisins");
		String first = (String) this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Cabinet Girard;04 77 22 45 47;69007;Lyon
				Cabinet Girardin;;69007;Lyon
				""").get("id");
		String second = (String) this.prospects.importAndWait(tenant.token(), "b.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence Lumière;04 69 35 57 45;74000;Annecy
				Agence Lumiere;04 50 27 33 18;74000;Annecy
				""").get("id");

		List<Map<String, Object>> all = duplicates(tenant.token(), "");
		assertThat(all).hasSize(2);
		List<Map<String, Object>> ofFirst = duplicates(tenant.token(), "?importId=" + first);
		assertThat(ofFirst).singleElement()
			.satisfies((d) -> assertThat(List.of(((Map<String, Object>) d.get("agency")).get("name"),
					((Map<String, Object>) d.get("other")).get("name")))
				.containsExactlyInAnyOrder("Cabinet Girard", "Cabinet Girardin"));
		assertThat(duplicates(tenant.token(), "?importId=" + second)).hasSize(1);
		// another organisation sees nothing of them, by the import's id or not
		assertThat(duplicates(other.token(), "?importId=" + first)).isEmpty();
		ResponseEntity<Map> bad = this.api.get(tenant.token(), "/api/v1/prospects/duplicates?importId=hier");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().get("errors")).asString().contains("importId", "prospects.filter.import");
	}

	@Test
	void listsExportsAndChangesTheAgenciesAnImportEndedIn() {
		var tenant = this.api.newOrganisation("Par import");
		var other = this.api.newOrganisation("Par import, voisin");
		String first = (String) this.prospects.importAndWait(tenant.token(), "premier.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Parc;04 91 00 00 01;13001;Marseille
				Cabinet Voisin;04 91 00 00 02;13002;Marseille
				""").get("id");
		// one row completes an agency of the first file, one brings a new agency, one is
		// rejected
		String second = (String) this.prospects.importAndWait(tenant.token(), "second.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				AGENCE DU PARC;04.91.00.00.01;13001;Marseille
				Immobilière du Rhône;04 78 00 00 03;69002;Lyon
				;;;Lyon
				""").get("id");

		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?importId=" + first))
			.containsExactly("Agence du Parc", "Cabinet Voisin");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?importId=" + second))
			.containsExactly("Agence du Parc", "Immobilière du Rhône");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=69&importId=" + second))
			.containsExactly("Immobilière du Rhône");
		assertThat(this.api.getText(tenant.token(), "/api/v1/prospects/export?importId=" + first).getBody())
			.contains("Cabinet Voisin")
			.doesNotContain("Rhône");

		// tag what a file brought, in one call
		Map<String, Object> tagged = this.api
			.post(tenant.token(), "/api/v1/prospects/bulk",
					Map.of("filter", Map.of("importId", second), "addTags", "salon-2026"))
			.getBody();
		assertThat(tagged).containsEntry("matched", 2).containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=salon-2026"))
			.containsExactly("Agence du Parc", "Immobilière du Rhône");

		ResponseEntity<Map> bad = this.api.get(tenant.token(), "/api/v1/prospects?importId=pas-un-id");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().get("errors")).asString().contains("importId", "prospects.filter.import");
		// another organisation's import shows nothing, even by its id
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?importId=" + first)).isEmpty();
		assertThat(this.api
			.post(other.token(), "/api/v1/prospects/bulk",
					Map.of("filter", Map.of("importId", first), "addTags", "intrus"))
			.getBody()).containsEntry("matched", 0);
	}

	@Test
	void showsAnAgencyWithContactsSourcesAndPhoneKinds() {
		var tenant = this.api.newOrganisation("Détail");
		Map<String, Object> job = this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		String id = this.prospects.idOf(tenant.token(), "gare");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();
		Map<String, Object> agency = (Map<String, Object>) detail.get("agency");
		assertThat(agency).containsEntry("siret", "54205118000066")
			.containsEntry("siren", "542051180")
			.containsEntry("department", "75");
		assertThat((List<Map<String, Object>>) agency.get("phones"))
			.containsExactly(Map.of("number", "+33123456789", "kind", "FIXED"));
		assertThat((List<Map<String, Object>>) detail.get("contacts")).singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("firstName", "Jean")
				.containsEntry("lastName", "Dupont")
				.containsEntry("role", "Gérant"));
		assertThat((List<Map<String, Object>>) detail.get("sources"))
			.anySatisfy((s) -> assertThat(s).containsEntry("field", "siret")
				.containsEntry("value", "54205118000066")
				.containsEntry("kind", "IMPORT")
				.containsEntry("importId", job.get("id"))
				.containsEntry("row", 1));
	}

	@Test
	void listsAgenciesWithoutANameLastWhicheverTheNameOrder() {
		var tenant = this.api.newOrganisation("Sans nom");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Code postal;Ville
				;aaa@agence-sans-nom.fr;75008;Paris
				Cabinet Martin;martin@cabinet.fr;13002;Marseille
				Agence de la Gare;contact@gare.fr;75008;Paris
				""");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=name"))
			.containsExactly("Agence de la Gare", "Cabinet Martin", "aaa@agence-sans-nom.fr");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=-name"))
			.containsExactly("Cabinet Martin", "Agence de la Gare", "aaa@agence-sans-nom.fr");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=a")).containsExactly("Agence de la Gare",
				"Cabinet Martin", "aaa@agence-sans-nom.fr");
	}

	@Test
	void ordersNamesAsTheyReadInFrenchNotByTheirMatchingKey() {
		// the matching key leaves out "de la", "du", an article's "L'" and legal forms:
		// an order by it put "L'Adresse" first and "Agence Lumière" between "Agence de
		// la Gare" and "Agence du Parc"
		var tenant = this.api.newOrganisation("Ordre des noms");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Code postal;Ville
				L'ADRESSE LYON;adresse@lyon.fr;69002;Lyon
				Agence du Parc;parc@agence.fr;69003;Lyon
				Agence Lumière;lumiere@agence.fr;74000;Annecy
				agence de la gare;gare@agence.fr;75008;Paris
				Étoile Immobilier;etoile@immo.fr;75017;Paris
				SARL Eden Immobilier;eden@immo.fr;06000;Nice
				Zénith Conseil;zenith@conseil.fr;13001;Marseille
				""");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=name")).containsExactly(
				"agence de la gare", "Agence du Parc", "Agence Lumière", "Étoile Immobilier", "L'ADRESSE LYON",
				"SARL Eden Immobilier", "Zénith Conseil");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=-name")).containsExactly(
				"Zénith Conseil", "SARL Eden Immobilier", "L'ADRESSE LYON", "Étoile Immobilier", "Agence Lumière",
				"Agence du Parc", "agence de la gare");
	}

	@Test
	void ordersTownsAsTheyReadInFrenchNotByTheirMatchingKey() {
		// the town key writes "Saint" "st": "Saint-Étienne" came after "Seynod"
		var tenant = this.api.newOrganisation("Ordre des villes");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Code postal;Ville
				Agence Un;un@agence.fr;74600;SEYNOD
				Agence Deux;deux@agence.fr;42000;Saint-Étienne
				Agence Trois;trois@agence.fr;69110;Sainte-Foy-lès-Lyon
				Agence Quatre;quatre@agence.fr;01000;Bourg-en-Bresse
				Agence Cinq;cinq@agence.fr;73000;Chambéry
				Agence Six;six@agence.fr;69130;Écully
				Agence Sept;sept@agence.fr;;
				""");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=city")).containsExactly("Agence Quatre",
				"Agence Cinq", "Agence Six", "Agence Deux", "Agence Trois", "Agence Un", "Agence Sept");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=-city")).containsExactly("Agence Un",
				"Agence Trois", "Agence Deux", "Agence Six", "Agence Cinq", "Agence Quatre", "Agence Sept");
	}

	@Test
	void givesTheNameAndTownAsStoredAndAsListsShowThem() {
		var tenant = this.api.newOrganisation("Capitales");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Code postal;Ville
				CABINET DE LA GARE SARL;gare@cabinet.fr;64500;SAINT-JEAN-DE-LUZ
				""");
		Map<String, Object> listed = ((List<Map<String, Object>>) this.api.get(tenant.token(), "/api/v1/prospects")
			.getBody()
			.get("items")).get(0);
		assertThat(listed).containsEntry("name", "CABINET DE LA GARE SARL")
			.containsEntry("displayName", "Cabinet de la Gare SARL")
			.containsEntry("city", "SAINT-JEAN-DE-LUZ")
			.containsEntry("displayCity", "Saint-Jean-de-Luz");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + listed.get("id")).getBody();
		assertThat((Map<String, Object>) detail.get("agency")).containsEntry("displayName", "Cabinet de la Gare SARL")
			.containsEntry("displayCity", "Saint-Jean-de-Luz");
	}

	/**
	 * The filter and the API's {@code specialties} read each wording alike: the filter
	 * finds, for each code, exactly the agencies the API says have it.
	 */
	@Test
	void filtersBySpecialtyWhateverTheWordingAsTheAgencyReadsIt() {
		var tenant = this.api.newOrganisation("Spécialités");
		String[] wordings = { "Transaction, Location", "RÉSIDENTIEL", "gestion-locative", "Immobilier d'entreprise",
				"Programme neuf (VEFA)", "Biens d’exception", "syndic de copropriété", "Terrains à bâtir", "préventes",
				"viager", "location saisonnière", "residential & new-build" };
		String[] names = { "Agence Alpha", "Cabinet Brune", "Immobilière Cassis", "Domaine Delta", "Études Écrins",
				"Foncia Figuier", "Groupe Grenat", "Habitat Hermine", "Immo Iris", "Juste Jade", "Kerozen Kapok",
				"Les Lilas" };
		StringBuilder file = new StringBuilder("Raison sociale;E-mail;Code postal;Ville;Spécialité\n");
		for (int i = 0; i < wordings.length; i++) {
			file.append(names[i])
				.append(";agence")
				.append(i)
				.append("@exemple")
				.append(i)
				.append(".fr;75008;Paris;")
				.append(wordings[i])
				.append('\n');
		}
		this.prospects.importAndWait(tenant.token(), "a.csv", file.toString());
		List<Map<String, Object>> all = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?size=100")
			.getBody()
			.get("items");
		assertThat(all).hasSize(wordings.length);
		assertThat(all).filteredOn((a) -> "Agence Alpha".equals(a.get("name")))
			.singleElement()
			.satisfies((a) -> assertThat(a).containsEntry("specialty", "transaction, location")
				.containsEntry("specialties", List.of("residential", "rental")));
		for (String code : List.of("residential", "commercial", "new-build", "luxury", "rental", "management",
				"land")) {
			List<Object> read = all.stream()
				.filter((a) -> ((List<String>) a.get("specialties")).contains(code))
				.map((a) -> a.get("name"))
				.sorted()
				.toList();
			assertThat(read).as(code).isNotEmpty();
			List<String> filtered = this.prospects.names(tenant.token(),
					"/api/v1/prospects?size=100&specialty=" + code);
			assertThat(filtered).as(code).containsExactlyInAnyOrderElementsOf((List) read);
		}
		// a word of the vocabulary filters as its specialty; another text as it is stored
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?specialty=Location"))
			.containsExactlyInAnyOrder("Agence Alpha", "Immobilière Cassis", "Kerozen Kapok");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?specialty=viager"))
			.containsExactly("Juste Jade");
		// the exports give the codes after the columns they had
		String export = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&specialty=rental")
			.getBody();
		assertThat(export.lines().toList().get(0))
			.endsWith(";created_at;specialties;headcount_min;headcount_max;headcount");
		assertThat(export.lines()).anySatisfy((line) -> assertThat(line).startsWith(
				(String) all.stream().filter((a) -> "Agence Alpha".equals(a.get("name"))).findFirst().get().get("id"))
			.endsWith(";residential,rental;;;"));
		// another organisation finds none of them
		var other = this.api.newOrganisation("Voisine");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?specialty=rental")).isEmpty();
	}

	@Test
	void filtersByALeastRevenueAsFilesWriteItAndBySource() {
		var tenant = this.api.newOrganisation("Chiffres");
		this.prospects.importAndWait(tenant.token(), "ca.csv", """
				Raison sociale;E-mail;Chiffre d'affaires;Source
				Agence Grande;grande@grande.fr;1,5 M€;Salon RENT
				Agence Moyenne;moyenne@moyenne.fr;500 000;salon rent
				Agence Petite;petite@petite.fr;120 k€;Achat liste
				Agence Muette;muette@muette.fr;;
				""");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minRevenue=500 k€"))
			.containsExactlyInAnyOrder("Agence Grande", "Agence Moyenne");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minRevenue=1.5 M€"))
			.containsExactly("Agence Grande");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minRevenue=500000.01"))
			.containsExactly("Agence Grande");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?minRevenue=0")).hasSize(3);
		// the source whatever its case, combined with the other filters
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?source=SALON RENT"))
			.containsExactlyInAnyOrder("Agence Grande", "Agence Moyenne");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?source=salon rent&minRevenue=1 M€"))
			.containsExactly("Agence Grande");
		assertThat(this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&source=Achat liste").getBody())
			.contains("Agence Petite")
			.doesNotContain("Agence Grande");
		ResponseEntity<Map> tagged = this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of("source", "salon rent", "minRevenue", "1 M€"), "addTags", List.of("cible")));
		assertThat(tagged.getBody()).containsEntry("matched", 1).containsEntry("updated", 1);
		// an amount the search cannot read is refused in words
		ResponseEntity<Map> bad = this.api.get(tenant.token(), "/api/v1/prospects?minRevenue=beaucoup");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().get("errors")).asString()
			.contains("minRevenue", "Chiffre d’affaires minimum\u00A0: indiquez un montant en euros");
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects?minRevenue=-5").getStatusCode().value())
			.isEqualTo(400);
		// every filter it cannot read at once, in the same list of errors
		ResponseEntity<Map> two = this.api.get(tenant.token(), "/api/v1/prospects?minRevenue=abc&minListings=-3");
		assertThat(two.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) two.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactlyInAnyOrder("minRevenue", "minListings");
		// another organisation finds none of them
		var other = this.api.newOrganisation("Voisine");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?source=salon rent")).isEmpty();
	}

	/**
	 * A headcount is found by the range its text says, whatever the wording, and a column
	 * of INSEE's bands by the range of each code (ADR 0042).
	 */
	@Test
	void filtersByHeadcountAsTheRangeItsTextSays() {
		var tenant = this.api.newOrganisation("Effectifs");
		this.prospects.importAndWait(tenant.token(), "effectifs.csv", """
				Raison sociale;E-mail;Effectif
				Agence Alpha;alpha@alpha.fr;12
				Cabinet Brune;brune@brune.fr;20 à 49 salariés
				Immobilière Cassis;cassis@cassis.fr;Aucun salarié
				Domaine Delta;delta@delta.fr;5-10
				Études Écrins;ecrins@ecrins.fr;plus de 250
				Foncia Figuier;figuier@figuier.fr;PME
				Groupe Grenat;grenat@grenat.fr;
				""");
		this.prospects.importAndWait(tenant.token(), "sirene.csv", """
				Raison sociale;E-mail;trancheEffectifsUniteLegale
				Habitat Hermine;hermine@hermine.fr;12
				Immo Iris;iris@iris.fr;NN
				""");
		Map<String, Object> alpha = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + this.prospects.idOf(tenant.token(), "alpha"))
			.getBody()
			.get("agency");
		assertThat(alpha).containsEntry("headcountBand", "12").containsEntry("headcount", Map.of("min", 12, "max", 12));
		List<Map<String, Object>> all = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?size=100&sort=name")
			.getBody()
			.get("items");
		Map<Object, Object> ranges = new HashMap<>();
		all.forEach((a) -> ranges.put(a.get("name"), a.get("headcount")));
		assertThat((Map<String, Object>) ranges.get("Études Écrins")).containsEntry("min", 251)
			.containsEntry("max", null);
		assertThat(ranges.get("Foncia Figuier")).isNull();
		assertThat(ranges.get("Habitat Hermine")).isEqualTo(Map.of("min", 20, "max", 49));
		assertThat(ranges.get("Immo Iris")).isEqualTo(Map.of("min", 0, "max", 0));
		// the ranges the list's menu offers, and any other range or count
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=10-19"))
			.containsExactlyInAnyOrder("Agence Alpha", "Domaine Delta");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=20-49"))
			.containsExactlyInAnyOrder("Cabinet Brune", "Habitat Hermine");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=0"))
			.containsExactlyInAnyOrder("Immobilière Cassis", "Immo Iris");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=250+"))
			.containsExactly("Études Écrins");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=1-9"))
			.containsExactly("Domaine Delta");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=40"))
			.containsExactlyInAnyOrder("Cabinet Brune", "Habitat Hermine");
		// a text that says no number is compared as it is stored
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?headcount=pme"))
			.containsExactly("Foncia Figuier");
		// the exports end with the range
		String export = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&headcount=10-19")
			.getBody();
		assertThat(export.lines().skip(1)).hasSize(2)
			.anySatisfy((line) -> assertThat(line).endsWith(";12;12;12"))
			.anySatisfy((line) -> assertThat(line).endsWith(";5;10;5-10"));
		// the bulk changes take the filter too
		Map<String, Object> bulk = this.api
			.post(tenant.token(), "/api/v1/prospects/bulk",
					Map.of("filter", Map.of("headcount", "20-49"), "addTags", List.of("moyenne")))
			.getBody();
		assertThat(bulk).containsEntry("matched", 2).containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=moyenne"))
			.containsExactlyInAnyOrder("Cabinet Brune", "Habitat Hermine");
		// another organisation finds none of them
		var other = this.api.newOrganisation("Voisine");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?headcount=10-19")).isEmpty();
	}

	@Test
	void showsEveryRowAnAgencyCameFromAndWhyItWasMerged() {
		var tenant = this.api.newOrganisation("Provenance");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "premier.csv", """
				Raison sociale;SIRET;E-mail;Code postal;Ville
				Agence de la Gare;54205118000066;;75008;Paris
				Cabinet Martin;;martin@cabinet.fr;13002;Marseille
				AGENCE DE LA GARE;542 051 180 00066;contact@gare.fr;75008;Paris
				""");
		Map<String, Object> second = this.prospects.importAndWait(tenant.token(), "second.csv", """
				Raison sociale;SIRET;Téléphone
				Agence de la Gare;54205118000066;01 23 45 67 89
				""");
		String id = this.prospects.idOf(tenant.token(), "gare");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();

		List<Map<String, Object>> sources = (List<Map<String, Object>>) detail.get("sources");
		// oldest first, row by row, each value with its file and row
		assertThat(sources).extracting((s) -> s.get("fileName") + "#" + s.get("row") + ":" + s.get("field"))
			.containsSubsequence("premier.csv#1:name", "premier.csv#1:siret", "premier.csv#3:emails",
					"second.csv#1:phones")
			.noneMatch((source) -> source.startsWith("premier.csv#2"));
		assertThat(sources).filteredOn((s) -> "emails".equals(s.get("field")))
			.singleElement()
			.satisfies((s) -> assertThat(s).containsEntry("value", "contact@gare.fr")
				.containsEntry("kind", "IMPORT")
				.containsEntry("importId", first.get("id")));
		assertThat((List<Map<String, Object>>) detail.get("matchReasons"))
			.extracting((r) -> r.get("importId") + "#" + r.get("row"))
			.containsExactlyInAnyOrder(first.get("id") + "#3", second.get("id") + "#1");
		assertThat((List<Map<String, Object>>) detail.get("matchReasons"))
			.allSatisfy((r) -> assertThat((List<String>) r.get("reasons")).contains("siret"));

		// the other organisation sees none of it
		var other = this.api.newOrganisation("Autre provenance");
		assertThat(this.api.get(other.token(), "/api/v1/prospects/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void keepsOnePersonPerAgencyAcrossTheRowsOfAFileAndLaterImports() {
		var tenant = this.api.newOrganisation("Contacts");
		String header = "Raison sociale;SIRET;E-mail du contact;Prénom;Nom du contact;Fonction\n";
		this.prospects.importAndWait(tenant.token(), "a.csv", header + """
				Agence de la Gare;54205118000066;jean.dupont@gare.fr;Jean;Dupont;Gérant
				Agence de la Gare;54205118000066;;jean;DUPONT;
				Agence de la Gare;54205118000066;contact@gare.fr;Anne;Martin;Négociatrice
				""");
		this.prospects.importAndWait(tenant.token(), "b.csv", header + """
				Agence de la Gare;54205118000066;JEAN.DUPONT@gare.fr;Jean-Pierre;Dupont;Gérant
				Agence de la Gare;54205118000066;;Paul;Durand;Assistant
				""");
		String id = this.prospects.idOf(tenant.token(), "gare");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();
		assertThat((List<Map<String, Object>>) detail.get("contacts")).extracting((c) -> c.get("lastName"))
			.containsExactlyInAnyOrder("Dupont", "Martin", "Durand");
	}

	@Test
	void aRowThatIsSurelyTwoAgenciesQueuesThemAsPossibleDuplicates() {
		var tenant = this.api.newOrganisation("Deux fiches");
		this.prospects.importAndWait(tenant.token(), "deux.csv", """
				Raison sociale;SIRET;E-mail;Code postal;Ville
				Agence Alpha;54205118000066;siege@alpha.fr;75001;Paris
				Agence Alpha Lyon;;lyon@alpha.fr;69001;Lyon
				Agence Alpha;542 051 180 00066;lyon@alpha.fr;;
				""");
		List<Map<String, Object>> duplicates = duplicates(tenant.token());
		assertThat(duplicates).singleElement().satisfies((d) -> {
			assertThat((List<String>) d.get("reasons")).contains("email");
			assertThat(List.of(((Map<String, Object>) d.get("agency")).get("name"),
					((Map<String, Object>) d.get("other")).get("name")))
				.containsExactlyInAnyOrder("Agence Alpha", "Agence Alpha Lyon");
		});
	}

	@Test
	void queuesPossibleDuplicatesWithReasonsAndMergesThenUnmergesExactly() {
		var tenant = this.api.newOrganisation("Fusion");
		String report = "/api/v1/imports/" + this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES).get("id")
				+ "/rows";
		List<Map<String, Object>> duplicates = duplicates(tenant.token());
		assertThat(duplicates).singleElement().satisfies((d) -> {
			assertThat((List<String>) d.get("reasons")).contains("phone", "same_postcode");
			assertThat((Double) d.get("confidence")).isBetween(0.5, 0.9);
		});
		String survivor = (String) ((Map<String, Object>) duplicates.get(0).get("other")).get("id");
		String absorbed = (String) ((Map<String, Object>) duplicates.get(0).get("agency")).get("id");
		Map<String, Object> survivorBefore = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + survivor)
			.getBody()
			.get("agency");
		Map<String, Object> absorbedBefore = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + absorbed)
			.getBody()
			.get("agency");

		ResponseEntity<Map> merged = this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/merge",
				Map.of("otherId", absorbed));
		assertThat(merged.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> after = (Map<String, Object>) merged.getBody().get("agency");
		assertThat((List<String>) after.get("emails")).containsExactlyInAnyOrder("martin@cabinet.fr",
				"info@immo-martin.fr");
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + absorbed).getBody().get("agency"))
			.satisfies((a) -> assertThat((Map<String, Object>) a).containsEntry("status", "MERGED")
				.containsEntry("mergedInto", survivor));
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=13")).hasSize(1);
		// the report names the agency each row is in now
		String mergedReport = this.api.getText(tenant.token(), report).getBody();
		assertThat(mergedReport).contains("," + survivor + ",").doesNotContain(absorbed);
		assertThat(duplicates(tenant.token())).isEmpty();
		// merging again is a conflict: the absorbed agency is no longer active, and the
		// answer says it of the other one
		ResponseEntity<Map> again = this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/merge",
				Map.of("otherId", absorbed));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).containsEntry("code", "prospects.merge.other-inactive");
		assertThat(
				this.api.post(tenant.token(), "/api/v1/prospects/" + absorbed + "/merge", Map.of("otherId", survivor))
					.getBody())
			.containsEntry("code", "prospects.merge.inactive");

		int survivorMerged = (Integer) after.get("version");
		int absorbedMerged = (Integer) ((Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + absorbed)
			.getBody()
			.get("agency")).get("version");

		ResponseEntity<Map> unmerged = this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/unmerge",
				Map.of());
		assertThat(unmerged.getStatusCode().value()).isEqualTo(200);
		// the values come back exactly; the version moves on, past any the agency had
		Map<String, Object> survivorAfter = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + survivor)
			.getBody()
			.get("agency");
		Map<String, Object> absorbedAfter = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + absorbed)
			.getBody()
			.get("agency");
		assertThat(withoutVersion(survivorAfter)).isEqualTo(withoutVersion(survivorBefore));
		assertThat(withoutVersion(absorbedAfter)).isEqualTo(withoutVersion(absorbedBefore));
		assertThat((Integer) survivorAfter.get("version")).isGreaterThan(survivorMerged)
			.isGreaterThan((Integer) survivorBefore.get("version"));
		assertThat((Integer) absorbedAfter.get("version")).isGreaterThan(absorbedMerged)
			.isGreaterThan((Integer) absorbedBefore.get("version"));
		// a form opened before the merge is stale: its edit is refused, not applied
		ResponseEntity<Map> stale = this.api.patch(tenant.token(), "/api/v1/prospects/" + absorbed,
				Map.of("naf", "6831Z", "version", absorbedBefore.get("version")));
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody()).containsEntry("code", "prospects.edit.stale")
			.containsEntry("version", absorbedAfter.get("version"));
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/prospects/" + survivor,
					Map.of("naf", "6831Z", "version", survivorBefore.get("version")))
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + survivor).getBody().get("agency"))
			.isEqualTo(survivorAfter);
		assertThat(this.api.getText(tenant.token(), report).getBody()).contains("," + absorbed + ",");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(409);
	}

	@Test
	void mergeAndUnmergeAreAudited() {
		var tenant = this.api.newOrganisation("Audit fusion");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String orpi = this.prospects.idOf(tenant.token(), "orpi");
		this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", orpi));
		this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/unmerge", Map.of());
		List<String> actions = this.sql.strings(tenant,
				"select action from audit_entry where entity_type = 'prospect' and entity_id = :id order by seq",
				Map.of("id", gare));
		assertThat(actions).containsExactly("prospect.merged", "prospect.unmerged");
		// the agencies by their names, in the reader's language
		String french = this.api.getText(tenant.token(), "/api/v1/audit?action=prospect.merged").getBody();
		assertThat(french).containsPattern("Agence «\u00A0[^»]+\u00A0» fusionnée dans l’agence «\u00A0[^»]+\u00A0»")
			.doesNotContain(orpi);
		String english = this.api.raw()
			.get()
			.uri("/api/v1/audit?action=prospect.unmerged")
			.header("Authorization", "Bearer " + tenant.token())
			.header("Accept-Language", "en")
			.retrieve()
			.body(String.class);
		assertThat(english).containsPattern("Merge undone: agency “[^”]+” split from agency “[^”]+”");
	}

	@Test
	void saysWhichMergeStandsInTheWayOfAnUnmerge() {
		var tenant = this.api.newOrganisation("Fusions en chaîne");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String orpi = this.prospects.idOf(tenant.token(), "orpi");
		String cabinet = this.prospects.idOf(tenant.token(), "cabinet");
		String prefix = "/api/v1/prospects/";
		// Orpi into the Gare, then the Cabinet into the Gare: the later merge comes first
		this.api.post(tenant.token(), prefix + gare + "/merge", Map.of("otherId", orpi));
		this.api.post(tenant.token(), prefix + gare + "/merge", Map.of("otherId", cabinet));
		assertThat(this.api.post(tenant.token(), prefix + orpi + "/unmerge", Map.of()).getBody()).containsEntry("code",
				"prospects.unmerge.later-merge");
		// the Gare into the Immo Martin: Orpi waits for the Gare to come back
		String immo = this.prospects.idOf(tenant.token(), "immo martin");
		this.api.post(tenant.token(), prefix + gare + "/unmerge", Map.of());
		this.api.post(tenant.token(), prefix + immo + "/merge", Map.of("otherId", gare));
		ResponseEntity<Map> chained = this.api.post(tenant.token(), prefix + orpi + "/unmerge", Map.of());
		assertThat(chained.getStatusCode().value()).isEqualTo(409);
		assertThat(chained.getBody()).containsEntry("code", "prospects.unmerge.survivor-merged");
		this.api.post(tenant.token(), prefix + immo + "/unmerge", Map.of());
		assertThat(this.api.post(tenant.token(), prefix + orpi + "/unmerge", Map.of()).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void readsItsOwnExportBack() {
		var tenant = this.api.newOrganisation("Export aller");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		this.prospects.importAndWait(tenant.token(), "b.csv", """
				Raison sociale;E-mail;Téléphone;Portable;Tranche d'effectif
				Agence Double;un@double.fr, deux@double.fr;01 23 45 67 00;06 12 34 56 78;20 à 49 salariés
				""");
		String csv = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv").getBody();
		var other = this.api.newOrganisation("Export retour");
		Map<String, Object> done = this.prospects.importAndWait(other.token(), "export.csv", csv);
		assertThat(done).containsEntry("warnings", 0).containsEntry("rejected", 0);
		assertThat(contactDetails(other.token())).isEqualTo(contactDetails(tenant.token()))
			.contains("Agence Double [deux@double.fr, un@double.fr] [+33123456700, +33612345678] 20 à 49 salariés");
	}

	/** Each agency's name, e-mails, phones and headcount, sorted. */
	private List<String> contactDetails(String token) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api.get(token, "/api/v1/prospects?size=100")
			.getBody()
			.get("items");
		return items.stream()
			.filter((item) -> !String.valueOf(item.get("name")).contains("HYPERLINK"))
			.map((item) -> item.get("name") + " " + sorted(item.get("emails")) + " "
					+ sorted(((List<Object>) item.get("phones")).stream()
						.map((phone) -> (phone instanceof Map<?, ?> p) ? p.get("number") : phone)
						.toList())
					+ " " + item.get("headcountBand"))
			.sorted()
			.toList();
	}

	private static List<String> sorted(Object values) {
		return ((List<Object>) values).stream().map(String::valueOf).sorted().toList();
	}

	/** The Excel export of the agencies a search chooses. */
	private XSSFWorkbook workbook(String token, String search) throws java.io.IOException {
		byte[] xlsx = this.api.raw()
			.get()
			.uri("/api/v1/prospects/export?format=xlsx" + search)
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(byte[].class);
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
	}

	@Test
	void exportsCsvAndXlsxWithFormulasDefused() throws Exception {
		var tenant = this.api.newOrganisation("Export");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		ResponseEntity<String> csv = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).contains("id;name;trade_name;siren;siret")
			.contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
			.contains("'+33123456789")
			.doesNotContain(";=HYPERLINK");
		// a search exports its matches only, in the order asked for
		String martins = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&q=martin&sort=-name")
			.getBody();
		assertThat(martins.lines().skip(1).map((line) -> line.split(";")[1])).containsExactly("Immo Martin",
				"Cabinet Martin");

		try (XSSFWorkbook workbook = workbook(tenant.token(), "")) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
			boolean defused = false;
			for (int i = 1; i <= 5; i++) {
				String name = sheet.getRow(i).getCell(1).getStringCellValue();
				assertThat(name).doesNotStartWith("=");
				defused |= name.equals("'=HYPERLINK(\"http://evil\")");
			}
			assertThat(defused).isTrue();
		}
		// counts and amounts are numbers a spreadsheet sums
		this.prospects.importAndWait(tenant.token(), "chiffres.csv", """
				Raison sociale;E-mail;Nb annonces;Chiffre d'affaires
				Agence Chiffrée;chiffre@agence-chiffree.fr;42;1,5 M€
				""");
		try (XSSFWorkbook workbook = workbook(tenant.token(), "&q=chiffree")) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = new java.util.ArrayList<>();
			sheet.getRow(0).forEach((cell) -> header.add(cell.getStringCellValue()));
			org.apache.poi.ss.usermodel.Row row = sheet.getRow(1);
			assertThat(row.getCell(header.indexOf("listing_count")).getNumericCellValue()).isEqualTo(42);
			assertThat(row.getCell(header.indexOf("revenue_eur")).getNumericCellValue()).isEqualTo(1_500_000);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Agence Chiffrée");
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/export?format=pdf").getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void givesAPairsConfidenceAsWorkedOutHoweverOftenItIsAskedFor() {
		var tenant = this.api.newOrganisation("Confiance stable");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Cabinet Girard;04 77 22 45 47;69007;Lyon
				Cabinet Girardin;;69007;Lyon
				""");
		String girard = this.prospects.idOf(tenant.token(), "girard");
		// the driver reads the real column in binary, widened to a double, once the
		// statement is prepared on the server: after five runs on one connection
		for (int i = 0; i < 40; i++) {
			List<Map<String, Object>> pairs = duplicates(tenant.token());
			assertThat(pairs).singleElement()
				.satisfies((pair) -> assertThat(confidence(pair)).isBetween(0.0, 1.0)
					.isEqualTo(Math.round(confidence(pair) * 1000) / 1000.0));
			List<Map<String, Object>> onItsPage = (List<Map<String, Object>>) this.api
				.get(tenant.token(), "/api/v1/prospects/" + girard)
				.getBody()
				.get("duplicates");
			assertThat(onItsPage).singleElement()
				.satisfies(
						(pair) -> assertThat(confidence(pair)).isEqualTo(Math.round(confidence(pair) * 1000) / 1000.0));
		}
	}

	private static double confidence(Map<String, Object> pair) {
		return ((Number) pair.get("confidence")).doubleValue();
	}

	@Test
	void refusesAnOrderOrAStatusTheListDoesNotHaveInWords() {
		var tenant = this.api.newOrganisation("Tri inconnu");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		for (String path : List.of("/api/v1/prospects?sort=bogus", "/api/v1/prospects?sort=-password",
				"/api/v1/prospects/export?format=csv&sort=nom")) {
			ResponseEntity<Map> refused = this.api.raw().get().uri(path).headers((h) -> {
				h.setBearerAuth(tenant.token());
				h.set("Accept-Language", "en");
			}).retrieve().toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
			assertThat(refused.getBody().get("errors")).asString()
				.contains("sort", "prospects.filter.sort", "name, city, postcode");
		}
		// nor is an export audited that never began, whatever the filter it could not
		// read
		for (String format : List.of("csv", "xlsx")) {
			assertThat(
					this.api.get(tenant.token(), "/api/v1/prospects/export?format=" + format + "&minListings=beaucoup")
						.getStatusCode()
						.value())
				.isEqualTo(400);
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?action=prospect.exported").getBody())
			.containsEntry("total", 0);
		ResponseEntity<Map> status = this.api.get(tenant.token(), "/api/v1/prospects?status=DELETED");
		assertThat(status.getStatusCode().value()).isEqualTo(400);
		assertThat(status.getBody().get("errors")).asString().contains("status", "prospects.filter.status");
		// every order the list documents, either way, and the statuses in any case
		for (String sort : List.of("name", "city", "postcode", "department", "created", "createdAt", "created_at",
				"listingCount", "listing_count", "listings", "revenue", "revenueCents", "revenue_cents", "status",
				"-name", "name,desc", "name,asc", " city ")) {
			assertThat(this.api.get(tenant.token(), "/api/v1/prospects?sort=" + sort).getStatusCode().value()).as(sort)
				.isEqualTo(200);
		}
		for (String wanted : List.of("active", "ARCHIVED", "Merged", "all")) {
			assertThat(this.api.get(tenant.token(), "/api/v1/prospects?status=" + wanted).getStatusCode().value())
				.as(wanted)
				.isEqualTo(200);
		}
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=13&sort=name,DESC"))
			.containsExactly("Immo Martin", "Cabinet Martin");
	}

	@Test
	void readsTheExportFormatWhateverItsCase() {
		var tenant = this.api.newOrganisation("Format en capitales");
		this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		ResponseEntity<String> csv = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=CSV");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		ResponseEntity<byte[]> xlsx = this.api.raw()
			.get()
			.uri("/api/v1/prospects/export?format=Xlsx")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.toEntity(byte[].class);
		assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
		assertThat(xlsx.getBody()).startsWith((byte) 'P', (byte) 'K');
	}

	@Test
	void anotherOrganisationCanNeitherSeeNorMergeThem() {
		var owner = this.api.newOrganisation("Agences A");
		var other = this.api.newOrganisation("Agences B");
		this.prospects.importAndWait(owner.token(), "a.csv", AGENCIES);
		this.prospects.importAndWait(other.token(), "b.csv", "Nom;Ville\nAgence B;Lyon\n");
		String theirs = this.prospects.idOf(owner.token(), "gare");
		String mine = this.prospects.idOf(other.token(), "agence b");
		assertThat(this.api.get(other.token(), "/api/v1/prospects/" + theirs).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(other.token(), "/api/v1/prospects/" + theirs + "/merge", Map.of("otherId", mine))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.post(other.token(), "/api/v1/prospects/" + mine + "/merge", Map.of("otherId", theirs))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.post(owner.token(), "/api/v1/prospects/" + theirs + "/merge", Map.of("otherId", mine))
			.getStatusCode()
			.value()).isEqualTo(404);
		// named twice, theirs is not found either: a 400 "the same agency" would tell it
		// exists
		assertThat(this.api.post(other.token(), "/api/v1/prospects/" + theirs + "/merge", Map.of("otherId", theirs))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.post(owner.token(), "/api/v1/prospects/" + theirs + "/merge", Map.of("otherId", theirs))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(this.api.post(other.token(), "/api/v1/prospects/" + theirs + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects")).containsExactly("Agence B");
		assertThat(this.api.getText(other.token(), "/api/v1/prospects/export?format=csv").getBody())
			.doesNotContain("Gare");
		assertThat(duplicates(other.token())).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> duplicates(String token) {
		return (List<Map<String, Object>>) (List<?>) this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates")
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(List.class);
	}

	/** {@code GET /api/v1/prospects/duplicates} with a query string. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> duplicates(String token, String query) {
		return this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates" + query)
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(List.class);
	}

	/**
	 * An agency of the API as its values, without the version that moves with each
	 * change.
	 */
	static Map<String, Object> withoutVersion(Map<String, Object> agency) {
		Map<String, Object> values = new HashMap<>(agency);
		values.remove("version");
		return values;
	}

}
