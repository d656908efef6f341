package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another organisation can neither see nor change a case, through any endpoint: it gets
 * 404 as if the case did not exist.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseIsolationIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void anotherOrganisationGets404OnEveryCaseEndpoint() {
		Tenant a = this.api.newOrganisation("Agence A");
		Tenant b = this.api.newOrganisation("Agence B");
		Map<String, Object> created = this.api
			.post(a.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Secret de A"))
			.getBody();
		String id = (String) created.get("id");
		String path = "/api/v1/cases/" + id;
		var appointment = this.api.post(a.token(), path + "/appointments",
				Map.of("title", "Visite", "startsAt", "2026-12-01T10:00:00Z"));
		String appointmentId = (String) appointment.getBody().get("id");

		assertThat(this.api.get(b.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.patch(b.token(), path, Map.of("version", 0, "title", "Volé")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(
				this.api.post(b.token(), path + "/transitions", Map.of("transition", "lose", "lossReason", "sabotage"))
					.getStatusCode()
					.value())
			.isEqualTo(404);
		assertThat(this.api.get(b.token(), path + "/timeline").getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(b.token(), path + "/notes", Map.of("text", "x")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.get(b.token(), path + "/tasks").getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(b.token(), path + "/tasks", Map.of("title", "x")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.get(b.token(), path + "/appointments").getStatusCode().value()).isEqualTo(404);
		assertThat(this.api
			.post(b.token(), path + "/appointments/" + appointmentId + "/outcome", Map.of("outcome", "NO_SHOW"))
			.getStatusCode()
			.value()).isEqualTo(404);

		Map<String, Object> listB = this.api.get(b.token(), "/api/v1/cases").getBody();
		assertThat(listB).containsEntry("total", 0);
		assertThat((List) listB.get("items")).isEmpty();

		Map<String, Object> stillA = this.api.get(a.token(), path).getBody();
		assertThat(stillA).containsEntry("title", "Secret de A")
			.containsEntry("state", "NEW")
			.containsEntry("version", 0);
		assertThat(((Map<String, Object>) this.api.get(a.token(), "/api/v1/cases").getBody()).get("total"))
			.isEqualTo(1);
		// Reference counters are per organisation.
		Map<String, Object> firstOfB = this.api
			.post(b.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Premier de B"))
			.getBody();
		assertThat((String) firstOfB.get("reference")).endsWith("-00001");
		// a task of B's own case is not given to A's member, nor to nobody
		String caseOfB = (String) firstOfB.get("id");
		for (String stranger : List.of(a.userId().toString(), UUID.randomUUID().toString())) {
			var refused = this.api.post(b.token(), "/api/v1/cases/" + caseOfB + "/tasks",
					Map.of("title", "Rappeler", "assigneeId", stranger));
			assertThat(refused.getStatusCode().value()).isEqualTo(400);
			assertThat(refused.getBody().toString()).contains("case.assignee.unknown");
		}
	}

	@Test
	void workflowVersionsAreIsolatedToo() {
		Tenant a = this.api.newOrganisation("Agence Workflow A");
		Tenant b = this.api.newOrganisation("Agence Workflow B");
		Map<String, Object> export = this.api.get(a.token(), "/api/v1/case-types/PROSPECTION").getBody();
		assertThat(this.api.post(a.token(), "/api/v1/case-types/PROSPECTION/workflows", export).getStatusCode().value())
			.isEqualTo(201);
		var versionsOfB = this.api.raw()
			.get()
			.uri("/api/v1/case-types/PROSPECTION/workflows")
			.headers((h) -> h.setBearerAuth(b.token()))
			.retrieve()
			.body(List.class);
		assertThat(versionsOfB).hasSize(1);
		assertThat(this.api.get(b.token(), "/api/v1/case-types/PROSPECTION/workflows/2").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.post(b.token(), "/api/v1/case-types/PROSPECTION/workflows/2/publish", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
	}

}
