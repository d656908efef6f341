package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue's {@code reason} filter: a code no match gives
 * ({@code ?reason=phones}) answered an empty queue, as if nothing waited, where the
 * list's other filters say what they cannot read (ADR 0110).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class DuplicateReasonFilterIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void anUnknownReasonIsRefusedInWords() {
		var tenant = this.api.newOrganisation("Motif inconnu");
		this.prospects.importAndWait(tenant.token(), "p.csv", PairDecisionsIntegrationTests.pairs(2));
		assertThat((List<Object>) this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates?reason=phone")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)).hasSize(2);

		ResponseEntity<Map> refused = this.api.get(tenant.token(), "/api/v1/prospects/duplicates?reason=phones");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).containsEntry("detail",
				"Motif inconnu «\u00A0phones\u00A0»\u00A0: indiquez le code d’un motif, tel que siret, siren, email, phone, website, address ou name.");
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("field", "reason")
				.containsEntry("code", "prospects.filter.reason"));
	}

}
