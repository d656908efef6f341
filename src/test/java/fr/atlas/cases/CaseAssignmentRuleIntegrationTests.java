package fr.atlas.cases;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.atlas.cases.engine.AssignmentStrategy;
import fr.atlas.cases.internal.CaseAssignment;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.Eventually;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment rules through the API: ordered rules on postcode zone, specialty and source
 * give a new case to the least loaded member of the first matching rule (or to each in
 * turn), fall back to the default strategy, are validated, audited, and stay within their
 * organisation.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseAssignmentRuleIntegrationTests {

	static final String RULES = "/api/v1/case-types/LEAD_ACHAT/assignment-rules";

	@LocalServerPort
	int port;

	@Autowired
	CaseAssignment assignment;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestMembers members;

	@Autowired
	ApiClient api;

	@Test
	void aNewCaseIn92100GoesToTheMemberOfThe92Rule() {
		Tenant tenant = this.api.newOrganisation("Agence Ouest Parisien");
		UUID alice = member(tenant, "AGENT", "Alice Paris");
		UUID bob = member(tenant, "AGENT", "Bob Neuilly");
		UUID carol = member(tenant, "AGENT", "Carol Luxe");
		UUID dave = member(tenant, "AGENT", "Dave Luxe");
		ResponseEntity<Map> saved = this.api.put(tenant.token(), RULES,
				Map.of("rules", List.of(
						Map.of("name", "Luxe 92", "postcodes", List.of("92"), "specialties", List.of("Luxe"),
								"assignees", List.of(carol, dave)),
						Map.of("name", "Paris", "postcodes", List.of("75001 - 75020"), "assignees", List.of(alice)),
						Map.of("name", "Hauts-de-Seine", "postcodes", List.of("92"), "assignees", List.of(bob)),
						Map.of("name", "Portails", "sources", List.of("portal"), "assignees", List.of(alice)))));
		assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
		List<Map<String, Object>> rules = (List<Map<String, Object>>) saved.getBody().get("rules");
		assertThat(rules).extracting((r) -> r.get("name"))
			.containsExactly("Luxe 92", "Paris", "Hauts-de-Seine", "Portails");
		assertThat(rules.get(1)).containsEntry("postcodes", List.of("75001-75020"));
		assertThat(rules.get(3)).containsEntry("sources", List.of("PORTAL"));
		assertThat(this.api.get(tenant.token(), RULES).getBody()).isEqualTo(saved.getBody());

		Map<String, Object> neuilly = create(tenant, Map.of("postcode", "92100"), List.of(), "FORM");
		assertThat(neuilly).containsEntry("assigneeId", bob.toString());
		List<Map<String, Object>> timeline = (List<Map<String, Object>>) this.api.raw()
			.get()
			.uri("/api/v1/cases/" + neuilly.get("id") + "/timeline")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(timeline.toString()).contains("assignmentRule=Hauts-de-Seine");

		assertThat(create(tenant, Map.of("postcode", "75011"), List.of(), "FORM")).containsEntry("assigneeId",
				alice.toString());
		// The luxury team: the least loaded of its members, ties to the first listed.
		assertThat(create(tenant, Map.of("postcode", "92200"), List.of("luxe"), "FORM")).containsEntry("assigneeId",
				carol.toString());
		assertThat(create(tenant, Map.of("postcode", "92200"), List.of("LUXE"), "FORM")).containsEntry("assigneeId",
				dave.toString());
		assertThat(create(tenant, Map.of("postcode", "69003"), List.of(), "PORTAL")).containsEntry("assigneeId",
				alice.toString());
		// No rule matches: the default strategy (least loaded agent) decides. Alice has 2
		// open cases, the others 1 each, the owner none.
		Map<String, Object> lyon = create(tenant, Map.of("postcode", "69003"), List.of(), "FORM");
		assertThat(lyon).containsEntry("assigneeId", tenant.userId().toString());
		// A case given to someone keeps its assignee.
		Map<String, Object> manual = this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Manuel", "assigneeId",
					alice.toString(), "fields", Map.of("postcode", "92100")))
			.getBody();
		assertThat(manual).containsEntry("assigneeId", alice.toString());

		String audit = this.api.getText(tenant.token(), "/api/v1/audit?size=100").getBody();
		assertThat(audit).contains("case.assigned", "Hauts-de-Seine", "case-type.assignment-rules-changed");
		// Reassignment stays audited.
		this.api.patch(tenant.token(), "/api/v1/cases/" + neuilly.get("id"),
				Map.of("version", neuilly.get("version"), "assigneeId", alice.toString()));
		assertThat(this.api.getText(tenant.token(), "/api/v1/audit?size=100").getBody())
			.contains("modifié\u00a0: responsable");

		// [] removes every rule.
		assertThat((List) this.api.put(tenant.token(), RULES, Map.of("rules", List.of())).getBody().get("rules"))
			.isEmpty();
	}

	@Test
	void aRoundRobinRuleGivesCasesToItsMembersInTurn() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Tour de Rôle");
		UUID alice = member(tenant, "AGENT", "Alice Tour");
		UUID bob = member(tenant, "AGENT", "Bob Tour");
		ResponseEntity<Map> saved = this.api
			.put(tenant.token(), RULES,
					Map.of("rules",
							List.of(Map.of("name", "Lyon", "postcodes", List.of("69"), "assignees", List.of(alice, bob),
									"strategy", "round_robin"),
									Map.of("name", "Ailleurs", "assignees", List.of(alice)))));
		assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
		List<Map<String, Object>> rules = (List<Map<String, Object>>) saved.getBody().get("rules");
		assertThat(rules).extracting((r) -> r.get("strategy")).containsExactly("ROUND_ROBIN", "LEAST_LOADED");

		// Alice has two open cases already; the least loaded would be Bob every time, the
		// round robin goes A, B, A.
		for (int i = 0; i < 2; i++) {
			assertThat(this.api
				.post(tenant.token(), "/api/v1/cases",
						Map.of("caseType", "LEAD_ACHAT", "title", "Lead d'Alice", "assigneeId", alice))
				.getStatusCode()
				.value()).isEqualTo(201);
		}
		assertThat(List.of(create(tenant, Map.of("postcode", "69001"), List.of(), "FORM"),
				create(tenant, Map.of("postcode", "69002"), List.of(), "FORM"),
				create(tenant, Map.of("postcode", "69003"), List.of(), "FORM")))
			.extracting((c) -> c.get("assigneeId"))
			.containsExactly(alice.toString(), bob.toString(), alice.toString());
		// Saving the rules again keeps the turn of a rule that kept its name.
		this.api.put(tenant.token(), RULES, Map.of("rules", rules));
		assertThat(create(tenant, Map.of("postcode", "69004"), List.of(), "FORM")).containsEntry("assigneeId",
				bob.toString());

		// Concurrent creations take successive turns: six at once split three and three.
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Map<String, Object>>> created = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				created.add(pool.submit(() -> create(tenant, Map.of("postcode", "69005"), List.of(), "FORM")));
			}
			Map<Object, Long> perMember = new HashMap<>();
			for (Future<Map<String, Object>> c : created) {
				perMember.merge(c.get(30, TimeUnit.SECONDS).get("assigneeId"), 1L, Long::sum);
			}
			assertThat(perMember).containsOnly(Map.entry(alice.toString(), 3L), Map.entry(bob.toString(), 3L));
		}
		finally {
			pool.shutdownNow();
		}

		ResponseEntity<Map> refused = this.api.put(tenant.token(), RULES,
				Map.of("rules", List.of(Map.of("name", "Lyon", "assignees", List.of(alice), "strategy", "RANDOM"))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("rules[0].strategy", "case.assignment.invalid-strategy");
	}

	@Test
	void theRoundRobinDefaultStrategyTakesTheActiveAgentsInTurnByName() {
		// atlas.cases.auto-assign-strategy=ROUND_ROBIN makes Cases.create call this for a
		// case no rule took; its cursor is the organisation's, apart from the rules'.
		Tenant tenant = this.api.newOrganisation("Agence Tour Par Défaut");
		UUID anna = member(tenant, "AGENT", "Anna Défaut");
		UUID zoe = member(tenant, "AGENT", "Zoé Défaut");
		member(tenant, "VIEWER", "Basile Lecteur");
		List<UUID> picked = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			picked.add(CurrentTenant.callAs(OrgId.of(tenant.orgId()), () -> this.transactions
				.execute((tx) -> this.assignment.byDefault(AssignmentStrategy.ROUND_ROBIN).orElseThrow())));
		}
		// Active agents by name: Anna, the owner ("Owner …"), Zoé; the viewer never.
		assertThat(picked).containsExactly(anna, tenant.userId(), zoe, anna);
		// Another organisation's cursor starts afresh (a shared one would be at turn 4).
		Tenant other = this.api.newOrganisation("Agence Tour Autre");
		UUID alain = member(other, "AGENT", "Alain Autre");
		member(other, "AGENT", "Zed Autre");
		UUID first = CurrentTenant.callAs(OrgId.of(other.orgId()), () -> this.transactions
			.execute((tx) -> this.assignment.byDefault(AssignmentStrategy.ROUND_ROBIN).orElseThrow()));
		assertThat(first).isEqualTo(alain);
	}

	@Test
	void refusesInvalidRulesWithEveryProblemAndOnlyAdminsChangeThem() {
		Tenant tenant = this.api.newOrganisation("Agence Règles Fausses");
		UUID viewer = member(tenant, "VIEWER", "Vera Lecture");
		ResponseEntity<Map> refused = this.api.put(tenant.token(), RULES,
				Map.of("rules", List.of(Map.of("name", " ", "postcodes", List.of("Paris", "92"), "sources",
						List.of("FAX"), "assignees", List.of(viewer, UUID.randomUUID())), Map.of("name", "Vide"))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("rules[0].name field.required",
					"rules[0].postcodes[0] case.assignment.invalid-zone", "rules[0].sources[0] case.source.invalid",
					"rules[0].assignees[0] case.assignment.unknown-member",
					"rules[0].assignees[1] case.assignment.unknown-member",
					"rules[1].assignees case.assignment.no-member");
		assertThat(errors.get(1).get("message").toString()).contains("Paris");
		assertThat((List) this.api.get(tenant.token(), RULES).getBody().get("rules")).isEmpty();
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/NOPE/assignment-rules").getStatusCode().value())
			.isEqualTo(404);

		String agentToken = this.api.token(email(tenant, member(tenant, "AGENT", "Agent Sans Droit")),
				ApiClient.PASSWORD);
		assertThat(this.api.put(agentToken, RULES, Map.of("rules", List.of())).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void rulesStayWithinTheirOrganisation() {
		Tenant a = this.api.newOrganisation("Agence Règles A");
		Tenant b = this.api.newOrganisation("Agence Règles B");
		UUID bobOfA = member(a, "AGENT", "Bob de A");
		assertThat(
				this.api
					.put(a.token(), RULES,
							Map.of("rules", List
								.of(Map.of("name", "92", "postcodes", List.of("92"), "assignees", List.of(bobOfA)))))
					.getStatusCode()
					.value())
			.isEqualTo(200);

		assertThat((List) this.api.get(b.token(), RULES).getBody().get("rules")).isEmpty();
		ResponseEntity<Map> stolen = this.api.put(b.token(), RULES, Map.of("rules",
				List.of(Map.of("name", "Vol", "postcodes", List.of("92"), "assignees", List.of(bobOfA)))));
		assertThat(stolen.getStatusCode().value()).isEqualTo(400);
		assertThat(stolen.getBody().toString()).contains("case.assignment.unknown-member");
		Map<String, Object> caseOfB = create(b, Map.of("postcode", "92100"), List.of(), "FORM");
		assertThat(caseOfB.get("assigneeId")).isNotEqualTo(bobOfA.toString()).isEqualTo(b.userId().toString());
		assertThat(((List) this.api.get(a.token(), RULES).getBody().get("rules"))).hasSize(1);

		this.api.post(a.token(), "/api/v1/case-types", Map.of("key", "SECRET_A", "referencePrefix", "SEC", "labels",
				Map.of("fr", "Secret"), "workflow", WorkflowVersioningIntegrationTests.version2()));
		assertThat(this.api.get(a.token(), "/api/v1/case-types/SECRET_A/assignment-rules").getStatusCode().value())
			.isEqualTo(200);
		assertThat(this.api.get(b.token(), "/api/v1/case-types/SECRET_A/assignment-rules").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.put(b.token(), "/api/v1/case-types/SECRET_A/assignment-rules", Map.of("rules", List.of()))
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void theWorkflowEditorAddsMovesAndRemovesRules() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Règles Écran");
		UUID bob = member(tenant, "AGENT", "Bob Écran");
		CasePagesIntegrationTests.Session browser = new CasePagesIntegrationTests.Session(this.port, tenant.email());
		String editor = browser.get("/cases/types/LEAD_ACHAT/workflow").body();
		assertThat(editor).contains("Attribution automatique", "Aucune règle", "id=\"assignment-rule-form\"",
				"Bob Écran");
		String token = CasePagesIntegrationTests.attribute(editor, "name=\"_csrf\" value");

		assertThat(
				browser
					.post("/cases/types/LEAD_ACHAT/assignment-rules",
							Map.of("name", "Paris", "postcodes", "75001 - 75020", "assignees", bob.toString(),
									"strategy", "ROUND_ROBIN"),
							token)
					.statusCode())
			.isEqualTo(302);
		// Each change answers with a one-time notice, read here before the next change.
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body())
			.contains("Règles d’attribution enregistrées");
		browser.post("/cases/types/LEAD_ACHAT/assignment-rules", Map.of("name", "Luxe", "postcodes", "92, 78",
				"specialties", "luxe", "sources", "PORTAL", "assignees", tenant.userId().toString()), token);
		browser.get("/cases/types/LEAD_ACHAT/workflow");
		HttpResponse<String> invalid = browser.post("/cases/types/LEAD_ACHAT/assignment-rules",
				Map.of("name", "Faux", "postcodes", "Lyon", "assignees", bob.toString()), token);
		assertThat(invalid.headers().firstValue("Location").orElse("")).endsWith("#assignment-rules");
		// the sources by their names, in the rule's badge and in the form's choices
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body()).contains("Zone «\u00a0Lyon\u00a0» invalide",
				"Sources\u00a0: Portail", "<option value=\"PORTAL\">Portail</option>",
				"<option value=\"MANUAL\">Saisie manuelle</option>");
		browser.post("/cases/types/LEAD_ACHAT/assignment-rules/1/up", Map.of(), token);
		assertThat(this.api.get(tenant.token(), RULES).getBody().get("rules").toString())
			.matches("(?s).*name=Luxe.*postcodes=\\[92, 78\\].*sources=\\[PORTAL\\].*name=Paris.*75001-75020.*");
		browser.post("/cases/types/LEAD_ACHAT/assignment-rules/0/remove", Map.of(), token);
		List<Map<String, Object>> left = (List<Map<String, Object>>) this.api.get(tenant.token(), RULES)
			.getBody()
			.get("rules");
		assertThat(left).extracting((r) -> r.get("name") + " " + r.get("strategy"))
			.containsExactly("Paris ROUND_ROBIN");
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body()).contains("Zones\u00a0: 75001-75020",
				"· À tour de rôle", "name=\"strategy\"");

		// Agents see the rules but have no form.
		UUID agent = member(tenant, "AGENT", "Agent Lecteur");
		String asAgent = new CasePagesIntegrationTests.Session(this.port, agent + "@example.test")
			.get("/cases/types/LEAD_ACHAT/workflow")
			.body();
		assertThat(asAgent).contains("Zones\u00a0: 75001-75020").doesNotContain("id=\"assignment-rule-form\"");
	}

	@Test
	void aDeactivatedMembersOpenCasesGoWhereANewCaseWouldGo() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence des Départs");
		Tenant other = this.api.newOrganisation("Agence Tranquille");
		UUID leaving = member(tenant, "AGENT", "Léa Partante");
		UUID paris = member(tenant, "AGENT", "Paul Paris");
		UUID stranger = member(other, "AGENT", "Sam Ailleurs");
		this.api.put(tenant.token(), RULES, Map.of("rules",
				List.of(Map.of("name", "Paris", "postcodes", List.of("75"), "assignees", List.of(paris)))));
		List<String> theirs = new java.util.ArrayList<>();
		for (String postcode : List.of("75011", "75015", "69003")) {
			theirs.add(
					(String) this.api
						.post(tenant.token(), "/api/v1/cases",
								Map.of("caseType", "LEAD_ACHAT", "title", "Lead " + postcode, "assigneeId",
										leaving.toString(), "fields", Map.of("postcode", postcode)))
						.getBody()
						.get("id"));
		}
		String elsewhere = (String) this.api
			.post(other.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Lead d'ailleurs", "assigneeId", stranger.toString()))
			.getBody()
			.get("id");

		assertThat(this.api.post(tenant.token(), "/api/v1/members/" + leaving + "/deactivate", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);

		Map<String, Object> lyon = Eventually.await(
				() -> this.api.get(tenant.token(), "/api/v1/cases/" + theirs.get(2)).getBody(),
				(found) -> !leaving.toString().equals(found.get("assigneeId")), "the case reassigned");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + theirs.get(0)).getBody()).containsEntry("assigneeId",
				paris.toString());
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + theirs.get(1)).getBody()).containsEntry("assigneeId",
				paris.toString());
		// no rule for Lyon: the least loaded active agent, never the one who left
		assertThat(lyon.get("assigneeId")).isIn(tenant.userId().toString(), paris.toString());
		String timeline = this.api.getText(tenant.token(), "/api/v1/cases/" + theirs.get(0) + "/timeline").getBody();
		assertThat(timeline).contains("assigneeId");
		// a custom field changed afterwards is named by its label too
		Map<String, Object> moved = this.api.get(tenant.token(), "/api/v1/cases/" + theirs.get(0)).getBody();
		this.api.patch(tenant.token(), "/api/v1/cases/" + theirs.get(0),
				Map.of("version", moved.get("version"), "fields", Map.of("budget", 350000)));
		// on the page, in words: who had it, who has it, and that the rules chose
		String page = new PageSession(this.port).login(tenant.email()).get("/cases/" + theirs.get(0)).body();
		assertThat(page).contains("<strong>Modification</strong>").contains("<span><span>Budget (€)</span></span>");
		assertThat(page).contains(
				"Responsable</span>\u00a0: <span>Léa Partante → Paul Paris</span><span> (par les règles d’attribution)");
		// another organisation's member with the same fate is not touched by it
		assertThat(this.api.get(other.token(), "/api/v1/cases/" + elsewhere).getBody()).containsEntry("assigneeId",
				stranger.toString());
	}

	private Map<String, Object> create(Tenant tenant, Map<String, Object> fields, List<String> tags, String source) {
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT",
				"title", "Lead " + fields, "fields", fields, "tags", tags, "source", source));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return created.getBody();
	}

	/** Adds an active member with one role and returns their id. */
	private UUID member(Tenant tenant, String role, String name) {
		UUID id = UUID.randomUUID();
		this.members.add(tenant, id, id + "@example.test", name, role);
		return id;
	}

	private static String email(Tenant tenant, UUID member) {
		return member + "@example.test";
	}

}
