package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's page lists the cases it is a party to, with their state, and only its own
 * organisation's; the panel goes with the cases module.
 */
@WebIntegrationTest
class AgencyCasesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Test
	@SuppressWarnings("unchecked")
	void anAgencysPageListsItsCasesAndNoOtherOrganisations() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence aux dossiers");
		Tenant other = this.api.newOrganisation("Agence voisine aux dossiers");
		new ProspectsApi(this.api).importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Lac;04 50 00 00 01;74000;Annecy
				Cabinet Sans Dossier;04 50 00 00 02;74000;Annecy
				""");
		List<Map<String, Object>> agencies = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?sort=name")
			.getBody()
			.get("items");
		String lac = (String) agencies.get(0).get("id");
		String alone = (String) agencies.get(1).get("id");
		String caseId = newCase(tenant, "Prospection du Lac");
		link(tenant, caseId, lac);
		// another organisation naming the same id in a case of its own
		link(other, newCase(other, "Dossier voisin"), lac);

		PageSession session = new PageSession(this.port).login(tenant.email());
		String page = session.get("/prospects/" + lac).body();
		assertThat(page)
			.contains("<h2>Dossiers</h2>", "href=\"/cases/" + caseId + "\"", "Prospection du Lac", "Nouveau")
			.doesNotContain("Dossier voisin");
		assertThat(session.get("/prospects/" + alone).body()).contains("Cette agence n’est partie à aucun dossier.");

		// without the cases module, no panel
		assertThat(this.api.put(tenant.token(), "/api/v1/modules/cases", Map.of("enabled", false))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(session.get("/prospects/" + lac).body()).doesNotContain("<h2>Dossiers</h2>", "Prospection du Lac");
	}

	private String newCase(Tenant tenant, String title) {
		var response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "PROSPECTION", "title", title));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	private void link(Tenant tenant, String caseId, String agency) {
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/parties",
					Map.of("type", "AGENCY", "id", agency, "label", "Agence du Lac"))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

}
