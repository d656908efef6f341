package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloading the agency base is for managers and above, through the API and the pages,
 * and every export leaves an audit entry: who, which format, how many agencies, which
 * filters.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ProspectExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void onlyManagersAndAboveExportThroughTheApiAndEachExportIsAudited() {
		Tenant org = this.api.newOrganisation("Agence Exportatrice");
		Tenant other = this.api.newOrganisation("Agence Voisine Exportatrice");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String viewer = member(org, "VIEWER");
		String agent = member(org, "AGENT");
		String manager = member(org, "MANAGER");

		for (String token : List.of(this.api.token(viewer, ApiClient.PASSWORD),
				this.api.token(agent, ApiClient.PASSWORD))) {
			for (String format : List.of("csv", "xlsx")) {
				var refused = this.api.getText(token, "/api/v1/prospects/export?format=" + format);
				assertThat(refused.getStatusCode().value()).isEqualTo(403);
				assertThat(refused.getBody()).doesNotContain("Agence de la Gare");
			}
		}
		assertThat(exports(org)).as("a refused export is no export").isEmpty();

		String managerToken = this.api.token(manager, ApiClient.PASSWORD);
		var csv = this.api.getText(managerToken, "/api/v1/prospects/export?format=csv&city=Paris&sort=-name");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getBody().lines().skip(1)).hasSize(2);
		assertThat(this.api.getText(org.token(), "/api/v1/prospects/export?format=xlsx").getStatusCode().value())
			.isEqualTo(200);

		List<Map<String, Object>> entries = exports(org);
		assertThat(entries).hasSize(2);
		// newest first: the owner's whole base, then the manager's Parisian agencies
		assertThat(entries.get(0)).containsEntry("actorLabel", org.email())
			.containsEntry("entityType", "prospect")
			.containsEntry("summary", "Export XLSX de 5 agences, sans filtre (toute la base)");
		assertThat(entries.get(1)).containsEntry("actorLabel", manager)
			.containsEntry("summary", "Export CSV de 2 agences (Ville : Paris)");
		assertThat(entries.get(1).get("clientIp")).isNotNull();
		assertThat(exports(other)).as("another organisation's log").isEmpty();
	}

	/**
	 * The filters of an export are said in words in the reader's language: each one as
	 * the list's form names it, a choice as the list offers it, a member by name.
	 */
	@Test
	void anExportsFiltersReadInWordsInTheReadersLanguage() {
		Tenant org = this.api.newOrganisation("Agence aux Filtres Lisibles");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		var csv = this.api.getText(org.token(), "/api/v1/prospects/export?format=csv&city=Paris&status=ALL"
				+ "&reachable=email&owner=me&work=no-prospection-case&minListings=2&sort=-name");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		String owner = "Owner Agence aux Filtres Lisibles";
		assertThat(exports(org)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("summary",
					"Export CSV de 0 agence (Ville : Paris, Responsable : " + owner + ", Statut : Toutes, "
							+ "Annonces (min.) : 2, Joignable : Avec e-mail, Dossier de prospection ouvert : non)"));
		var english = this.api.raw()
			.get()
			.uri("/api/v1/audit?action=prospect.exported")
			.headers((h) -> h.setBearerAuth(org.token()))
			.header("Accept-Language", "en")
			.retrieve()
			.toEntity(Map.class);
		assertThat((List<Map<String, Object>>) english.getBody().get("items")).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("summary"))
				.startsWith("CSV export of 0 agency (Town: Paris, Owner: " + owner + ", Status: All, ")
				.contains("Listings (min.): 2, Reachable: With an e-mail, Prospection case opened: no)")
				.doesNotContain("=")
				.doesNotContain("reachable")
				.doesNotContain(org.userId().toString()));
	}

	@Test
	void thePagesOfferTheExportToManagersOnly() throws Exception {
		Tenant org = this.api.newOrganisation("Agence aux Boutons");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		for (String role : List.of("VIEWER", "AGENT")) {
			PageSession session = new PageSession(this.port).login(member(org, role));
			assertThat(session.get("/prospects").body()).as(role)
				.contains("Agence de la Gare")
				.doesNotContain("/prospects/export");
			HttpResponse<String> refused = session.get("/prospects/export?format=csv");
			assertThat(refused.statusCode()).as(role).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("Agence de la Gare");
		}
		PageSession manager = new PageSession(this.port).login(member(org, "MANAGER"));
		assertThat(manager.get("/prospects?city=Marseille").body()).contains("/prospects/export?city=Marseille");
		HttpResponse<String> csv = manager.get("/prospects/export?city=Marseille&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("Cabinet Martin").doesNotContain("Agence de la Gare");
		assertThat(exports(org)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("summary",
					"Export CSV de 2 agences (Ville : Marseille)"));
	}

	private String member(Tenant org, String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
		this.members.add(org, UUID.randomUUID(), email, "Membre " + role, role);
		return email;
	}

	private List<Map<String, Object>> exports(Tenant org) {
		var page = this.api.get(org.token(), "/api/v1/audit?action=prospect.exported");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

}
