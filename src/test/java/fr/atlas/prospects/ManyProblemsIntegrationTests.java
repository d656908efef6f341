package fr.atlas.prospects;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with thousands of mistakes gets the first of them and their number, not every
 * one (ADR 0121): an import's mapping of 3,000 columns the file does not have was
 * answered with 3,000 problems, each listing the file's 200 headers again (79 MB for a
 * request of 50 KB; 316 MB for 12,000 columns), built whole in a heap of 512 MB.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ManyProblemsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aMappingOfThousandsOfColumnsTheFileDoesNotHaveIsAnsweredWithTheFirstAndTheirNumber() {
		var tenant = this.api.newOrganisation("Correspondance démesurée");
		List<String> headers = new ArrayList<>(List.of("Raison sociale", "E-mail"));
		for (int i = 0; i < 198; i++) {
			headers.add("Colonne supplémentaire numéro " + i + " avec un long nom");
		}
		List<String> row = new ArrayList<>(List.of("Agence Lointaine", "contact@lointaine.fr"));
		for (int i = 0; i < 198; i++) {
			row.add("");
		}
		byte[] file = (String.join(";", headers) + "\n" + String.join(";", row) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int i = 0; i < 3000; i++) {
			mapping.put("Absente " + i, "name");
		}
		String mappingJson = this.json.writeValueAsString(mapping);

		ResponseEntity<Map> refused = this.prospects.upload(tenant.token(), "large.csv", file, mappingJson, null);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
		assertThat(errors).hasSize(50);
		assertThat(errors.get(0)).containsEntry("field", "mapping")
			.containsEntry("code", "prospects.import.unknown-column");
		assertThat((String) errors.get(0).get("message"))
			.startsWith("La correspondance cite une colonne absente du " + "fichier\u00A0: «\u00A0Absente ");
		assertThat((String) errors.get(0).get("message")).contains("Les colonnes se désignent par leur en-tête");
		// the file's headers are said once, not in each of them
		assertThat(errors.subList(1, 50)).allSatisfy((error) -> assertThat((String) error.get("message"))
			.startsWith("La correspondance cite une colonne absente du fichier\u00A0: «\u00A0Absente ")
			.doesNotContain("en-tête"));
		assertThat(refused.getBody()).containsEntry("moreErrors", 2950);
		assertThat((String) refused.getBody().get("detail")).endsWith(
				" 2\u202F950 autres erreurs ne sont pas listées\u00A0: corrigez celles-ci, puis renvoyez la demande.");
		assertThat(this.json.writeValueAsString(refused.getBody()).length()).isLessThan(50_000);

		ResponseEntity<Map> inEnglish = this.prospects.upload(tenant.token(), "large.csv", file, mappingJson, "en");
		assertThat((String) inEnglish.getBody().get("detail"))
			.endsWith(" 2,950 more errors are not listed: correct these, then send the request again.");
	}

	@Test
	void anEditOfThousandsOfUnknownFieldsIsAnsweredWithTheFirstAndTheirNumber() {
		var tenant = this.api.newOrganisation("Modification démesurée");
		String id = (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects", Map.of("name", "Agence Modifiée"))
			.getBody()
			.get("agency")).get("id");
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < 5000; i++) {
			fields.put("champ" + i, 1);
		}

		ResponseEntity<Map> refused = this.api.patch(tenant.token(), "/api/v1/prospects/" + id, fields);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<?>) refused.getBody().get("errors")).hasSize(50);
		assertThat(refused.getBody()).containsEntry("moreErrors", 4950);

		// fifty mistakes or fewer are all listed, as before
		Map<String, Object> few = new LinkedHashMap<>();
		for (int i = 0; i < 50; i++) {
			few.put("champ" + i, 1);
		}
		ResponseEntity<Map> listed = this.api.patch(tenant.token(), "/api/v1/prospects/" + id, few);
		assertThat((List<?>) listed.getBody().get("errors")).hasSize(50);
		assertThat(listed.getBody()).doesNotContainKey("moreErrors");
		assertThat((String) listed.getBody().get("detail")).endsWith("Champ inconnu\u00A0: «\u00A0champ49\u00A0».");
	}

}
