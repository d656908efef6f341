package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.TestMembers;
import fr.atlas.support.TestMembers.SignedIn;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.AtOnce;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams through the API: administrators manage them with members of their organisation, a
 * case gets one on creation or by a versioned edit (on its timeline), lists filter by it,
 * deleting a team leaves its cases without one, and another organisation neither sees nor
 * uses nor changes it.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseTeamIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	TestMembers members;

	@Autowired
	ApiClient api;

	/** Two administrators naming a team alike at once: one team, the other told why. */
	@Test
	void teamsNamedAlikeAtOnceMakeOneTeam() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Homonymes");
		List<ResponseEntity<Map>> answers = AtOnce.run(4, () -> this.api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", "Équipe Nord", "members", List.of())));
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value())
			.containsOnlyOnce(201)
			.containsOnly(201, 409);
		assertThat(answers).filteredOn((answer) -> answer.getStatusCode().value() == 409)
			.allSatisfy((answer) -> assertThat(answer.getBody()).containsEntry("code", "case.team.name-taken"));
		assertThat(this.api.getList(tenant.token(), "/api/v1/teams").getBody()).hasSize(1);
	}

	@Test
	void administratorsManageTeamsOfTheirOwnMembers() {
		Tenant tenant = this.api.newOrganisation("Agence Équipes");
		Tenant other = this.api.newOrganisation("Agence Voisine");
		SignedIn agent = agent(tenant);
		Map<String, Object> body = Map.of("name", "Paris Ouest", "members", List.of(tenant.userId(), agent.id()));

		assertThat(this.api.post(agent.token(), "/api/v1/teams", body).getStatusCode().value()).isEqualTo(403);
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/teams", body);
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		assertThat(created.getBody()).containsEntry("name", "Paris Ouest");
		assertThat((List<String>) created.getBody().get("members"))
			.containsExactlyInAnyOrder(tenant.userId().toString(), agent.id().toString());
		String id = (String) created.getBody().get("id");

		// A member of another organisation is unknown here, in French and in English.
		ResponseEntity<Map> foreign = this.api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", "Mixte", "members", List.of(other.userId())));
		assertThat(foreign.getStatusCode().value()).isEqualTo(400);
		assertThat(foreign.getBody().toString()).contains("members[0]", "Membre inconnu ou inactif");
		ResponseEntity<Map> inEnglish = this.api.raw().post().uri("/api/v1/teams").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Mixte", "members", List.of("not-a-uuid")))
			.retrieve()
			.onStatus((s) -> true, (rq, rs) -> {
			})
			.toEntity(Map.class);
		assertThat(inEnglish.getStatusCode().value()).isEqualTo(400);
		assertThat(inEnglish.getBody().toString()).contains("Unknown or inactive member");
		assertThat(this.api.post(tenant.token(), "/api/v1/teams", Map.of("name", "  ", "members", List.of()))
			.getStatusCode()
			.value()).isEqualTo(400);
		// Names are unique ignoring case.
		assertThat(this.api.post(tenant.token(), "/api/v1/teams", Map.of("name", "paris ouest", "members", List.of()))
			.getStatusCode()
			.value()).isEqualTo(409);

		ResponseEntity<Map> renamed = this.api.put(tenant.token(), "/api/v1/teams/" + id,
				Map.of("name", "Paris Ouest & Nord", "members", List.of(agent.id())));
		assertThat(renamed.getStatusCode().value()).as(String.valueOf(renamed.getBody())).isEqualTo(200);
		assertThat(renamed.getBody()).containsEntry("name", "Paris Ouest & Nord")
			.containsEntry("members", List.of(agent.id().toString()));
		assertThat(this.api.put(agent.token(), "/api/v1/teams/" + id, Map.of("name", "Pris", "members", List.of()))
			.getStatusCode()
			.value()).isEqualTo(403);
		List<Map> listed = teams(agent.token());
		assertThat(listed).extracting((t) -> t.get("name")).containsExactly("Paris Ouest & Nord");

		assertThat(auditActions(tenant)).contains("case-team.created", "case-team.updated");
	}

	@Test
	void aCaseHasATeamThatListsFilterOnAndThatItLosesWhenTheTeamIsDeleted() {
		Tenant tenant = this.api.newOrganisation("Agence Dossiers d'équipe");
		String north = teamId(tenant, "Nord");
		String south = teamId(tenant, "Sud");
		Map<String, Object> created = this.api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Lille", "teamId", north))
			.getBody();
		assertThat(created).containsEntry("teamId", north).containsEntry("teamName", "Nord");
		String caseId = (String) created.get("id");
		String other = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Sans équipe"))
			.getBody()
			.get("id");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + other).getBody()).containsEntry("teamId", null)
			.containsEntry("teamName", null);

		assertThat(items(tenant, "/api/v1/cases?team=" + north)).containsExactly(caseId);
		assertThat(items(tenant, "/api/v1/cases?team=" + south)).isEmpty();
		assertThat(items(tenant, "/api/v1/cases")).containsExactlyInAnyOrder(caseId, other);
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Équipe fantôme", "teamId", UUID.randomUUID()))
			.getStatusCode()
			.value()).isEqualTo(400);

		// A stale edit is refused; a fresh one moves the case to the other team, on the
		// timeline.
		assertThat(this.api.patch(tenant.token(), "/api/v1/cases/" + caseId, Map.of("version", 7, "teamId", south))
			.getStatusCode()
			.value()).isEqualTo(409);
		ResponseEntity<Map> moved = this.api.patch(tenant.token(), "/api/v1/cases/" + caseId,
				Map.of("version", created.get("version"), "teamId", south));
		assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
		assertThat(moved.getBody()).containsEntry("teamId", south).containsEntry("teamName", "Sud");
		assertThat(timelineChanges(tenant, caseId))
			.anySatisfy((changes) -> assertThat(changes).containsEntry("teamId", Map.of("from", north, "to", south)));
		assertThat(items(tenant, "/api/v1/cases?team=" + south)).containsExactly(caseId);
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/cases/" + caseId,
					Map.of("version", moved.getBody().get("version"), "teamId", "pas-une-équipe"))
			.getStatusCode()
			.value()).isEqualTo(400);

		// Deleting the team: the case stays, without a team, with a new version.
		int before = (int) moved.getBody().get("version");
		assertThat(this.api.delete(tenant.token(), "/api/v1/teams/" + south).getStatusCode().value()).isEqualTo(204);
		Map<String, Object> after = this.api.get(tenant.token(), "/api/v1/cases/" + caseId).getBody();
		assertThat(after).containsEntry("teamId", null)
			.containsEntry("teamName", null)
			.containsEntry("version", before + 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/teams/" + south).getStatusCode().value()).isEqualTo(404);
		assertThat(teams(tenant.token())).extracting((t) -> t.get("name")).containsExactly("Nord");
		assertThat(auditActions(tenant)).contains("case-team.deleted", "case.updated");
	}

	@Test
	void casesCreatedWhileTheirTeamIsDeletedAreRefusedOrReleasedNeverAServerError() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Course");
		String team = teamId(tenant, "Éphémère");
		List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		try (var executor = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			List<java.util.concurrent.Future<?>> creations = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				int n = i;
				creations.add(executor.submit(() -> statuses.add(this.api
					.post(tenant.token(), "/api/v1/cases",
							Map.of("caseType", "LEAD_ACHAT", "title", "Course " + n, "teamId", team))
					.getStatusCode()
					.value())));
				if (i == 8) {
					creations.add(executor.submit(() -> statuses
						.add(this.api.delete(tenant.token(), "/api/v1/teams/" + team).getStatusCode().value())));
				}
			}
			for (var creation : creations) {
				creation.get();
			}
		}
		assertThat(statuses).hasSize(25).allSatisfy((status) -> assertThat(status).isIn(201, 204, 400));
		Map<String, Object> page = this.api.get(tenant.token(), "/api/v1/cases?size=100").getBody();
		assertThat((List<Map<String, Object>>) page.get("items"))
			.allSatisfy((c) -> assertThat(c).containsEntry("teamId", null));
	}

	@Test
	void anotherOrganisationCanNeitherSeeNorUseNorChangeATeam() {
		Tenant a = this.api.newOrganisation("Agence Équipe A");
		Tenant b = this.api.newOrganisation("Agence Équipe B");
		String teamOfA = teamId(a, "Secrète");
		String caseOfA = (String) this.api
			.post(a.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "De A", "teamId", teamOfA))
			.getBody()
			.get("id");

		assertThat(teams(b.token())).isEmpty();
		assertThat(this.api.get(b.token(), "/api/v1/teams/" + teamOfA).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.put(b.token(), "/api/v1/teams/" + teamOfA, Map.of("name", "Volée", "members", List.of()))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.delete(b.token(), "/api/v1/teams/" + teamOfA).getStatusCode().value()).isEqualTo(404);
		// B cannot put its cases in A's team, nor find A's cases through it.
		ResponseEntity<Map> refused = this.api.post(b.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "De B", "teamId", teamOfA));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("teamId", "Cette équipe n’existe pas");
		Map<String, Object> caseOfB = this.api
			.post(b.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "De B"))
			.getBody();
		assertThat(this.api
			.patch(b.token(), "/api/v1/cases/" + caseOfB.get("id"),
					Map.of("version", caseOfB.get("version"), "teamId", teamOfA))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(items(b, "/api/v1/cases?team=" + teamOfA)).isEmpty();
		// A's team and case are untouched; B may use the same name for its own team.
		assertThat(this.api.get(a.token(), "/api/v1/teams/" + teamOfA).getBody()).containsEntry("name", "Secrète");
		assertThat(this.api.get(a.token(), "/api/v1/cases/" + caseOfA).getBody()).containsEntry("teamId", teamOfA);
		assertThat(this.api.post(b.token(), "/api/v1/teams", Map.of("name", "Secrète", "members", List.of()))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	SignedIn agent(Tenant tenant) {
		return this.members.addSignedIn(this.api, tenant, "Agent Équipe", "AGENT");
	}

	String teamId(Tenant tenant, String name) {
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", name, "members", List.of(tenant.userId())));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return (String) created.getBody().get("id");
	}

	List<Map> teams(String token) {
		return this.api.raw()
			.get()
			.uri("/api/v1/teams")
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(List.class);
	}

	List<String> items(Tenant tenant, String path) {
		return ((List<Map>) this.api.get(tenant.token(), path).getBody().get("items")).stream()
			.map((c) -> (String) c.get("id"))
			.toList();
	}

	List<Map<String, Object>> timelineChanges(Tenant tenant, String caseId) {
		List<Map> timeline = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + caseId + "/timeline")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		return timeline.stream()
			.filter((e) -> "FIELD_CHANGE".equals(e.get("kind")))
			.map((e) -> (Map<String, Object>) ((Map) e.get("payload")).get("changes"))
			.toList();
	}

	List<String> auditActions(Tenant tenant) {
		return this.sql.strings(tenant, "select action from audit_entry order by seq", Map.of());
	}

}
