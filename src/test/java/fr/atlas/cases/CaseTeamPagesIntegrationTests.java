package fr.atlas.cases;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.TestMembers;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teams page (administrators change it, agents read it), and teams on the case list,
 * board and case page, through a logged-in browser session.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseTeamPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	ApiClient api;

	@Test
	void administratorsManageTeamsThatCasesListsAndBoardsUse() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Pages Équipes");
		String agentEmail = agent(tenant);
		Session admin = new Session(this.port, tenant.email());

		String list = admin.get("/cases").body();
		assertThat(list).contains("href=\"/cases/teams\"");
		HttpResponse<String> empty = admin.get("/cases/teams");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Équipes", "Aucune équipe pour l’instant", "id=\"team-create\"");
		String token = attribute(empty.body(), "name=\"_csrf\" value");

		HttpResponse<String> created = admin.post("/cases/teams",
				Map.of("name", "Lyon Presqu'île", "members", tenant.userId().toString()), token);
		assertThat(created.statusCode()).isEqualTo(302);
		String page = admin.get("/cases/teams").body();
		assertThat(page).contains("Équipe créée.", "Lyon Presqu&#39;île");
		Map<String, Object> team = (Map<String, Object>) this.api.raw()
			.get()
			.uri("/api/v1/teams")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)
			.get(0);
		String teamId = (String) team.get("id");
		assertThat(team).containsEntry("members", List.of(tenant.userId().toString()));
		admin.post("/cases/teams", Map.of("name", "lyon presqu'île"), token);
		assertThat(admin.get("/cases/teams").body())
			.contains("Une équipe s’appelle déjà «\u00a0lyon presqu&#39;île\u00a0»");

		// The case page's select puts a case in the team; list and board filter on it.
		String withTeam = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Appartement Bellecour"))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Maison Villeurbanne"));
		String casePage = admin.get("/cases/" + withTeam).body();
		assertThat(casePage).contains("id=\"teamId\"", "Lyon Presqu&#39;île");
		HttpResponse<String> saved = admin.post("/cases/" + withTeam,
				Map.of("version", "0", "title", "Appartement Bellecour", "teamId", teamId, "priority", "NORMAL"),
				token);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + withTeam).getBody()).containsEntry("teamId", teamId);
		String filtered = admin.get("/cases?team=" + teamId).body();
		assertThat(filtered).contains("Appartement Bellecour").doesNotContain("Maison Villeurbanne");
		String board = admin.get("/cases/board?type=LEAD_ACHAT&team=" + teamId).body();
		assertThat(board).contains("Appartement Bellecour", "name=\"team\"").doesNotContain("Maison Villeurbanne");

		// Agents see the teams but cannot change them.
		Session agent = new Session(this.port, agentEmail);
		String agentPage = agent.get("/cases/teams").body();
		assertThat(agentPage).contains("Lyon Presqu&#39;île").doesNotContain("id=\"team-create\"");
		String agentToken = attribute(agent.get("/cases").body(), "name=\"_csrf\" value");
		assertThat(agent.post("/cases/teams/" + teamId + "/delete", Map.of(), agentToken).statusCode()).isEqualTo(403);

		HttpResponse<String> deleted = admin.post("/cases/teams/" + teamId + "/delete", Map.of(), token);
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(admin.get("/cases/teams").body()).contains("Équipe supprimée");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + withTeam).getBody()).containsEntry("teamId", null);
	}

	String agent(Tenant tenant) {
		String email = "agent-" + UUID.randomUUID() + "@example.test";
		this.members.add(tenant, UUID.randomUUID(), email, "Agent Pages", "AGENT");
		return email;
	}

}
