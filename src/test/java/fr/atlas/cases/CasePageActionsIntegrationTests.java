package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
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
