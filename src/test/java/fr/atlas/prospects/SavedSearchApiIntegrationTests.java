package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/prospects/searches}: searches of the agency list saved under a name,
 * shared by the organisation, refused in words when the list could not run them, and seen
 * by no other organisation.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class SavedSearchApiIntegrationTests {

	static final String PATH = "/api/v1/prospects/searches";

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void savesSearchesUnderANameAndRunsThemAgain() {
		var tenant = this.api.newOrganisation("Vues");
		this.prospects.importAndWait(tenant.token(), "v.csv", """
				Raison sociale;E-mail;Ville;Effectif
				Agence Alpha;alpha@a.fr;Lyon;12
				Agence Bravo;bravo@b.fr;Lyon;3
				Agence Charlie;charlie@c.fr;Annecy;15
				""");
		ResponseEntity<Map> created = this.api.post(tenant.token(), PATH,
				Map.of("name", "  Lyon, 10 à 19  ", "filters", Map.of("city", "Lyon", "headcount", "10-19", "q", "")));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation().toString()).startsWith(PATH + "/");
		assertThat(created.getBody()).containsEntry("name", "Lyon, 10 à 19")
			.containsEntry("filters", Map.of("city", "Lyon", "headcount", "10-19"));
		Map<String, String> filters = (Map<String, String>) created.getBody().get("filters");
		// the filters are those of the list: run again, they find what the list finds
		assertThat(this.prospects.names(tenant.token(),
				"/api/v1/prospects?city=" + filters.get("city") + "&headcount=" + filters.get("headcount")))
			.containsExactly("Agence Alpha");

		// the same name, whatever its case, replaces it
		ResponseEntity<Map> replaced = this.api.post(tenant.token(), PATH,
				Map.of("name", "LYON, 10 À 19", "filters", Map.of("city", "Lyon", "minListings", 5)));
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody()).containsEntry("id", created.getBody().get("id"))
			.containsEntry("filters", Map.of("city", "Lyon", "minListings", "5"));
		this.api.post(tenant.token(), PATH, Map.of("name", "Mes agences", "filters", Map.of("owner", "me")));
		List<Map<String, Object>> all = (List<Map<String, Object>>) this.api.getList(tenant.token(), PATH).getBody();
		assertThat(all).extracting((s) -> s.get("name")).containsExactly("LYON, 10 À 19", "Mes agences");

		// refused in words: no name, no filter, a parameter the list does not know, a
		// filter it cannot read
		assertRefused(this.api.post(tenant.token(), PATH, Map.of("filters", Map.of("city", "Lyon"))), "name",
				"Donnez un nom à la recherche");
		assertRefused(this.api.post(tenant.token(), PATH, Map.of("name", "Vide", "filters", Map.of("q", " "))),
				"filters", "Choisissez au moins un filtre");
		assertRefused(this.api.post(tenant.token(), PATH, Map.of("name", "Taille", "filters", Map.of("size", "50"))),
				"filters.size", "Champ inconnu");
		assertRefused(
				this.api.post(tenant.token(), PATH, Map.of("name", "CA", "filters", Map.of("minRevenue", "beaucoup"))),
				"minRevenue", "Chiffre d’affaires minimum");
		// a list is no value of the list's address: it was saved as "[Lyon, Paris]"
		assertRefused(
				this.api.post(tenant.token(), PATH,
						Map.of("name", "Deux villes", "filters", Map.of("city", List.of("Lyon", "Paris")))),
				"filters.city", "Texte attendu");
		assertThat(this.api.getList(tenant.token(), PATH).getBody()).hasSize(2);

		// deleted once; then gone
		String id = (String) created.getBody().get("id");
		assertThat(this.api.delete(tenant.token(), PATH + "/" + id).getStatusCode().value()).isEqualTo(204);
		assertThat(this.api.delete(tenant.token(), PATH + "/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.getList(tenant.token(), PATH).getBody()).hasSize(1);
	}

	@Test
	void anotherOrganisationNeitherSeesNorDeletesThemAndAViewerOnlyReadsThem() {
		var owner = this.api.newOrganisation("Vues privées");
		var other = this.api.newOrganisation("Vues voisines");
		String id = (String) this.api
			.post(owner.token(), PATH, Map.of("name", "Lyon", "filters", Map.of("city", "Lyon")))
			.getBody()
			.get("id");
		assertThat(this.api.getList(other.token(), PATH).getBody()).isEmpty();
		assertThat(this.api.delete(other.token(), PATH + "/" + id).getStatusCode().value()).isEqualTo(404);
		// the same name is free in another organisation
		assertThat(this.api.post(other.token(), PATH, Map.of("name", "Lyon", "filters", Map.of("city", "Lyon")))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(this.api.getList(owner.token(), PATH).getBody()).hasSize(1);

		String viewerToken = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER").token();
		assertThat(this.api.getList(viewerToken, PATH).getBody()).hasSize(1);
		assertThat(this.api.post(viewerToken, PATH, Map.of("name", "Annecy", "filters", Map.of("city", "Annecy")))
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.api.delete(viewerToken, PATH + "/" + id).getStatusCode().value()).isEqualTo(403);
	}

	/**
	 * A member's own search: listed for them only, beside the organisation's; its name
	 * may be the same as one of the organisation's; nobody else deletes it; every save
	 * and delete is in the audit log.
	 */
	@Test
	void aPersonalSearchIsSeenByItsMemberOnly() {
		var tenant = this.api.newOrganisation("Vues personnelles");
		String agent = this.members.addSignedIn(this.api, tenant, "Alice Agent", "AGENT").token();
		ResponseEntity<Map> shared = this.api.post(tenant.token(), PATH,
				Map.of("name", "Lyon", "filters", Map.of("city", "Lyon")));
		assertThat(shared.getBody()).containsEntry("personal", false);
		ResponseEntity<Map> mine = this.api.post(agent, PATH,
				Map.of("name", "Lyon", "filters", Map.of("city", "Lyon", "owner", "me"), "personal", true));
		assertThat(mine.getStatusCode().value()).as("the name is free among the agent's own").isEqualTo(201);
		assertThat(mine.getBody()).containsEntry("personal", true);
		assertThat((List<Map<String, Object>>) this.api.getList(agent, PATH).getBody())
			.extracting((s) -> s.get("name") + ":" + s.get("personal"))
			.containsExactly("Lyon:false", "Lyon:true");
		assertThat((List<Map<String, Object>>) this.api.getList(tenant.token(), PATH).getBody())
			.extracting((s) -> s.get("id"))
			.containsExactly(shared.getBody().get("id"));

		// saved again as one's own, the same name replaces one's own, not the shared one
		ResponseEntity<Map> replaced = this.api.post(agent, PATH,
				Map.of("name", "LYON", "filters", Map.of("city", "Lyon", "tag", "chaud"), "personal", true));
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody()).containsEntry("id", mine.getBody().get("id"));

		// the owner does not see it, so cannot delete it; its member can
		String mineId = (String) mine.getBody().get("id");
		assertThat(this.api.delete(tenant.token(), PATH + "/" + mineId).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.delete(agent, PATH + "/" + mineId).getStatusCode().value()).isEqualTo(204);
		assertThat(this.api.getList(agent, PATH).getBody()).hasSize(1);

		List<String> actions = ((List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/audit?entityType=saved-search&size=50")
			.getBody()
			.get("items")).stream().map((e) -> (String) e.get("action")).toList();
		assertThat(actions).containsExactlyInAnyOrder("prospect.search-saved", "prospect.search-saved",
				"prospect.search-saved", "prospect.search-deleted");
	}

	private static void assertRefused(ResponseEntity<Map> response, String field, String words) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("errors")).asString().contains(field, words);
	}

}
