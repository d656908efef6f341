package fr.atlas.cases;

import java.util.List;
import java.util.Map;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages name a workflow's states by their labels, as the member reads them on the
 * board ("Qualifié"), not by the keys the workflow is written with ("QUALIFIED").
 */
@WebIntegrationTest
class CaseStateWordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	static Map<String, Object> state(String key, String label, boolean initial, boolean terminal) {
		return Map.of("key", key, "initial", initial, "final", terminal, "labels",
				Map.of("fr", label, "en", label + " (en)"));
	}

	/** LEAD_ACHAT with QUALIFIED replaced by QUALIF, "Lead qualifié". */
	static Map<String, Object> version2() {
		return Map.of("states",
				List.of(state("NEW", "Nouveau", true, false), state("QUALIF", "Lead qualifié", false, false),
						state("WON", "Gagné", false, true), state("LOST", "Perdu", false, true)),
				"transitions",
				List.of(Map.of("name", "qualify", "from", List.of("NEW"), "to", "QUALIF"),
						Map.of("name", "win", "from", List.of("QUALIF"), "to", "WON"),
						Map.of("name", "lose", "from", List.of("NEW", "QUALIF"), "to", "LOST")));
	}

	@Test
	void aMigrationIsToldWithTheLabelsOfTheStatesItMovedACaseBetween() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Migration lisible");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Qualifié puis migré"))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "budget", 300000, "financing", "CASH"));
		String base = "/api/v1/case-types/LEAD_ACHAT/workflows";
		assertThat(this.api.post(tenant.token(), base, version2()).getStatusCode().value()).isEqualTo(201);
		this.api.post(tenant.token(), base + "/2/publish", Map.of());
		assertThat(this.api.post(tenant.token(), base + "/2/migrate", Map.of("mapping", Map.of("QUALIFIED", "QUALIF")))
			.getBody()).containsEntry("migrated", 1);

		String page = new Session(this.port, tenant.email()).get("/cases/" + id).body();
		// the migration's entry, and the transition before it into a state version 2
		// lacks
		assertThat(page).contains("v1 → v2 · Qualifié → Lead qualifié", "Nouveau → Qualifié")
			.doesNotContain("QUALIFIED → QUALIF", "Nouveau → QUALIFIED");
		// the audit log names the state left as it was called in the version left
		String audit = this.api.getText(tenant.token(), "/api/v1/audit?action=case.state-changed").getBody();
		assertThat(audit).contains(": Qualifié → Lead qualifié").doesNotContain("QUALIFIED → Lead qualifié");
	}

	@Test
	void theWorkflowEditorsStepFormOffersStatesByTheirLabels() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Éditeur lisible");
		String page = new Session(this.port, tenant.email()).get("/cases/types/LEAD_ACHAT/workflow").body();
		// "Depuis" and "Vers": the label shown, the key sent
		assertThat(page).contains("<option value=\"QUALIFIED\">Qualifié</option>",
				"<option value=\"WON\">Gagné</option>");
		assertThat(page).doesNotContain("<option value=\"QUALIFIED\">QUALIFIED</option>");
		// the transitions' moves read in labels too
		assertThat(page).contains("Visite → Offre").doesNotContain("VISIT → OFFER");
		// and so do the diagram's arrows, as their tooltips tell them
		// (the diagram's text is written as HTML entities)
		assertThat(page).contains("<title>Gagner&nbsp;: Offre &rarr; Gagn&eacute;</title>")
			.doesNotContain("<title>win : OFFER &rarr; WON</title>");
	}

}
