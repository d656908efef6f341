package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pair of the review queue merged by one person and then dismissed by another, from a
 * page shown before the merge, was both: merged, and "two different agencies" (ADR 0110).
 * The dismissal kept the pair out of the queue after an unmerge, and a page of the queue
 * counted it dismissed.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class DismissAfterMergeIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void aPairMergedMeanwhileIsNotDismissed() {
		var tenant = this.api.newOrganisation("Paire fusionnée puis écartée");
		this.prospects.importAndWait(tenant.token(), "p.csv", PairDecisionsIntegrationTests.pairs(2));
		List<Map<String, Object>> queue = this.prospects.queue(tenant.token());
		assertThat(queue).hasSize(2);
		Map<String, Object> first = queue.get(0);
		Map<String, Object> second = queue.get(1);
		String agency = PairDecisionsIntegrationTests.id(first, "agency");
		String other = PairDecisionsIntegrationTests.id(first, "other");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + agency + "/merge", Map.of("otherId", other))
			.getStatusCode()
			.value()).isEqualTo(200);
		this.api.post(tenant.token(),
				"/api/v1/prospects/" + PairDecisionsIntegrationTests.id(second, "agency") + "/merge",
				Map.of("otherId", PairDecisionsIntegrationTests.id(second, "other")));

		// one pair at a time: a conflict, in words
		ResponseEntity<Map> refused = this.api.post(tenant.token(),
				"/api/v1/prospects/duplicates/" + first.get("id") + "/dismiss", Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.duplicate.dismiss-inactive")
			.containsEntry("detail",
					"Cette paire ne peut plus être écartée\u00A0: l’une des deux agences a été fusionnée ou archivée depuis.");
		// a page of the queue: left, not counted dismissed
		Map<String, Object> body = new HashMap<>();
		body.put("ids", List.of(second.get("id")));
		body.put("decision", "dismiss");
		ResponseEntity<Map> page = this.api.post(tenant.token(), "/api/v1/prospects/duplicates/decisions", body);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).containsEntry("dismissed", 0).containsEntry("left", 1);

		// the merges undone, both pairs are for a person again
		this.api.post(tenant.token(), "/api/v1/prospects/" + agency + "/unmerge", Map.of());
		this.api.post(tenant.token(),
				"/api/v1/prospects/" + PairDecisionsIntegrationTests.id(second, "agency") + "/unmerge", Map.of());
		assertThat(this.prospects.queue(tenant.token())).extracting((pair) -> pair.get("id"))
			.containsExactlyInAnyOrder(first.get("id"), second.get("id"));
	}

}
