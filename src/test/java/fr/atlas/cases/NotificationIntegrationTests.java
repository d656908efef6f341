package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.TestMembers;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-app notifications through the API: who gets them, and that nobody else — another
 * member, another organisation — can see or mark them.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class NotificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestMembers members;

	@Autowired
	ApiClient api;

	record Someone(UUID id, String email, String token) {
		String handle() {
			return this.email.substring(0, this.email.indexOf('@'));
		}
	}

	Someone member(Tenant tenant, String role) {
		var added = this.members.addSignedIn(this.api, tenant, role + " Test", role);
		return new Someone(added.id(), added.email(), added.token());
	}

	Map<String, Object> createCase(Tenant tenant, String title) {
		ResponseEntity<Map> response = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT",
				"title", title, "assigneeId", tenant.userId().toString(), "fields", Map.of("contactName", "Léa")));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return response.getBody();
	}

	List<Map<String, Object>> notifications(String token, String query) {
		ResponseEntity<Map> response = this.api.get(token, "/api/v1/notifications" + query);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("items");
	}

	/** Listeners run after commit, asynchronously: wait for what should arrive. */
	List<Map<String, Object>> await(String token, Predicate<Map<String, Object>> wanted) {
		for (int i = 0; i < 100; i++) {
			List<Map<String, Object>> found = notifications(token, "?size=200").stream().filter(wanted).toList();
			if (!found.isEmpty()) {
				return found;
			}
			sleep();
		}
		return List.of();
	}

	static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Predicate<Map<String, Object>> about(String kind, String caseId) {
		return (n) -> kind.equals(n.get("kind")) && caseId.equals(n.get("caseId"));
	}

	@Test
	void theAuthorIsToldWhichMentionsNamedNobody() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Mentions Perdues");
		Someone mentioned = member(tenant, "AGENT");
		Someone stranger = member(this.api.newOrganisation("Agence Mentions Voisine"), "AGENT");
		String caseId = (String) createCase(tenant, "T2 Croix-Rousse").get("id");

		ResponseEntity<Map> note = this.api.post(tenant.token(), "/api/v1/cases/" + caseId + "/notes", Map.of("text",
				"@" + mentioned.handle() + " et @Personne, voir @" + stranger.handle() + ". Merci @personne."));
		assertThat(note.getStatusCode().value()).isEqualTo(201);
		// another organisation's member is nobody here
		assertThat(note.getBody()).containsEntry("mentions", List.of(mentioned.id().toString()))
			.containsEntry("unmatchedMentions", List.of("Personne", stranger.handle()));
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/notes", Map.of("text", "Sans mention, a@b.fr"))
			.getBody()).containsEntry("mentions", List.of()).containsEntry("unmatchedMentions", List.of());

		Session browser = new Session(this.port, tenant.email());
		String token = attribute(browser.get("/cases/" + caseId).body(), "name=\"_csrf\" value");
		browser.post("/cases/" + caseId + "/notes", Map.of("text", "Rappeler @fantome demain"), token);
		assertThat(browser.get("/cases/" + caseId).body()).contains("id=\"case-warning\"",
				"la mention @fantome ne correspond à aucun membre de l’organisation");
		browser.post("/cases/" + caseId + "/notes", Map.of("text", "@" + mentioned.handle() + " bien reçu"), token);
		assertThat(browser.get("/cases/" + caseId).body()).doesNotContain("id=\"case-warning\"");
		browser.get("/cases/" + caseId + "?lang=en");
		browser.post("/cases/" + caseId + "/notes", Map.of("text", "Ask @ghost and @spectre"), token);
		assertThat(browser.get("/cases/" + caseId).body())
			.contains("the mentions @ghost, @spectre match no member of the organisation");
	}

	@Test
	void aMentionNotifiesTheMentionedMemberOnlyAndNobodyElseCanSeeOrMarkIt() {
		Tenant tenant = this.api.newOrganisation("Agence Mentions");
		Someone mentioned = member(tenant, "AGENT");
		Someone colleague = member(tenant, "AGENT");
		Tenant other = this.api.newOrganisation("Agence Voisine");
		Map<String, Object> created = createCase(tenant, "T3 Part-Dieu");
		String caseId = (String) created.get("id");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/notes",
					Map.of("text", "@" + mentioned.handle() + " peux-tu rappeler Léa ?"))
			.getStatusCode()
			.value()).isLessThan(300);

		List<Map<String, Object>> received = await(mentioned.token(), about("MENTION", caseId));
		assertThat(received).singleElement().satisfies((n) -> {
			assertThat((String) n.get("title")).contains((String) created.get("reference"));
			assertThat((String) n.get("body")).contains("peux-tu rappeler Léa");
			assertThat(n).containsEntry("link", "/cases/" + caseId).containsEntry("readAt", null);
		});
		String id = (String) received.get(0).get("id");

		// nobody else sees it: not the colleague, not the author, not another
		// organisation
		assertThat(notifications(colleague.token(), "")).noneMatch((n) -> id.equals(n.get("id")));
		assertThat(notifications(tenant.token(), "")).noneMatch((n) -> id.equals(n.get("id")));
		assertThat(notifications(other.token(), "")).isEmpty();
		// nor marks it
		assertThat(this.api.post(colleague.token(), "/api/v1/notifications/" + id + "/read", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(
				this.api.post(other.token(), "/api/v1/notifications/" + id + "/read", Map.of()).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.post(colleague.token(), "/api/v1/notifications/read-all", Map.of()).getStatusCode().value())
			.isEqualTo(200);
		assertThat(this.api.post(other.token(), "/api/v1/notifications/read-all", Map.of()).getBody())
			.containsEntry("updated", 0);
		assertThat(notifications(mentioned.token(), "?unread=true")).anyMatch((n) -> id.equals(n.get("id")));

		// the recipient does
		ResponseEntity<Map> read = this.api.post(mentioned.token(), "/api/v1/notifications/" + id + "/read", Map.of());
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody().get("readAt")).isNotNull();
		assertThat(notifications(mentioned.token(), "?unread=true")).noneMatch((n) -> id.equals(n.get("id")));
		assertThat(notifications(mentioned.token(), "")).anyMatch((n) -> id.equals(n.get("id")));
	}

	@Test
	void assignmentNotifiesTheNewAssigneeAndAllCanBeMarkedRead() {
		Tenant tenant = this.api.newOrganisation("Agence Attributions");
		Someone agent = member(tenant, "AGENT");
		Map<String, Object> first = createCase(tenant, "Maison Écully");
		Map<String, Object> second = createCase(tenant, "Studio Vaise");
		for (Map<String, Object> c : List.of(first, second)) {
			assertThat(this.api
				.patch(tenant.token(), "/api/v1/cases/" + c.get("id"),
						Map.of("assigneeId", agent.id().toString(), "version", c.get("version")))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		assertThat(await(agent.token(), about("ASSIGNED", (String) first.get("id")))).singleElement()
			.satisfies((n) -> assertThat((String) n.get("body")).isEqualTo("Maison Écully"));
		assertThat(await(agent.token(), about("ASSIGNED", (String) second.get("id")))).hasSize(1);
		// assigning a case to oneself tells nobody
		assertThat(notifications(tenant.token(), "")).noneMatch((n) -> "ASSIGNED".equals(n.get("kind")));

		Map<String, Object> page = this.api.get(agent.token(), "/api/v1/notifications?unread=true&size=1").getBody();
		assertThat(page).containsEntry("total", 2).containsEntry("unread", 2).containsEntry("size", 1);
		assertThat((List<?>) page.get("items")).hasSize(1);
		assertThat(this.api.post(agent.token(), "/api/v1/notifications/read-all", Map.of()).getBody())
			.containsEntry("updated", 2);
		assertThat(this.api.get(agent.token(), "/api/v1/notifications").getBody()).containsEntry("unread", 0)
			.containsEntry("total", 2);
	}

	@Test
	void aWorkflowNotifyActionNotifiesTheAssigneeInTheAppInTheirLanguage() {
		Tenant tenant = this.api.newOrganisation("Agence Offres");
		Someone agent = member(tenant, "AGENT");
		CurrentTenant.runAs(OrgId.of(tenant.orgId()), () -> this.transactions.executeWithoutResult(
				(tx) -> this.jdbc.sql("update app_user set locale = 'en' where id = ?").param(agent.id()).update()));
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Appartement Monplaisir", "assigneeId", agent.id().toString(),
						"fields", Map.of("budget", 320000, "financing", "CASH")));
		String id = (String) created.getBody().get("id");
		for (String transition : List.of("qualify", "plan_visit", "make_offer")) {
			assertThat(this.api
				.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", Map.of("transition", transition))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		assertThat(await(agent.token(), about("WORKFLOW", id))).singleElement().satisfies((n) -> {
			assertThat((String) n.get("title")).startsWith("Case LEAD-")
				.endsWith(": Offre reçue : prévenez le vendeur et préparez le compromis");
			assertThat(n).containsEntry("link", "/cases/" + id);
		});
		assertThat(notifications(tenant.token(), "")).noneMatch((n) -> "WORKFLOW".equals(n.get("kind")));

		// a member who changes language reads the notices already received in the new one
		CurrentTenant.runAs(OrgId.of(tenant.orgId()), () -> this.transactions.executeWithoutResult(
				(tx) -> this.jdbc.sql("update app_user set locale = 'fr' where id = ?").param(agent.id()).update()));
		assertThat(notifications(agent.token(), "")).filteredOn(about("WORKFLOW", id))
			.singleElement()
			.satisfies((n) -> assertThat((String) n.get("title")).startsWith("Dossier LEAD-"));
		// and a client that asks for a language gets that one
		Map<String, Object> english = this.api.raw()
			.get()
			.uri("/api/v1/notifications")
			.header("Authorization", "Bearer " + agent.token())
			.header("Accept-Language", "en-GB,en;q=0.9")
			.retrieve()
			.body(Map.class);
		assertThat((List<Map<String, Object>>) english.get("items")).filteredOn(about("WORKFLOW", id))
			.singleElement()
			.satisfies((n) -> assertThat((String) n.get("title")).startsWith("Case LEAD-"));
	}

	@Test
	void documentsTheNotificationAndWorkingHoursApiInOpenApi() {
		assertThat(this.api.getText(null, "/v3/api-docs").getBody()).contains("/api/v1/notifications/{id}/read",
				"/api/v1/notifications/read-all", "/api/v1/cases/working-hours", "\"Notifications\"");
	}

}
