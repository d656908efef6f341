package fr.atlas.cases;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The times of a case's appointments and tasks: how long an appointment may last, when a
 * reminder may come, and how a time typed on the case page is read in Paris across the
 * clock changes (ADR 0077).
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseWorkTimesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	static Map<String, Object> onlyError(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).hasSize(1);
		return errors.getFirst();
	}

	/**
	 * An appointment typed with the wrong year at its end lasted a year: it filled the
	 * assignee's calendar feed for a year. One of no length was a point in calendars.
	 */
	@Test
	void anAppointmentEndsAfterItStartsAndLastsADayAtMost() {
		Tenant tenant = this.api.newOrganisation("Agence Rendez-vous bornés");
		String caseId = Leads.open(this.api, tenant, "Maison Écully");
		String path = "/api/v1/cases/" + caseId + "/appointments";
		Map<String, Object> yearLong = onlyError(this.api.post(tenant.token(), path,
				Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2031-01-08T11:00:00Z")));
		assertThat(yearLong).containsEntry("field", "endsAt")
			.containsEntry("code", "appointment.too-long")
			.containsEntry("message", "Un rendez-vous dure au plus 24 heures\u00a0: vérifiez la date de fin");
		Map<String, Object> noLength = onlyError(this.api.post(tenant.token(), path,
				Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2030-01-08T10:00:00Z")));
		assertThat(noLength).containsEntry("field", "endsAt").containsEntry("code", "appointment.ends-before-start");
		var english = this.api.raw().post().uri(path).headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		})
			.body(Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2030-01-09T10:00:01Z"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(onlyError(english)).containsEntry("message",
				"An appointment lasts at most 24 hours: check its end date");
		assertThat(this.api.getList(tenant.token(), path).getBody()).isEmpty();
		// a whole day, an open house, is an appointment
		assertThat(this.api
			.post(tenant.token(), path, Map.of("title", "Portes ouvertes", "startsAt", "2030-01-08T08:00:00Z", "endsAt",
					"2030-01-09T08:00:00Z"))
			.getStatusCode()
			.value()).isEqualTo(201);
		// another organisation meets the case as unknown, limits or not
		Tenant other = this.api.newOrganisation("Agence Rendez-vous voisine");
		assertThat(this.api
			.post(other.token(), path,
					Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2030-01-08T11:00:00Z"))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.getList(tenant.token(), path).getBody()).hasSize(1);
	}

	/**
	 * A reminder tells the assignee that a task falls due: one after the due date came
	 * when the task was already late. It is refused, not moved (docs/cases.md).
	 */
	@Test
	void aReminderAfterItsTasksDueDateIsRefused() {
		Tenant tenant = this.api.newOrganisation("Agence Rappels bornés");
		String caseId = Leads.open(this.api, tenant, "T2 Vaise");
		String path = "/api/v1/cases/" + caseId + "/tasks";
		Map<String, Object> late = onlyError(this.api.post(tenant.token(), path,
				Map.of("title", "Rappeler", "dueAt", "2030-01-08T10:00:00Z", "remindAt", "2030-01-08T10:30:00Z")));
		assertThat(late).containsEntry("field", "remindAt")
			.containsEntry("code", "task.remind-after-due")
			.containsEntry("message",
					"Le rappel tombe après l’échéance\u00a0: choisissez un rappel au plus tard à l’échéance, ou laissez-le vide pour être rappelé à l’échéance");
		assertThat(titles(tenant, path)).doesNotContain("Rappeler");
		// at the due date, before it, or with no due date at all: accepted
		for (Map<String, Object> task : List.<Map<String, Object>>of(
				Map.of("title", "À l'heure", "dueAt", "2030-01-08T10:00:00Z", "remindAt", "2030-01-08T10:00:00Z"),
				Map.of("title", "La veille", "dueAt", "2030-01-08T10:00:00Z", "remindAt", "2030-01-07T10:00:00Z"),
				Map.of("title", "Sans échéance", "remindAt", "2030-01-09T10:00:00Z"))) {
			assertThat(this.api.post(tenant.token(), path, task).getStatusCode().value()).as(task.toString())
				.isEqualTo(201);
		}
	}

	/**
	 * The case page's date and time fields send no zone and are read as Paris time: 2:30
	 * on 28 March 2027 never shows on a Paris clock (it goes from 2:00 to 3:00) and was
	 * silently made 3:30; 2:30 on 31 October 2027 shows twice and was taken without a
	 * word (ADR 0077).
	 */
	@Test
	void aTimeTheClocksSkipIsRefusedAndATimeTheyShowTwiceIsTheFirstAndSaidSo() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Changement d'heure");
		String caseId = Leads.open(this.api, tenant, "Loft Confluence");
		PageSession browser = new PageSession(this.port).login(tenant.email());
		String page = "/cases/" + caseId;

		HttpResponse<String> skipped = browser.post(page + "/tasks", Map.of("title", "Relancer", "dueAt",
				"2027-03-28T02:30", "_once", UUID.randomUUID().toString(), "_csrf", csrf(browser, page)), false);
		assertThat(skipped.statusCode()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains(
				"Échéance\u00a0: Le 28/03/2027 à 02:30 n’existe pas à Paris\u00a0: cette nuit-là, les horloges passent de 02:00 à 03:00 (heure d’été). Choisissez une autre heure, par exemple 03:00.");
		assertThat(titles(tenant, "/api/v1/cases/" + caseId + "/tasks")).doesNotContain("Relancer");

		HttpResponse<String> twice = browser.post(page + "/appointments", Map.of("title", "Visite", "startsAt",
				"2027-10-31T02:30", "_once", UUID.randomUUID().toString(), "_csrf", csrf(browser, page)), false);
		assertThat(twice.statusCode()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains(
				"Début\u00a0: le 31/10/2027 à 02:30 a lieu deux fois à Paris (retour à l’heure d’hiver)\u202f; la première fois, en heure d’été (UTC+02:00), a été retenue.");
		List<Map<String, Object>> appointments = this.api
			.getList(tenant.token(), "/api/v1/cases/" + caseId + "/appointments")
			.getBody();
		assertThat(appointments).singleElement()
			.satisfies((a) -> assertThat(a).containsEntry("startsAt", "2027-10-31T00:30:00Z"));

		// an ordinary time the same night is read as before, and said no more of
		browser.post(page + "/tasks", Map.of("title", "Relancer", "dueAt", "2027-03-28T03:30", "_once",
				UUID.randomUUID().toString(), "_csrf", csrf(browser, page)), false);
		assertThat(browser.get(page).body()).doesNotContain("n’existe pas à Paris", "a lieu deux fois");
		assertThat(this.api.getList(tenant.token(), "/api/v1/cases/" + caseId + "/tasks").getBody())
			.filteredOn((t) -> "Relancer".equals(((Map<String, Object>) t).get("title")))
			.singleElement()
			.satisfies((t) -> assertThat((Map<String, Object>) t).containsEntry("dueAt", "2027-03-28T01:30:00Z"));
	}

	private List<Object> titles(Tenant tenant, String path) {
		return this.api.getList(tenant.token(), path).getBody().stream().map((t) -> ((Map) t).get("title")).toList();
	}

	private static String csrf(PageSession browser, String page) throws Exception {
		return PageSession.csrf(browser.get(page).body());
	}

}
