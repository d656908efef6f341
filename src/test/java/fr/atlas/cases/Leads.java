package fr.atlas.cases;

import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: a buyer lead ({@code LEAD_ACHAT}) opened through the API, as the tests of
 * the cases API start from.
 */
final class Leads {

	private Leads() {
	}

	/** Opens a lead of this title and gives its id; anything but a 201 fails the test. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static String open(ApiClient api, Tenant tenant, String title) {
		ResponseEntity<Map> response = api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", title));
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

}
