package fr.atlas.cases;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that refers to a row another request deletes at that very moment passes every
 * check made before writing (the row is still there) and meets the foreign key when it
 * writes: a task added to a case while a manager deletes the case. The database refuses
 * it (23503); the API says in the caller's language that what it referred to was removed
 * meanwhile (409), not Spring Boot's English error.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseDeletedMeanwhileIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Test
	void aTaskAddedWhileItsCaseIsDeletedIsAConflictInTheCallersLanguage() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Suppression Simultanée");
		ResponseEntity<Map> french = taskWhileTheCaseIsDeleted(tenant, "fr");
		assertThat(french.getStatusCode().value()).as(String.valueOf(french.getBody())).isEqualTo(409);
		assertThat(french.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(french.getBody()).containsEntry("status", 409)
			.containsEntry("type", "https://atlas.test/problems/conflict")
			.containsEntry("code", "problem.reference-gone")
			.containsEntry("title", "Conflit avec l’état actuel")
			.containsEntry("detail",
					"Ce à quoi la demande se rapporte vient d’être supprimé par une autre demande\u00A0: rechargez, puis réessayez si besoin.");
		ResponseEntity<Map> english = taskWhileTheCaseIsDeleted(tenant, "en");
		assertThat(english.getStatusCode().value()).isEqualTo(409);
		assertThat(english.getBody()).containsEntry("title", "Conflicts with the current state")
			.containsEntry("detail",
					"What the request refers to was just deleted by another request: reload, then try again if need be.");
	}

	/**
	 * Adds a task to a case while another transaction deletes the case: the deletion has
	 * removed the case but not committed when the task is written, so the task's check
	 * still finds the case and its insert waits for the deletion, then meets the foreign
	 * key.
	 */
	private ResponseEntity<Map> taskWhileTheCaseIsDeleted(Tenant tenant, String language) throws Exception {
		String caseId = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Brest"))
			.getBody()
			.get("id");
		DatabaseRoles roles = new DatabaseRoles(this.environment);
		try (Connection deletion = roles.owner(); Connection watcher = roles.owner()) {
			deletion.setAutoCommit(false);
			for (String table : List.of("case_notification", "case_sla_escalation", "case_party", "case_appointment",
					"case_task", "case_event")) {
				try (var delete = deletion.prepareStatement("delete from " + table + " where case_id = ?")) {
					delete.setObject(1, UUID.fromString(caseId));
					delete.executeUpdate();
				}
			}
			try (var delete = deletion.prepareStatement("delete from case_file where id = ?")) {
				delete.setObject(1, UUID.fromString(caseId));
				assertThat(delete.executeUpdate()).isEqualTo(1);
			}
			CompletableFuture<ResponseEntity<Map>> task = CompletableFuture
				.supplyAsync(() -> this.api.raw().post().uri("/api/v1/cases/" + caseId + "/tasks").headers((h) -> {
					h.setBearerAuth(tenant.token());
					h.set("Accept-Language", language);
				})
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("title", "Rappeler le vendeur"))
					.retrieve()
					.onStatus((s) -> true, (rq, rs) -> {
					})
					.toEntity(Map.class));
			awaitAWaitingInsert(watcher);
			deletion.commit();
			return task.get(30, TimeUnit.SECONDS);
		}
	}

	/** Until a request waits for a lock (the app role's queries are not shown to us). */
	private static void awaitAWaitingInsert(Connection watcher) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (var waiting = watcher.prepareStatement("select count(*) from pg_locks where not granted");
					var rs = waiting.executeQuery()) {
				rs.next();
				if (rs.getLong(1) > 0) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the task's insert never waited for the deletion");
	}

}
