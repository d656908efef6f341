package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parties (agencies, contacts, listings) linked to a case, and kept from other
 * organisations.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CasePartyIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void linksListsAndRemovesParties() {
		Tenant tenant = this.api.newOrganisation("Agence Parties");
		String path = "/api/v1/cases/" + newCase(tenant) + "/parties";
		String agency = UUID.randomUUID().toString();

		var added = this.api.post(tenant.token(), path,
				Map.of("type", "AGENCY", "id", agency.toUpperCase(), "label", "Agence Dupont"));
		assertThat(added.getStatusCode().value()).isEqualTo(201);
		assertThat(added.getBody()).containsEntry("type", "AGENCY")
			.containsEntry("id", agency)
			.containsEntry("label", "Agence Dupont");
		assertThat(this.api.post(tenant.token(), path, Map.of("type", "contact", "id", "c-42", "label", "Camille"))
			.getStatusCode()
			.value()).isEqualTo(201);
		var duplicate = this.api.post(tenant.token(), path,
				Map.of("type", "AGENCY", "id", agency, "label", "Encore Dupont"));
		assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
		var invalid = this.api.post(tenant.token(), path, Map.of("type", "AGENCY", "id", "pas-un-uuid", "label", ""));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactly("id", "label");
		assertThat(this.api.post(tenant.token(), path, Map.of("type", "BOAT", "id", "1", "label", "x"))
			.getStatusCode()
			.value()).isEqualTo(400);

		assertThat(parties(tenant, path)).extracting((p) -> p.get("type") + ":" + p.get("label"))
			.containsExactly("AGENCY:Agence Dupont", "CONTACT:Camille");
		assertThat(this.api.delete(tenant.token(), path + "?type=AGENCY&id=" + agency).getStatusCode().value())
			.isEqualTo(204);
		assertThat(this.api.delete(tenant.token(), path + "?type=AGENCY&id=" + agency).getStatusCode().value())
			.isEqualTo(404);
		assertThat(parties(tenant, path)).extracting((p) -> p.get("label")).containsExactly("Camille");
	}

	@Test
	void anotherOrganisationCannotSeeOrChangeParties() {
		Tenant a = this.api.newOrganisation("Agence A parties");
		Tenant b = this.api.newOrganisation("Agence B parties");
		String path = "/api/v1/cases/" + newCase(a) + "/parties";
		assertThat(this.api.post(a.token(), path, Map.of("type", "CONTACT", "id", "c-1", "label", "Secret de A"))
			.getStatusCode()
			.value()).isEqualTo(201);

		assertThat(this.api.get(b.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(b.token(), path, Map.of("type", "CONTACT", "id", "c-2", "label", "Intrus"))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.delete(b.token(), path + "?type=CONTACT&id=c-1").getStatusCode().value()).isEqualTo(404);
		assertThat(parties(a, path)).extracting((p) -> p.get("label")).containsExactly("Secret de A");
	}

	List<Map<String, Object>> parties(Tenant tenant, String path) {
		var response = this.api.raw()
			.get()
			.uri(path)
			.header("Authorization", "Bearer " + tenant.token())
			.retrieve()
			.toEntity(List.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	String newCase(Tenant tenant) {
		var response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "Dossier avec parties"));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

}
