package fr.atlas.cases;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages, through a logged-in browser session with CSRF: list, board (and the move
 * endpoint its drag and drop calls), case page and workflow editor.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aManagerDeletesACaseFromItsPageAndAnAgentCannot() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Suppression");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Doublon de Villeurbanne"))
			.getBody()
			.get("id");
		String reference = (String) this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("reference");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		this.members.add(tenant, UUID.randomUUID(), agentEmail, "Alex Agent", "AGENT");

		// an agent sees no such button, and is refused the form
		Session agent = new Session(this.port, agentEmail);
		String agentPage = agent.get("/cases/" + id).body();
		assertThat(agentPage).contains("Doublon de Villeurbanne").doesNotContain("id=\"case-delete\"");
		assertThat(agent
			.post("/cases/" + id + "/delete", Map.of("version", "0"), attribute(agentPage, "name=\"_csrf\" value"))
			.statusCode()).isEqualTo(403);

		Session owner = new Session(this.port, tenant.email());
		String page = owner.get("/cases/" + id).body();
		assertThat(page).contains("id=\"case-delete\"", "Supprimer définitivement",
				"Supprimer définitivement le dossier " + reference);
		String csrf = attribute(page, "name=\"_csrf\" value");
		// a page shown before a change deletes nothing: the case is shown again with why
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("title", "Doublon de Villeurbanne (2)", "version", 0))
			.getStatusCode()
			.value()).isEqualTo(200);
		HttpResponse<String> stale = owner.post("/cases/" + id + "/delete", Map.of("version", "0"), csrf);
		assertThat(stale.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id);
		assertThat(owner.get("/cases/" + id).body()).contains("id=\"case-error\"");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getStatusCode().value()).isEqualTo(200);

		HttpResponse<String> deleted = owner.post("/cases/" + id + "/delete", Map.of("version", "1"), csrf);
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/cases");
		assertThat(owner.get("/cases").body()).contains("Dossier " + reference + " supprimé.");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(owner.get("/cases/" + id).statusCode()).isEqualTo(404);
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?action=case.deleted").getBody()).containsEntry("total",
				1);
	}

	@Test
	void boardMovesACardOrSaysWhyNot() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Tableau");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Carte à déplacer"))
			.getBody()
			.get("id");
		Session browser = new Session(this.port, tenant.email());

		HttpResponse<String> board = browser.get("/cases/board?type=LEAD_ACHAT");
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("Carte à déplacer", "data-state=\"QUALIFIED\"", "/js/cases.js",
				"data-csrf-token=");
		// what the board's script says of a refused move names columns and fields by
		// their labels
		assertThat(board.body()).contains("data-label=\"Qualifié\"")
			.contains("&quot;inputLabels&quot;:{&quot;lossReason&quot;:&quot;Motif de perte&quot;}");
		String token = attribute(board.body(), "data-csrf-token");

		HttpResponse<String> refused = browser.post("/cases/" + id + "/move",
				Map.of("transition", "qualify", "version", "0"), token);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("\"ok\":false", "Budget (€), Financement", "allowedTransitions");

		// a move that names no transition is said so, not tried as the transition "null"
		HttpResponse<String> unnamed = browser.post("/cases/" + id + "/move", Map.of("version", "0"), token);
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(unnamed.body()).contains("\"ok\":false", "Champ obligatoire").doesNotContain("null");

		HttpResponse<String> moved = browser.post("/cases/" + id + "/move",
				Map.of("transition", "qualify", "version", "0", "budget", "250000", "financing", "CASH"), token);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("\"state\":\"QUALIFIED\"");

		// A published version without VISIT leaves a case in VISIT on its own column
		// until migrated.
		browser.post("/cases/" + id + "/move", Map.of("transition", "plan_visit"), token);
		var removed = this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows",
				WorkflowVersioningIntegrationTests.version2());
		assertThat(removed.getStatusCode().value()).isEqualTo(201);
		this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2/publish", Map.of());
		String afterPublish = browser.get("/cases/board?type=LEAD_ACHAT").body();
		assertThat(afterPublish).contains("data-state=\"RDV\"", "column other", "Carte à déplacer");

		HttpResponse<String> withoutCsrf = browser.post("/cases/" + id + "/move", Map.of("transition", "plan_visit"),
				null);
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
	}

	@Test
	void rendersTheListTheCasePageAndTheWorkflowEditor() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Pages");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Caluire"))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments",
				Map.of("title", "Visite", "startsAt", "2026-12-03T10:00:00Z"));
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments", Map.of("title", "Contre-visite",
				"startsAt", java.time.Instant.now().plus(java.time.Duration.ofDays(400)).toString()));
		Session browser = new Session(this.port, tenant.email());

		HttpResponse<String> list = browser.get("/cases?type=LEAD_ACHAT");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Maison à Caluire", "Dossiers");

		HttpResponse<String> page = browser.get("/cases/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Maison à Caluire", "Qualifier", "Premier contact avec l’acheteur", "Visite",
				"Historique");
		// the passed visit may be said held or missed, the one to come only cancelled or
		// moved
		assertThat(page.body().split("value=\"NO_SHOW\"", -1)).hasSize(2);
		// the history in words: the state's label, what became of the task and the visit
		assertThat(page.body()).contains("(créée)", "Visite · planifié", ">Prêt accordé</option>")
			.doesNotContain("(created)", "· scheduled", "<span>NEW</span>");
		assertThat(page.body().split("value=\"CANCELLED\"", -1)).hasSize(3);
		String token = attribute(page.body(), "name=\"_csrf\" value");
		HttpResponse<String> note = browser.post("/cases/" + id + "/notes", Map.of("text", "Appelé ce matin"), token);
		assertThat(note.statusCode()).isEqualTo(302);
		String noted = browser.get("/cases/" + id).body();
		assertThat(noted).contains("Appelé ce matin");
		// the history reads newest first, the note just written above the case's creation
		String history = noted.substring(noted.indexOf("id=\"timeline\""));
		assertThat(history.indexOf("Appelé ce matin")).isLessThan(history.indexOf("Création"));

		HttpResponse<String> editor = browser.get("/cases/types/LEAD_ACHAT/workflow");
		assertThat(editor.statusCode()).isEqualTo(200);
		assertThat(editor.body()).contains("<svg", "Qualifié", "qualify", "&quot;states&quot;");
		// its tables name fields, roles and entry actions in words, not by their keys
		assertThat(editor.body())
			.contains("champs requis\u00a0: Budget (€), Financement", "rôles\u00a0: Responsable",
					"saisies requises\u00a0: Motif de perte", "Tâche · Premier contact", "Événement · lead.won")
			.doesNotContain("budget, financing<", "rôles\u00a0: MANAGER", "CREATE_TASK · ");
		// the step form offers the roles to tick by their labels, not a box for keys
		assertThat(editor.body())
			.contains("<input type=\"checkbox\" name=\"roles\" value=\"MANAGER\"> <span>Responsable</span>",
					"<input type=\"checkbox\" name=\"roles\" value=\"OWNER\"> <span>Propriétaire</span>")
			.doesNotContain("placeholder=\"MANAGER\"");

		HttpResponse<String> invalid = browser.post("/cases/types/LEAD_ACHAT/workflow",
				Map.of("document", "{\"states\": [{\"key\": \"A\", \"initial\": true}], \"transitions\": []}"), token);
		assertThat(invalid.statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body()).contains("Aucun état final");

		// The form editor: add a step into a new draft, refuse a removal that breaks the
		// graph.
		// a delay of hours is under a day: the engine counts each 24 hours as one working
		// day, so 72 "hours" are asked for as 3 days
		browser.post("/cases/types/LEAD_ACHAT/workflow/steps",
				Map.of("state", "COMPROMIS", "labelFr", "Compromis signé", "sla", "72", "slaUnit", "hours",
						"transition", "sign_compromis", "from", "OFFER", "nextTransition", "conclude", "nextState",
						"WON"),
				token);
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body())
			.contains("Au-delà de 23 heures, indiquez le délai en jours ouvrés.");
		// (two roles ticked)
		HttpResponse<String> step = browser.post("/cases/types/LEAD_ACHAT/workflow/steps?roles=MANAGER&roles=AGENT",
				Map.of("state", "COMPROMIS", "labelFr", "Compromis signé", "sla", "3", "slaUnit", "days", "transition",
						"sign_compromis", "transitionLabel", "Signer le compromis", "transitionLabelEn",
						"Sign the preliminary contract", "from", "OFFER", "nextTransition", "conclude", "nextState",
						"WON"),
				token);
		assertThat(step.statusCode()).as(step.body()).isEqualTo(302);
		assertThat(step.headers().firstValue("Location").orElse("")).endsWith("version=2");
		HttpResponse<String> draft = browser.get("/cases/types/LEAD_ACHAT/workflow?version=2");
		assertThat(((List<Map<String, Object>>) ((Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2")
			.getBody()
			.get("definition")).get("transitions")).stream()
			.filter((t) -> "sign_compromis".equals(t.get("name")))
			.map((t) -> t.get("roles"))).containsExactly(List.of("MANAGER", "AGENT"));
		// its label in both languages, as the state's: an English member reads the
		// English
		assertThat(((List<Map<String, Object>>) ((Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2")
			.getBody()
			.get("definition")).get("transitions")).stream()
			.filter((t) -> "sign_compromis".equals(t.get("name")))
			.map((t) -> t.get("labels")))
			.containsExactly(Map.of("fr", "Signer le compromis", "en", "Sign the preliminary contract"));
		assertThat(draft.body())
			.contains("Compromis signé", "sign_compromis", "brouillon", "<td class=\"delay\">3 j</td>")
			.doesNotContain(">PT72H<", ">P3D<");
		browser.post("/cases/types/LEAD_ACHAT/workflow/remove", Map.of("state", "OFFER"), token);
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body()).contains("inatteignable");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2").getBody().toString())
			.contains("COMPROMIS", "OFFER");

		HttpResponse<String> dashboard = browser.get("/cases/reports?from=2026-12-01&to=2026-12-31");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body())
			.contains("Rendez-vous planifiés", "id=\"north-star\">1<",
					"Créés sur la période, quel que soit leur état aujourd’hui")
			.doesNotContain("remises dans l’ordre");
		// typed the wrong way round, the dates are read in order and the page says so
		HttpResponse<String> reversed = browser.get("/cases/reports?from=2026-12-31&to=2026-12-01");
		assertThat(reversed.body()).contains("id=\"north-star\">1<", "name=\"from\" value=\"2026-12-01\"",
				"name=\"to\" value=\"2026-12-31\"", "les dates ont été remises dans l’ordre");
		HttpResponse<String> csv = browser.get("/cases/reports.csv?from=2026-12-01&to=2026-12-31");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv")
			.containsIgnoringCase("charset=utf-8");
		assertThat(csv.body()).startsWith("\uFEFFRubrique;Élément;Détail;Nombre;Taux ou heures\r\n")
			.contains("\r\nIndicateur clé;Rendez-vous planifiés;;1;\r\n")
			.doesNotContain("north-star", "appointmentsPlanned");
		browser.get("/cases/reports?lang=en");
		HttpResponse<String> english = browser.get("/cases/reports.csv?from=2026-12-01&to=2026-12-31");
		assertThat(english.body()).startsWith("Section,Item,Detail,Count,Rate or hours\r\n")
			.contains("\r\nNorth star,Appointments planned,,1,\r\n");
		// the API's JSON reports stay as they were, whatever the language
		assertThat(
				this.api.get(tenant.token(), "/api/v1/cases/reports/summary?from=2026-12-01&to=2026-12-31").getBody())
			.containsEntry("appointmentsPlanned", 1);
		browser.get("/cases/reports?lang=fr");

		HttpResponse<String> other = new Session(this.port, this.api.newOrganisation("Agence Curieuse").email())
			.get("/cases/" + id);
		assertThat(other.statusCode()).isEqualTo(404);
	}

	@Test
	void dashboardDrawsChartsFromEmbeddedData() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Graphiques");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Lead graphique", "assigneeId",
							tenant.userId().toString()))
			.getBody()
			.get("id");
		String appointment = (String) this.api
			.post(tenant.token(), "/api/v1/cases/" + id + "/appointments",
					Map.of("title", "Visite", "startsAt", java.time.Instant.now().minusSeconds(86_400).toString()))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments/" + appointment + "/outcome",
				Map.of("outcome", "NO_SHOW"));
		Session browser = new Session(this.port, tenant.email());
		// the appointment of yesterday, passed so that its no-show counts, in a period
		// around it whatever the day the test runs
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
		String period = "from=" + today.minusDays(3) + "&to=" + today.plusDays(1);

		HttpResponse<String> dashboard = browser.get("/cases/reports?" + period);
		assertThat(dashboard.statusCode()).isEqualTo(200);
		String html = dashboard.body();
		// The webjar locator adds the version to the link.
		assertThat(html).containsPattern("<script src=\"/webjars/chart\\.js/[\\d.]+/dist/chart\\.umd\\.js\" defer>")
			.contains("/js/cases-reports.js", "<canvas id=\"chart-conversion-LEAD_ACHAT\"",
					"<canvas id=\"chart-agents\"")
			.doesNotContainPattern("<script>");
		String data = attribute(html, "data-report").replace("&quot;", "\"");
		// the stages by their labels in the page's language, in the charts and the tables
		assertThat(data).contains("\"caseType\":\"LEAD_ACHAT\"", "\"states\":[\"Nouveau\",\"Qualifié\"",
				"\"appointments\":[1]", "\"noShows\":[1]");
		assertThat(html).contains("<th>Nouveau</th>", "<th>Qualifié</th>").doesNotContain("<th>NEW</th>");
		assertThat(browser.get("/cases/reports?lang=en&" + period).body()).contains("<th>New</th>",
				"<th>Qualified</th>");
		assertThat(browser.get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
		assertThat(browser.get("/js/cases-reports.js").body()).contains("new Chart(");
	}

	@Test
	void listPageIssuesACalendarFeedLink() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Mon Agenda");
		Session browser = new Session(this.port, tenant.email());
		HttpResponse<String> list = browser.get("/cases");
		assertThat(list.body()).contains("Mon agenda", "action=\"/cases/calendar-feed\"");
		HttpResponse<String> issued = browser.post("/cases/calendar-feed", Map.of(),
				attribute(list.body(), "name=\"_csrf\" value"));
		assertThat(issued.statusCode()).isEqualTo(302);
		String page = browser.get("/cases").body();
		Matcher url = Pattern.compile("/cases/calendar/cal_[\\w-]+\\.ics").matcher(page);
		assertThat(url.find()).isTrue();
		assertThat(this.api.getText(null, url.group()).getBody()).startsWith("BEGIN:VCALENDAR");
	}

	@Test
	void casePageSaysWhatIsMissingLateOrStillToChoose() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Page Claire");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Studio à Vaise"))
			.getBody()
			.get("id");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + id + "/tasks",
					Map.of("title", "Relancer le notaire", "dueAt", "2026-01-05T09:00:00Z"))
			.getStatusCode()
			.value()).isEqualTo(201);
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/appointments", Map.of("title", "Visite du studio",
				"startsAt", java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString()));
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
						insert into case_event (org_id, id, case_id, kind, occurred_at, payload)
						values (?, gen_random_uuid(), ?, 'SLA_ESCALATION', now(),
						        '{"state": "NEW", "dueAt": "2026-01-05T09:00:00Z", "managers": 2}'::jsonb)""")
					.param(tenant.orgId())
					.param(UUID.fromString(id))
					.update()));
		Session browser = new Session(this.port, tenant.email());

		String page = browser.get("/cases/" + id).body();
		// no party yet: said in words, with where to find one, not "Aucun"
		assertThat(page).contains("Aucune partie liée. Cherchez une agence ou un contact par son nom ci-dessous.");
		// the task past its due date is marked late
		Matcher task = Pattern.compile("<li[^>]*>\\s*<span>Relancer le notaire</span>.*?</li>", Pattern.DOTALL)
			.matcher(page);
		assertThat(task.find()).isTrue();
		// with its year: in December, "05/01" alone says neither this January nor next
		assertThat(task.group()).contains("task-late", "En retard", "pour le 05/01/2026 10:00");
		// the outcome of an appointment to come is chosen, not "Annulé" preselected
		assertThat(page).contains("<select name=\"outcome\" required", "<option value=\"\" selected>Issue…</option>");
		// an escalation says whom it told
		assertThat(page).contains("Nouveau · 2 responsables prévenus");
		String token = attribute(page, "name=\"_csrf\" value");
		Matcher outcomeForm = Pattern.compile("/appointments/([0-9a-f-]{36})/outcome").matcher(page);
		assertThat(outcomeForm.find()).isTrue();
		String appointment = outcomeForm.group(1);
		HttpResponse<String> none = browser.post("/cases/" + id + "/appointments/" + appointment + "/outcome",
				Map.of("outcome", ""), token);
		assertThat(none.statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases/" + id).body()).contains("id=\"case-error\"").doesNotContain("badge off");

		// a budget that is no number is refused naming its field; one written as the
		// French write it is read
		browser.post("/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "version", "0", "budget", "beaucoup", "financing", "CASH"), token);
		String refused = browser.get("/cases/" + id).body();
		assertThat(refused).contains("Budget (€)\u00a0: Nombre attendu", "value=\"beaucoup\"",
				"<option value=\"CASH\" selected=\"selected\">");
		// once shown, it is not kept for the next visit
		assertThat(browser.get("/cases/" + id).body()).doesNotContain("value=\"beaucoup\"");
		browser.post("/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "version", "0", "budget", "350 000 €", "financing", "CASH"), token);
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("state", "QUALIFIED");
		// each action says what it did, not a bare "Enregistré."
		assertThat(browser.get("/cases/" + id).body()).contains("Passé à «\u00a0Qualifié\u00a0».");
		browser.post("/cases/" + id + "/tasks",
				Map.of("title", "Rappeler le client", "_once", UUID.randomUUID().toString()), token);
		assertThat(browser.get("/cases/" + id).body()).contains("Tâche «\u00a0Rappeler le client\u00a0» ajoutée.");
		browser.post("/cases/" + id + "/appointments",
				Map.of("title", "Contre-visite", "startsAt", "2027-02-03T10:00", "_once", UUID.randomUUID().toString()),
				token);
		assertThat(browser.get("/cases/" + id).body()).contains("Rendez-vous «\u00a0Contre-visite\u00a0» planifié.");
	}

	@Test
	void casePageLinksAndRemovesParties() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Page Parties");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Dossier partagé"))
			.getBody()
			.get("id");
		Session browser = new Session(this.port, tenant.email());
		String page = browser.get("/cases/" + id).body();
		String token = attribute(page, "name=\"_csrf\" value");
		// an agency of the organisation's, which Prospects holds
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence Martin;04 50 00 00 01;74000;Annecy
				""");
		String agency = this.prospects.idOf(tenant.token(), "martin");
		assertThat(browser
			.post("/cases/" + id + "/parties", Map.of("type", "AGENCY", "partyId", agency, "label", "Agence Martin"),
					token)
			.statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases/" + id).body()).contains("Agence Martin", "Agence</span>");
		browser.post("/cases/" + id + "/parties/remove", Map.of("type", "AGENCY", "partyId", agency), token);
		assertThat(browser.get("/cases/" + id).body()).doesNotContain("Agence Martin");
	}

	static String attribute(String html, String name) {
		Matcher matcher = Pattern.compile(Pattern.quote(name) + "=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	/** A browser: cookies, a form login, and forms posted with the CSRF token. */
	static final class Session {

		final HttpClient http;

		final String base;

		Session(int port, String email) throws IOException, InterruptedException {
			this.base = "http://localhost:" + port;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			String login = get("/login").body();
			HttpResponse<String> response = post("/login", Map.of("email", email, "password", ApiClient.PASSWORD),
					attribute(login, "name=\"_csrf\" value"));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form, String csrf)
				throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			if (csrf != null) {
				body += "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			}
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
