package fr.atlas.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Eventually;
import fr.atlas.support.TestMembers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation with several rows of everything a page lists with an action per row:
 * agencies forming two pairs of possible duplicates (one agency in both), contacts, saved
 * searches, members and invitations, API tokens, cases with tasks, appointments (two of
 * the same title) and parties, teams, assignment rules and notifications. The
 * accessibility browser tests read the pages it fills.
 *
 * @param tenant the owner, signed in by the tests
 * @param importId the import of the agencies
 * @param lake the agency in two pairs, with two contacts
 * @param caseId a case with two tasks, two appointments and two parties
 */
record BusyOrganisation(Tenant tenant, String importId, String lake, String caseId) {

	static final String CSV = """
			Raison sociale;Téléphone;E-mail;Code postal;Ville
			Agence du Lac;04 50 00 00 01;contact@agencedulac.fr;74000;Annecy
			Agence du Lac Bleu;;pas-un-email;74000;Annecy
			Agence du Lac Vert;;;74000;Annecy
			Cabinet Martin;04 91 00 00 02;;13002;Marseille
			Cabinet Martin Immobilier;04 91 00 00 02;;13002;Marseille
			""";

	static BusyOrganisation create(ApiClient api, TestMembers members, String name) {
		Tenant tenant = api.newOrganisation(name);
		ProspectsApi prospects = new ProspectsApi(api);
		String importId = (String) prospects.importAndWait(tenant.token(), "agences-du-lac.csv", CSV).get("id");
		String lake = idNamed(api, tenant, "Agence du Lac");
		String martin = idNamed(api, tenant, "Cabinet Martin");
		String pairs = String.valueOf(api.getList(tenant.token(), "/api/v1/prospects/duplicates").getBody());
		assertThat(pairs.split(lake, -1)).as("pairs of the lake's agency: %s", pairs).hasSizeGreaterThan(2);
		for (String contact : List.of("Claire", "Paul")) {
			created(api.post(tenant.token(), "/api/v1/prospects/" + lake + "/contacts",
					Map.of("firstName", contact, "lastName", "Dupont")));
		}
		created(api.post(tenant.token(), "/api/v1/prospects/searches",
				Map.of("name", "Annecy", "filters", Map.of("city", "Annecy"))));
		created(api.post(tenant.token(), "/api/v1/prospects/searches",
				Map.of("name", "Marseille", "filters", Map.of("city", "Marseille"))));

		UUID alice = UUID.randomUUID();
		UUID bruno = UUID.randomUUID();
		String aliceEmail = "alice-" + alice + "@example.test";
		members.add(tenant, alice, aliceEmail, "Alice Martin", "AGENT");
		members.add(tenant, bruno, "bruno-" + bruno + "@example.test", "Bruno Petit", "MANAGER");
		for (String invited : List.of("chloe", "david")) {
			created(api.post(tenant.token(), "/api/v1/members/invitations",
					Map.of("email", invited + "-" + UUID.randomUUID() + "@example.test", "role", "AGENT")));
		}
		for (String token : List.of("CRM", "Tableur")) {
			assertThat(api
				.post(null, "/api/v1/auth/tokens",
						Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", token))
				.getStatusCode()
				.is2xxSuccessful()).as("token %s", token).isTrue();
		}

		created(api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", "Transaction Annecy", "members", List.of(alice, tenant.userId()))));
		created(api.post(tenant.token(), "/api/v1/teams", Map.of("name", "Développement", "members", List.of(bruno))));
		assertThat(api
			.put(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/assignment-rules", Map.of("rules",
					List.of(Map.of("name", "Haute-Savoie", "postcodes", List.of("74"), "assignees", List.of(alice)), Map
						.of("name", "Bouches-du-Rhône", "postcodes", List.of("13"), "assignees", List.of(bruno)))))
			.getStatusCode()
			.value()).isEqualTo(200);

		// cases an agent gives the owner: two notifications, with different titles
		String agent = api.token(aliceEmail, ApiClient.PASSWORD);
		String caseId = null;
		for (String title : List.of("Maison à Annecy", "T3 à Marseille")) {
			String id = (String) created(api.post(agent, "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", title, "assigneeId", tenant.userId().toString())))
				.get("id");
			caseId = (caseId != null) ? caseId : id;
		}
		for (String task : List.of("Rappeler le client", "Envoyer le mandat")) {
			created(api.post(tenant.token(), "/api/v1/cases/" + caseId + "/tasks", Map.of("title", task)));
		}
		for (int days : List.of(3, 10)) {
			created(api.post(tenant.token(), "/api/v1/cases/" + caseId + "/appointments",
					Map.of("title", "Visite", "startsAt", Instant.now().plus(Duration.ofDays(days)).toString())));
		}
		for (String agency : List.of(lake, martin)) {
			created(api.post(tenant.token(), "/api/v1/cases/" + caseId + "/parties",
					Map.of("type", "AGENCY", "id", agency)));
		}
		// asynchronous listeners notify: a loaded machine can take a while
		Eventually
			.await(() -> ((Number) api.get(tenant.token(), "/api/v1/notifications?unread=true").getBody().get("unread"))
				.intValue(), (n) -> n >= 2, "two unread notifications");
		return new BusyOrganisation(tenant, importId, lake, caseId);
	}

	@SuppressWarnings("unchecked")
	private static String idNamed(ApiClient api, Tenant tenant, String name) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) api
			.get(tenant.token(), "/api/v1/prospects?size=50")
			.getBody()
			.get("items");
		return items.stream()
			.filter((item) -> name.equals(item.get("name")))
			.map((item) -> (String) item.get("id"))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Map<String, Object> created(org.springframework.http.ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
		return answer.getBody();
	}

}
