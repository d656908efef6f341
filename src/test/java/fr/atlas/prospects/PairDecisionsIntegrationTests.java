package fr.atlas.prospects;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deciding many pairs of the review queue at once through the API: merged or dismissed as
 * one by one, chains followed, bad requests refused in words, another organisation's
 * pairs left alone.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class PairDecisionsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/**
	 * One possible duplicate a postcode, two names and one phone each, nothing merged: up
	 * to 1,000 pairs.
	 */
	static String pairs(int count) {
		StringBuilder csv = new StringBuilder("Raison sociale;Téléphone;Code postal;Ville;E-mail\n");
		for (int i = 0; i < count; i++) {
			String phone = String.format("01 23 %02d %02d 45", i / 100, i % 100);
			String postcode = String.format("01%03d", i);
			csv.append("Cabinet Martin;").append(phone).append(';').append(postcode).append(";Bourg;\n");
			csv.append("Immo Martin;").append(phone).append(';').append(postcode).append(";Bourg;\n");
		}
		return csv.toString();
	}

	ResponseEntity<Map> decide(String token, List<?> ids, String decision) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("ids", ids);
		body.put("decision", decision);
		return this.api.post(token, "/api/v1/prospects/duplicates/decisions", body);
	}

	static String id(Map<String, Object> pair, String side) {
		return (String) ((Map<String, Object>) pair.get(side)).get("id");
	}

	@Test
	void aDismissedPairIsPutBackInTheQueueByItsOrganisationOnly() {
		var tenant = this.api.newOrganisation("Paire rouverte");
		this.prospects.importAndWait(tenant.token(), "p.csv", pairs(2));
		List<Map<String, Object>> queue = this.prospects.queue(tenant.token());
		String first = (String) queue.get(0).get("id");
		String second = (String) queue.get(1).get("id");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/duplicates/" + first + "/dismiss", Map.of())
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(this.prospects.queue(tenant.token())).extracting((d) -> d.get("id")).containsExactly(second);

		var other = this.api.newOrganisation("Voisine qui rouvre");
		assertThat(this.api.post(other.token(), "/api/v1/prospects/duplicates/" + first + "/reopen", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.prospects.queue(tenant.token())).hasSize(1);

		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/duplicates/" + first + "/reopen", Map.of())
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(this.prospects.queue(tenant.token())).extracting((d) -> d.get("id"))
			.containsExactlyInAnyOrder(first, second);
		// an open pair is not reopened
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/duplicates/" + first + "/reopen", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?action=prospect.duplicate-reopened").getBody())
			.containsEntry("total", 1);

		// once one of its agencies is archived, a dismissed pair stays closed
		this.api.post(tenant.token(), "/api/v1/prospects/duplicates/" + first + "/dismiss", Map.of());
		assertThat(
				this.api.post(tenant.token(), "/api/v1/prospects/" + id(queue.get(0), "agency") + "/archive", Map.of())
					.getStatusCode()
					.value())
			.isEqualTo(200);
		ResponseEntity<Map> closed = this.api.post(tenant.token(), "/api/v1/prospects/duplicates/" + first + "/reopen",
				Map.of());
		assertThat(closed.getStatusCode().value()).isEqualTo(409);
		assertThat(closed.getBody()).containsEntry("code", "prospects.duplicate.reopen-inactive");
	}

	@Test
	void mergesAndDismissesManyPairsAsOneByOne() {
		var tenant = this.api.newOrganisation("Paires");
		this.prospects.importAndWait(tenant.token(), "p.csv", pairs(6));
		List<Map<String, Object>> queue = this.prospects.queue(tenant.token());
		assertThat(queue).hasSize(6);
		List<Object> ids = queue.stream().map((d) -> d.get("id")).toList();

		// another organisation's pairs are left alone
		var other = this.api.newOrganisation("Voisine");
		ResponseEntity<Map> foreign = decide(other.token(), ids, "MERGE");
		assertThat(foreign.getStatusCode().value()).isEqualTo(200);
		assertThat(foreign.getBody()).containsEntry("merged", 0).containsEntry("dismissed", 0).containsEntry("left", 6);
		assertThat(this.prospects.queue(tenant.token())).hasSize(6);

		// the first two merged: the second agency of each into the first
		ResponseEntity<Map> merged = decide(tenant.token(), ids.subList(0, 2), "merge");
		assertThat(merged.getBody()).containsEntry("merged", 2).containsEntry("dismissed", 0).containsEntry("left", 0);
		for (Map<String, Object> pair : queue.subList(0, 2)) {
			assertThat((Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id(pair, "agency"))
				.getBody()
				.get("agency")).containsEntry("status", "MERGED").containsEntry("mergedInto", id(pair, "other"));
		}
		// the next two dismissed; the first two, no longer in the queue, are left
		List<Object> next = new ArrayList<>(ids.subList(0, 4));
		ResponseEntity<Map> dismissed = decide(tenant.token(), next, "DISMISS");
		assertThat(dismissed.getBody()).containsEntry("merged", 0)
			.containsEntry("dismissed", 2)
			.containsEntry("left", 2);
		assertThat(this.prospects.queue(tenant.token())).extracting((d) -> d.get("id"))
			.containsExactlyElementsOf(ids.subList(4, 6));
		// a merge decided in bulk is undone from its agency, and its pair comes back
		String survivor = id(queue.get(0), "other");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.prospects.queue(tenant.token())).extracting((d) -> d.get("id")).contains(ids.get(0));
	}

	@Test
	void followsAnAgencyMergedByAnEarlierPairOfTheSameRequest() {
		var tenant = this.api.newOrganisation("Chaîne");
		this.prospects.importAndWait(tenant.token(), "c.csv", """
				Raison sociale;Téléphone;E-mail;Code postal;Ville
				Cabinet Martin;01 23 45 67 89;;02000;Laon
				Immo Martin;01 23 45 67 89;contact@martin-immo.fr;02000;Laon
				Agence Martin Laon;;contact@martin-immo.fr;02000;Laon
				""");
		// two pairs that share an agency: Immo Martin ~ Agence Martin Laon (the e-mail),
		// Cabinet Martin ~ Immo Martin (the phone)
		List<Map<String, Object>> queue = this.prospects.queue(tenant.token());
		assertThat(queue).hasSize(2);
		// the phone's pair decided first: Immo Martin is merged into Cabinet Martin
		// before the e-mail's pair names it
		Map<String, Object> phonePair = queue.stream()
			.filter((d) -> ((List<String>) d.get("reasons")).contains("phone"))
			.findFirst()
			.orElseThrow();
		assertThat(id(phonePair, "agency")).isEqualTo(
				queue.stream().filter((d) -> d != phonePair).map((d) -> id(d, "other")).findFirst().orElseThrow());
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.tx.executeWithoutResult(
						(status) -> this.jdbc.sql("update duplicate_candidate set confidence = 0.95 where id = :id")
							.param("id", java.util.UUID.fromString((String) phonePair.get("id")))
							.update()));
		String cabinet = id(phonePair, "other");
		Map<String, Object> before = agency(tenant.token(), cabinet);
		// in any order: they are decided in the queue's
		List<Object> ids = new ArrayList<>(queue.stream().map((d) -> d.get("id")).toList());
		Collections.reverse(ids);
		ResponseEntity<Map> merged = decide(tenant.token(), ids, "MERGE");
		assertThat(merged.getStatusCode().value()).isEqualTo(200);
		assertThat((Integer) merged.getBody().get("merged")).isEqualTo(2);
		int mergedVersion = (Integer) agency(tenant.token(), cabinet).get("version");
		// the three rows are one agency now
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?postcode=02000"))
			.containsExactly("Cabinet Martin");
		assertThat(this.prospects.queue(tenant.token())).isEmpty();

		// undone one merge at a time, the latest first, though both were made in one
		// transaction: the agency's values come back exactly as they were, under a newer
		// version than any it had
		for (int undo = 0; undo < 2; undo++) {
			assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + cabinet + "/unmerge", Map.of())
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		Map<String, Object> restored = agency(tenant.token(), cabinet);
		assertThat(ProspectApiIntegrationTests.withoutVersion(restored))
			.isEqualTo(ProspectApiIntegrationTests.withoutVersion(before));
		assertThat((Integer) restored.get("version")).isGreaterThan(mergedVersion)
			.isGreaterThan((Integer) before.get("version"));
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?postcode=02000")).hasSize(3);
		assertThat(this.prospects.queue(tenant.token())).hasSize(2);
	}

	Map<String, Object> agency(String token, String id) {
		return (Map<String, Object>) this.api.get(token, "/api/v1/prospects/" + id).getBody().get("agency");
	}

	@Test
	void undoesTheMergesOfADecisionTogether() {
		var tenant = this.api.newOrganisation("Annulation");
		this.prospects.importAndWait(tenant.token(), "u.csv", pairs(4));
		List<Map<String, Object>> queue = this.prospects.queue(tenant.token());
		Map<String, Object> before = agency(tenant.token(), id(queue.get(0), "other"));
		ResponseEntity<Map> merged = decide(tenant.token(), queue.stream().map((d) -> d.get("id")).toList(), "MERGE");
		List<String> merges = (List<String>) merged.getBody().get("merges");
		assertThat(merges).hasSize(4);
		assertThat(this.prospects.queue(tenant.token())).isEmpty();

		// another organisation undoes nothing
		var other = this.api.newOrganisation("Voisine");
		assertThat(this.api.post(other.token(), "/api/v1/prospects/merges/undo", Map.of("ids", merges)).getBody())
			.containsEntry("undone", 0);
		assertThat(this.prospects.queue(tenant.token())).isEmpty();

		ResponseEntity<Map> undone = this.api.post(tenant.token(), "/api/v1/prospects/merges/undo",
				Map.of("ids", merges));
		assertThat(undone.getStatusCode().value()).isEqualTo(200);
		assertThat(undone.getBody()).containsEntry("undone", 4);
		assertThat(this.prospects.queue(tenant.token())).hasSize(4);
		Map<String, Object> restored = agency(tenant.token(), id(queue.get(0), "other"));
		assertThat(ProspectApiIntegrationTests.withoutVersion(restored))
			.isEqualTo(ProspectApiIntegrationTests.withoutVersion(before));
		assertThat((Integer) restored.get("version")).isGreaterThan((Integer) before.get("version") + 1);
		// again: nothing left to undo
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/merges/undo", Map.of("ids", merges)).getBody())
			.containsEntry("undone", 0);
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/merges/undo", Map.of("ids", List.of()))
			.getBody()
			.get("errors")).asString().contains("prospects.merges.none");
	}

	@Test
	void narrowsTheQueueToOneReasonAndDecidesThosePairs() {
		var tenant = this.api.newOrganisation("Raisons");
		// three pairs by their phone, one by its e-mail
		this.prospects.importAndWait(tenant.token(), "r.csv", pairs(3) + """
				Immo Martin;;02000;Laon;contact@martin-immo.fr
				Agence Martin Laon;;02000;Laon;contact@martin-immo.fr
				""");
		List<Map<String, Object>> all = this.prospects.queue(tenant.token());
		List<Map<String, Object>> phones = this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates?reason=phone")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(phones).hasSize(3).allSatisfy((d) -> assertThat((List<String>) d.get("reasons")).contains("phone"));
		assertThat(all.size()).isGreaterThan(phones.size());
		// deciding the pairs of one reason leaves the others
		decide(tenant.token(), phones.stream().map((d) -> d.get("id")).toList(), "DISMISS");
		assertThat(this.prospects.queue(tenant.token())).hasSize(all.size() - 3)
			.noneSatisfy((d) -> assertThat((List<String>) d.get("reasons")).contains("phone"));
	}

	@Test
	void refusesARequestItCannotReadInWords() {
		var tenant = this.api.newOrganisation("Refus");
		this.prospects.importAndWait(tenant.token(), "r.csv", pairs(1));
		List<Object> ids = this.prospects.queue(tenant.token()).stream().map((d) -> d.get("id")).toList();

		ResponseEntity<Map> noDecision = this.api.post(tenant.token(), "/api/v1/prospects/duplicates/decisions",
				Map.of("ids", ids));
		assertThat(noDecision.getStatusCode().value()).isEqualTo(400);
		assertThat(noDecision.getBody().get("errors")).asString()
			.contains("prospects.pairs.decision", "Décision inconnue");
		assertThat(decide(tenant.token(), ids, "PEUT-ÊTRE").getBody().get("errors")).asString()
			.contains("prospects.pairs.decision");
		assertThat(decide(tenant.token(), List.of(), "MERGE").getBody().get("errors")).asString()
			.contains("prospects.pairs.none");
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 201; i++) {
			tooMany.add(java.util.UUID.randomUUID().toString());
		}
		assertThat(decide(tenant.token(), tooMany, "DISMISS").getBody().get("errors")).asString()
			.contains("prospects.pairs.too-many", "200");
		// nothing was decided
		assertThat(this.prospects.queue(tenant.token())).hasSize(1);
	}

}
