package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the case page and the list offer to do, as an agency's sales team expects it.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CasePageActionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	String open(Tenant tenant, String type, String title) {
		return (String) this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", type, "title", title))
			.getBody()
			.get("id");
	}

	/**
	 * A page's text, its no-break spaces as spaces (their place is checked elsewhere).
	 */
	static String words(String html) {
		return html.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	/** The HTML of the form of the case page that makes the transition {@code name}. */
	static String form(String page, String name) {
		Matcher matcher = Pattern
			.compile("<form[^>]*class=\"transition\"[^>]*>(?:(?!</form>).)*data-transition=\"" + name
					+ "\"(?:(?!</form>).)*</form>", Pattern.DOTALL)
			.matcher(page);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group();
	}

	/**
	 * "Perdre" closes the case for good: it was a primary button like "Qualifier", the
	 * page's call to action. It reads as the danger it is, after the moves forward, and
	 * asks first, as deleting does; winning stays primary.
	 */
	@Test
	void aMoveThatClosesTheCaseWithoutItsSuccessIsNotTheCallToActionAndAsksFirst() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Perdre n'est pas gagner");
		String id = open(tenant, "LEAD_ACHAT", "Acheteur hésitant");
		String reference = (String) this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("reference");
		Session owner = new Session(this.port, tenant.email());
		String page = words(owner.get("/cases/" + id).body());
		String qualify = form(page, "qualify");
		String lose = form(page, "lose");
		assertThat(qualify).contains("class=\"primary\"").doesNotContain("data-confirm");
		assertThat(lose).contains("class=\"danger\"")
			.doesNotContain("class=\"primary\"")
			.contains("data-confirm=\"Clore le dossier " + reference + " en « Perdu » ? Il ne pourra plus changer "
					+ "d’état.\"");
		assertThat(page.indexOf("data-transition=\"qualify\"")).isLessThan(page.indexOf("data-transition=\"lose\""));

		// the list: "Perdre…" in the danger style, its form asking first
		String list = words(owner.get("/cases?type=LEAD_ACHAT").body());
		assertThat(list).containsPattern("<summary class=\"button small danger\"[^>]*data-transition=\"lose\"")
			.contains("hx-confirm=\"Clore le dossier " + reference + " en « Perdu » ?");
		// a withdrawal, without inputs, asks before it is sent; an acceptance does not
		String rental = open(tenant, "LOCATION", "Candidature Martin");
		this.api.post(tenant.token(), "/api/v1/cases/" + rental + "/transitions",
				Map.of("transition", "complete", "monthlyIncome", 3200, "guarantor", "VISALE"));
		String rentals = words(owner.get("/cases?type=LOCATION").body());
		assertThat(rentals).containsPattern("hx-confirm=\"Clore le dossier LOC-[^ ]+ en « Désisté » \\?")
			.containsPattern("class=\"small danger\"[^>]*data-transition=\"withdraw\"")
			.containsPattern("class=\"small\"[^>]*data-transition=\"accept\"");
		String rentalPage = owner.get("/cases/" + rental).body();
		assertThat(form(rentalPage, "accept")).contains("class=\"primary\"").doesNotContain("data-confirm");
		assertThat(form(rentalPage, "refuse")).contains("class=\"danger\"", "data-confirm");
		assertThat(form(rentalPage, "withdraw")).contains("class=\"danger\"", "data-confirm");
	}

	/**
	 * The move forward is the page's call to action: a move back to an earlier stage
	 * ("Revenir en qualification") was a primary button before it, and read as the next
	 * step.
	 */
	@Test
	void aMoveBackToAnEarlierStageIsAPlainButtonAfterTheMovesForward() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Aller de l'avant");
		String id = open(tenant, "LEAD_ACHAT", "Acheteur en visite");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "budget", 300000, "financing", "CASH"));
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", Map.of("transition", "plan_visit"));
		String page = words(new Session(this.port, tenant.email()).get("/cases/" + id).body());
		assertThat(form(page, "make_offer")).contains("class=\"primary\"");
		assertThat(form(page, "requalify")).doesNotContain("class=\"primary\"", "class=\"danger\"", "data-confirm");
		assertThat(form(page, "lose")).contains("class=\"danger\"");
		assertThat(page.indexOf("data-transition=\"make_offer\""))
			.isLessThan(page.indexOf("data-transition=\"requalify\""));
		assertThat(page.indexOf("data-transition=\"requalify\"")).isLessThan(page.indexOf("data-transition=\"lose\""));
	}

	/**
	 * The appointment form had a start only: every visit lasted an hour, whatever the
	 * member planned. It has an end, an hour after the start unless changed.
	 */
	@Test
	void anAppointmentIsPlannedWithItsEndFromTheCasePage() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Fin de visite");
		String id = open(tenant, "LEAD_ACHAT", "Visite longue");
		Session owner = new Session(this.port, tenant.email());
		String page = owner.get("/cases/" + id).body();
		assertThat(page).contains("name=\"endsAt\" type=\"datetime-local\"", "/js/cases-case.js");
		String csrf = attribute(page, "name=\"_csrf\" value");
		String once = attribute(page, "name=\"_once\" value");
		var sent = owner.post("/cases/" + id + "/appointments", Map.of("title", "Visite T4", "startsAt",
				"2030-03-12T14:00", "endsAt", "2030-03-12T16:30", "place", "Lyon 6e", "_once", once), csrf);
		assertThat(sent.statusCode()).isEqualTo(302);
		List<Map<String, Object>> appointments = this.api
			.getList(tenant.token(), "/api/v1/cases/" + id + "/appointments")
			.getBody();
		assertThat(appointments).singleElement().satisfies((a) -> {
			assertThat(a).containsEntry("startsAt", "2030-03-12T13:00:00Z")
				.containsEntry("endsAt", "2030-03-12T15:30:00Z");
		});
		assertThat(words(owner.get("/cases/" + id).body())).contains("12/03/2030 14:00–16:30");

		// without an end, an hour; an end past 24 hours is refused as the API refuses it
		page = owner.get("/cases/" + id).body();
		owner.post("/cases/" + id + "/appointments", Map.of("title", "Appel", "startsAt", "2030-03-13T09:00", "endsAt",
				"", "_once", attribute(page, "name=\"_once\" value")), csrf);
		List<Map<String, Object>> both = this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/appointments")
			.getBody();
		assertThat(both).extracting((a) -> a.get("endsAt")).contains("2030-03-13T09:00:00Z");
		page = owner.get("/cases/" + id).body();
		var tooLong = owner.post("/cases/" + id + "/appointments", Map.of("title", "Salon", "startsAt",
				"2030-03-14T09:00", "endsAt", "2030-03-15T10:00", "_once", attribute(page, "name=\"_once\" value")),
				csrf);
		assertThat(tooLong.statusCode()).isEqualTo(302);
		assertThat(words(owner.get("/cases/" + id).body())).contains("Un rendez-vous dure au plus 24 heures");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/appointments").getBody()).hasSize(2);
	}

	/**
	 * An appointment or a task refused (an appointment over 24 hours, a reminder after
	 * the due date) comes back with what was typed in its form, and the refusal beside
	 * that form, where the page is brought back to: the form came back emptied, its
	 * place, participants and times to be typed again, and the refusal sat at the top of
	 * the page, out of sight of the form the member had scrolled down to.
	 */
	@Test
	void aRefusedAppointmentOrTaskKeepsWhatWasTypedBesideItsForm() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Saisie gardée");
		String id = open(tenant, "LEAD_ACHAT", "Visite à replanifier");
		Session owner = new Session(this.port, tenant.email());
		String page = owner.get("/cases/" + id).body();
		String csrf = attribute(page, "name=\"_csrf\" value");
		var refused = owner.post("/cases/" + id + "/appointments",
				Map.of("title", "Visite T3 Croix-Rousse", "startsAt", "2030-03-14T09:00", "endsAt", "2030-03-15T10:00",
						"place", "12 rue d'Austerlitz, Lyon", "participants", "Jean Dupont, Marie Curie", "_once",
						attribute(page, "name=\"_once\" value")),
				csrf);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/cases/" + id + "#appointments");
		page = words(owner.get("/cases/" + id).body());
		String appointments = page.substring(page.indexOf("id=\"appointments\""), page.indexOf("id=\"timeline\""));
		assertThat(appointments).contains("Un rendez-vous dure au plus 24 heures", "value=\"Visite T3 Croix-Rousse\"",
				"value=\"2030-03-14T09:00\"", "value=\"2030-03-15T10:00\"", "value=\"12 rue d&#39;Austerlitz, Lyon\"",
				"value=\"Jean Dupont, Marie Curie\"");
		assertThat(page.substring(0, page.indexOf("id=\"appointments\""))).doesNotContain("au plus 24 heures");

		page = owner.get("/cases/" + id).body();
		var task = owner.post("/cases/" + id + "/tasks", Map.of("title", "Relancer la banque", "dueAt",
				"2030-03-10T09:00", "remindAt", "2030-03-11T09:00", "_once", attribute(page, "name=\"_once\" value")),
				csrf);
		assertThat(task.headers().firstValue("Location").orElse("")).endsWith("#tasks");
		page = words(owner.get("/cases/" + id).body());
		String tasks = page.substring(page.indexOf("id=\"tasks\""), page.indexOf("id=\"appointments\""));
		assertThat(tasks).contains("id=\"case-error\"", "value=\"Relancer la banque\"", "value=\"2030-03-10T09:00\"",
				"value=\"2030-03-11T09:00\"");
		// once seen, the form is empty again, and the appointment's title is its default
		page = words(owner.get("/cases/" + id).body());
		assertThat(page).doesNotContain("Relancer la banque", "id=\"case-error\"").contains("value=\"Visite\"");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + id + "/appointments").getBody()).isEmpty();
	}

	/**
	 * The note form says how a member is mentioned, and a mention written so notifies
	 * them: nothing said it, and "@Alice" was answered that it named nobody.
	 */
	@Test
	void theNoteFormSaysHowToMentionAMember() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Mention");
		String id = open(tenant, "LEAD_ACHAT", "Acheteur à rappeler");
		var alice = this.members.addSignedIn(this.api, tenant, "Alice Martin", "AGENT");
		Session owner = new Session(this.port, tenant.email());
		String page = words(owner.get("/cases/" + id).body());
		assertThat(page).contains("aria-describedby=\"note-mentions\"")
			.contains("Pour prévenir un membre, écrivez @ suivi de son nom sans espace : ")
			.contains("@AliceMartin")
			.contains("@OwnerAgenceMention");
		owner.post("/cases/" + id + "/notes",
				Map.of("text", "Rappeler demain, @AliceMartin", "_once", attribute(page, "name=\"_once\" value")),
				attribute(page, "name=\"_csrf\" value"));
		page = words(owner.get("/cases/" + id).body());
		assertThat(page).contains("Rappeler demain, @AliceMartin").doesNotContain("id=\"case-warning\"");
		// listeners run after commit, asynchronously
		List<Object> told = List.of();
		for (int i = 0; i < 100 && told.isEmpty(); i++) {
			Thread.sleep(100);
			told = (List<Object>) this.api.get(alice.token(), "/api/v1/notifications").getBody().get("items");
		}
		assertThat(told).isNotEmpty();
	}

	/**
	 * A large organisation's note form lists ten handles, the case's assignee first, and
	 * counts the others: forty members made forty handles for a case two of them work.
	 */
	@Test
	void aLargeOrganisationsNoteFormListsTheCasesPeopleFirstAndCountsTheOthers() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Nombreuse");
		String id = open(tenant, "LEAD_ACHAT", "Acheteur suivi");
		String last = null;
		for (int i = 1; i <= 12; i++) {
			last = this.members.addSignedIn(this.api, tenant, "Membre Numero" + (char) ('A' + i), "AGENT")
				.id()
				.toString();
		}
		assertThat(this.api.patch(tenant.token(), "/api/v1/cases/" + id, Map.of("version", 0, "assigneeId", last))
			.getStatusCode()
			.value()).isEqualTo(200);
		String page = words(new Session(this.port, tenant.email()).get("/cases/" + id).body());
		// 13 members: the assignee, then 9 more, and 3 others
		assertThat(page).contains("sans espace : @MembreNumeroM, ").contains(", et 3 autres membres.");
		String hint = page.substring(page.indexOf("id=\"note-mentions\""));
		hint = hint.substring(0, hint.indexOf("</p>"));
		assertThat(hint.split("@", -1)).hasSize(1 + 1 + 10);
	}

	/**
	 * A notice marked read on the notifications page (htmx) counts down the page's "Non
	 * lues (2)" with the bell, and "Tout marquer comme lu" goes with the last one: the
	 * list and the bell changed, the filter kept "Non lues (2)".
	 */
	@Test
	void markingANoticeReadCountsDownTheUnreadFilterWithTheBell() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Cloche");
		String id = open(tenant, "LEAD_ACHAT", "Acheteur pressé");
		var alice = this.members.addSignedIn(this.api, tenant, "Alice Martin", "AGENT");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes", Map.of("text", "@AliceMartin rappeler"));
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/notes", Map.of("text", "@AliceMartin et relancer"));
		List<Map<String, Object>> items = List.of();
		for (int i = 0; i < 100 && items.size() < 2; i++) {
			Thread.sleep(100);
			items = (List<Map<String, Object>>) this.api.get(alice.token(), "/api/v1/notifications")
				.getBody()
				.get("items");
		}
		assertThat(items).hasSize(2);
		PageSession page = new PageSession(this.port).login(alice.email());
		String list = words(page.get("/notifications").body());
		assertThat(list).contains("Non lues (2)", "id=\"read-all\"");
		Map<String, String> csrf = Map.of("_csrf", PageSession.csrf(list));
		String first = words(page.post("/notifications/" + items.get(0).get("id") + "/read", csrf, true).body());
		assertThat(first).contains("id=\"notification-list\"")
			.containsPattern("<nav[^>]*id=\"notification-filters\"[^>]*hx-swap-oob=\"true\"")
			.contains("Non lues (1)", "id=\"read-all\"");
		String last = words(page.post("/notifications/" + items.get(1).get("id") + "/read", csrf, true).body());
		assertThat(last).contains("Non lues (0)").doesNotContain("id=\"read-all\"");
	}

	/**
	 * The workflow editor moves the cases running on an older version to a published one,
	 * each state they are in mapped onto one of its own: only the API did it, so the
	 * board kept its "older version" columns for good for an owner without a client.
	 */
	@Test
	void theEditorMigratesRunningCasesWithAStateMapping() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Migration");
		String waiting = open(tenant, "LEAD_ACHAT", "Toujours nouveau");
		String qualified = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Qualifié", "fields",
					Map.of("budget", 300000, "financing", "LOAN_AGREED")))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases/" + qualified + "/transitions", Map.of("transition", "qualify"));
		var http = java.net.http.HttpClient.newHttpClient();
		String base = "http://localhost:" + this.port + "/api/v1/case-types/LEAD_ACHAT";
		String export = http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base))
				.header("Authorization", "Bearer " + tenant.token())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		var draft = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/workflows"))
			.header("Authorization", "Bearer " + tenant.token())
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(export.replace("\"QUALIFIED\"", "\"QUALIFIE\"")))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/2/publish", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);

		Session owner = new Session(this.port, tenant.email());
		String page = words(owner.get("/cases/types/LEAD_ACHAT/workflow?version=2").body());
		String card = page.substring(page.indexOf("id=\"migration\""), page.indexOf("id=\"migration\"") + 4000);
		assertThat(card).contains("Migrer les dossiers en cours vers la version 2", "name=\"mapping.NEW\"",
				"name=\"mapping.QUALIFIED\"", "<span>Qualifié</span>", "<small class=\"help\">v1</small>");
		// NEW is kept by default; QUALIFIED, which v2 lacks, is to be chosen
		assertThat(card).contains("<option value=\"NEW\" selected=\"selected\">",
				"<option value=\"\" selected=\"selected\">— choisir —</option>");
		String csrf = attribute(page, "name=\"_csrf\" value");
		var refused = owner.post("/cases/types/LEAD_ACHAT/workflow/2/migrate",
				Map.of("mapping.NEW", "NEW", "mapping.QUALIFIED", ""), csrf);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/workflow?version=2#migration");
		page = words(owner.get("/cases/types/LEAD_ACHAT/workflow?version=2").body());
		card = page.substring(page.indexOf("id=\"migration\""));
		assertThat(card).contains("id=\"workflow-error\"");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + qualified).getBody())
			.containsEntry("workflowVersion", 1);

		owner.post("/cases/types/LEAD_ACHAT/workflow/2/migrate",
				Map.of("mapping.NEW", "NEW", "mapping.QUALIFIED", "QUALIFIE"), csrf);
		page = words(owner.get("/cases/types/LEAD_ACHAT/workflow?version=2").body());
		assertThat(page).contains("2 dossiers migrés vers la version 2.").doesNotContain("id=\"migration\"");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + qualified).getBody())
			.containsEntry("workflowVersion", 2)
			.containsEntry("state", "QUALIFIE");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + waiting).getBody())
			.containsEntry("workflowVersion", 2)
			.containsEntry("state", "NEW");
	}

	/**
	 * A step refused by the workflow editor (a new open state with no way out) comes back
	 * as typed in its form, the refusal beside it: its eight fields came back emptied and
	 * the refusal sat at the top of the page, above the diagram and the tables.
	 */
	@Test
	void aRefusedStepKeepsWhatWasTypedBesideItsForm() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Étape gardée");
		Session owner = new Session(this.port, tenant.email());
		String page = owner.get("/cases/types/LEAD_ACHAT/workflow").body();
		var refused = owner.post("/cases/types/LEAD_ACHAT/workflow/steps?roles=MANAGER&from=OFFER&from=VISIT",
				Map.of("state", "SIGNATURE", "labelFr", "Signature chez le notaire", "labelEn", "Signing", "colour",
						"#aa3300", "sla", "5", "slaUnit", "hours", "transition", "sign", "transitionLabel",
						"Signer le compromis", "transitionLabelEn", "Sign the contract", "requiredFields", "budget"),
				attribute(page, "name=\"_csrf\" value"));
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/workflow#step-form");
		page = words(owner.get("/cases/types/LEAD_ACHAT/workflow").body());
		int step = page.indexOf("<h2>Ajouter une étape</h2>");
		assertThat(page.substring(0, step)).doesNotContain("aucune transition n’en sort");
		String form = page.substring(step, page.indexOf("id=\"workflow-document\""));
		assertThat(form)
			.contains("id=\"workflow-error\"", "aucune transition n’en sort", "value=\"SIGNATURE\"",
					"value=\"Signature chez le notaire\"", "value=\"Signing\"", "value=\"#aa3300\"", "value=\"5\"",
					"value=\"hours\" selected", "value=\"sign\"", "value=\"Signer le compromis\"",
					"value=\"Sign the contract\"", "value=\"budget\"", "value=\"OFFER\" selected",
					"value=\"VISIT\" selected", "value=\"MANAGER\" checked=\"checked\"")
			.doesNotContain("value=\"NEW\" selected", "value=\"AGENT\" checked");
		// the next visit shows an empty form again
		assertThat(owner.get("/cases/types/LEAD_ACHAT/workflow").body()).doesNotContain("Signature chez le notaire",
				"id=\"workflow-error\"");

		// a manager, who may not save a draft, reads the definition, not how to edit it
		var manager = this.members.addSignedIn(this.api, tenant, "Marc Responsable", "MANAGER");
		String read = new Session(this.port, manager.email()).get("/cases/types/LEAD_ACHAT/workflow").body();
		assertThat(read).contains("<h2>Définition (JSON)</h2>", "readonly")
			.doesNotContain("Modifier la définition", "Enregistrer crée un nouveau brouillon", "id=\"step-form\"");
		assertThat(page).contains("<h2>Modifier la définition (JSON)</h2>");
	}

	/**
	 * The coming public holidays name the first of a month as the French write it, "1er
	 * janvier", where the page wrote "vendredi 1 janvier 2027"; English keeps "1
	 * January".
	 */
	@Test
	void theComingHolidaysWriteTheFirstOfAMonthAsTheFrenchDo() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Jour de l'an");
		Session owner = new Session(this.port, tenant.email());
		// the coming twelve months hold a 1 January, a 1 May and a 1 November
		String page = words(owner.get("/cases/working-hours").body());
		assertThat(page).containsPattern("\\p{L}+ 1er janvier \\d{4}")
			.containsPattern("1er mai \\d{4}")
			.containsPattern("1er novembre \\d{4}")
			.doesNotContainPattern(" 1 (janvier|mai|novembre) ");
		String english = words(owner.get("/cases/working-hours?lang=en").body());
		assertThat(english).containsPattern("\\p{L}+ 1 January \\d{4}").doesNotContain("1er");
	}

	/**
	 * A template's map looked up by a bare variable ({@code memberNames[m]}) is read by
	 * Spring's expressions as the key "m": the teams page showed a member who may not
	 * edit it each member's id, the list filtered by overdue tasks the member's id, and a
	 * transition's guard asked again for a field the case already has.
	 */
	@Test
	void membersAndFieldsAreLookedUpByTheirValuesNotByTheVariablesName() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Noms retrouvés");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		UUID agentId = UUID.randomUUID();
		this.members.add(tenant, agentId, agentEmail, "Alix Terrain", "AGENT");
		this.api.post(tenant.token(), "/api/v1/teams",
				Map.of("name", "Lyon Ouest", "members", List.of(tenant.userId().toString(), agentId.toString())));
		Session agent = new Session(this.port, agentEmail);
		String teams = words(agent.get("/cases/teams").body());
		assertThat(teams).contains("<li>Alix Terrain</li>", "<li>Owner Agence Noms retrouvés</li>")
			.doesNotContain("<li>" + agentId + "</li>");

		String list = words(agent.get("/cases?overdueTasksOf=" + agentId).body());
		assertThat(list).contains("Dossiers avec une tâche en retard de Alix Terrain")
			.doesNotContain("tâche en retard de " + agentId);

		// a lead whose budget and financing are known is qualified in one click
		String id = (String) this.api.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title",
				"Budget connu", "fields", Map.of("budget", 350000, "financing", "CASH")))
			.getBody()
			.get("id");
		String page = words(agent.get("/cases/" + id).body());
		assertThat(form(page, "qualify")).doesNotContain("name=\"budget\"", "name=\"financing\"");
		String unknown = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Budget inconnu"))
			.getBody()
			.get("id");
		assertThat(form(words(agent.get("/cases/" + unknown).body()), "qualify")).contains("name=\"budget\"",
				"name=\"financing\"");
	}

	/**
	 * The dashboard's median delays read as durations ("moins d'une minute", "2 j 4 h"),
	 * not as hours with a decimal ("0,0 h").
	 */
	@Test
	void theDashboardsDelaysReadAsDurations() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Délais lisibles");
		String id = open(tenant, "LEAD_ACHAT", "Qualifié aussitôt");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "budget", 300000, "financing", "CASH"));
		Session owner = new Session(this.port, tenant.email());
		String page = words(owner.get("/cases/reports").body());
		assertThat(page).contains("moins d’une minute").doesNotContain("0,0 h");
	}

}
