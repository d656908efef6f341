package fr.atlas.cases;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The times of a case's appointments and tasks: how long an appointment may last, and
 * when a reminder may come.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseWorkTimesIntegrationTests {

	@Autowired
	ApiClient api;

	String create(Tenant tenant, String title) {
		ResponseEntity<Map> response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", title));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

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
		String caseId = create(tenant, "Maison Écully");
		String path = "/api/v1/cases/" + caseId + "/appointments";
		Map<String, Object> yearLong = onlyError(this.api.post(tenant.token(), path,
				Map.of("title", "Visite", "startsAt", "2030-01-08T10:00:00Z", "endsAt", "2031-01-08T11:00:00Z")));
		assertThat(yearLong).containsEntry("field", "endsAt")
			.containsEntry("code", "appointment.too-long")
			.containsEntry("message", "Un rendez-vous dure au plus 24 heures : vérifiez la date de fin");
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
		String caseId = create(tenant, "T2 Vaise");
		String path = "/api/v1/cases/" + caseId + "/tasks";
		Map<String, Object> late = onlyError(this.api.post(tenant.token(), path,
				Map.of("title", "Rappeler", "dueAt", "2030-01-08T10:00:00Z", "remindAt", "2030-01-08T10:30:00Z")));
		assertThat(late).containsEntry("field", "remindAt")
			.containsEntry("code", "task.remind-after-due")
			.containsEntry("message",
					"Le rappel tombe après l’échéance : choisissez un rappel au plus tard à l’échéance, ou laissez-le vide pour être rappelé à l’échéance");
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

	private List<Object> titles(Tenant tenant, String path) {
		return this.api.getList(tenant.token(), path).getBody().stream().map((t) -> ((Map) t).get("title")).toList();
	}

}
