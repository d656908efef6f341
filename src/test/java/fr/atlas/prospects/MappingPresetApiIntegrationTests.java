package fr.atlas.prospects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.AtOnce;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/imports/mapping-presets}: saved column mappings per organisation.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class MappingPresetApiIntegrationTests {

	private static final String PRESETS = "/api/v1/imports/mapping-presets";

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	/** The same new name saved at once from two places: one preset, the last saved. */
	@Test
	void presetsSavedUnderOneNameAtOnceMakeOnePreset() throws Exception {
		var tenant = this.api.newOrganisation("Presets simultanés");
		List<ResponseEntity<Map>> answers = AtOnce.run(4, () -> this.api.post(tenant.token(),
				"/api/v1/imports/mapping-presets", Map.of("name", "Export CRM", "mapping", Map.of("Société", "name"))));
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value())
			.containsOnlyOnce(201)
			.containsOnly(201, 200);
		assertThat(this.api.getList(tenant.token(), "/api/v1/imports/mapping-presets").getBody()).hasSize(1);
	}

	@Test
	void savesReplacesListsAndDeletesPresets() {
		var tenant = this.api.newOrganisation("Préréglages");
		Map<String, String> mapping = new LinkedHashMap<>();
		mapping.put("Col A", "name");
		mapping.put("Col B", "email");
		mapping.put("Notes", "ignored");
		ResponseEntity<Map> created = this.api.post(tenant.token(), PRESETS,
				Map.of("name", "Export CRM", "mapping", mapping));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String id = (String) created.getBody().get("id");
		assertThat(created.getHeaders().getLocation()).hasToString(PRESETS + "/" + id);
		assertThat(created.getBody()).containsEntry("name", "Export CRM").containsEntry("mapping", mapping);
		assertThat(created.getBody().keySet()).containsExactlyInAnyOrder("id", "name", "mapping");

		// the same name, whatever its case, replaces the preset
		ResponseEntity<Map> replaced = this.api.post(tenant.token(), PRESETS,
				Map.of("name", "export crm", "mapping", Map.of("Col A", "trade_name")));
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody()).containsEntry("id", id).containsEntry("mapping", Map.of("Col A", "trade_name"));
		assertThat(list(tenant.token())).extracting((p) -> p.get("id")).containsExactly(id);
		assertThat(this.api.get(tenant.token(), PRESETS + "/" + id).getBody()).containsEntry("name", "export crm");

		ResponseEntity<Map> second = this.api.post(tenant.token(), PRESETS,
				Map.of("name", "Annuaire", "mapping", Map.of("Société", "name")));
		assertThat(list(tenant.token())).extracting((p) -> p.get("name")).containsExactly("Annuaire", "export crm");

		assertThat(this.api.delete(tenant.token(), PRESETS + "/" + id).getStatusCode().value()).isEqualTo(204);
		assertThat(list(tenant.token())).extracting((p) -> p.get("id")).containsExactly(second.getBody().get("id"));
		assertThat(this.api.delete(tenant.token(), PRESETS + "/" + id).getStatusCode().value()).isEqualTo(404);

		List<String> actions = ((List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/audit?entityType=mapping-preset&size=50")
			.getBody()
			.get("items")).stream().map((e) -> (String) e.get("action")).toList();
		assertThat(actions).containsExactlyInAnyOrder("import.mapping-preset-saved", "import.mapping-preset-saved",
				"import.mapping-preset-saved", "import.mapping-preset-deleted");
	}

	@Test
	void refusesABadPresetWithAClearMessage() {
		var tenant = this.api.newOrganisation("Préréglages invalides");
		assertRefused(this.api.post(tenant.token(), PRESETS, Map.of("name", " ", "mapping", Map.of("A", "name"))),
				"prospects.preset.name-required", "Donnez un nom");
		assertRefused(this.api.post(tenant.token(), PRESETS, Map.of("name", "Vide", "mapping", Map.of())),
				"prospects.preset.empty-mapping", "La correspondance est vide");
		assertRefused(
				this.api.post(tenant.token(), PRESETS, Map.of("name", "Faux", "mapping", Map.of("A", "pointure"))),
				"prospects.import.unknown-field", "Champ inconnu dans la correspondance\u00A0: «\u00A0pointure\u00A0»");
		assertThat(list(tenant.token())).isEmpty();
	}

	@Test
	void aPresetMappingIsWhatTheImportAccepts() {
		var tenant = this.api.newOrganisation("Préréglage appliqué");
		Map<String, Object> preset = this.api
			.post(tenant.token(), PRESETS,
					Map.of("name", "Fichier maison", "mapping", Map.of("Col A", "name", "Col B", "email")))
			.getBody();
		String mapping = JsonMapper.builder().build().writeValueAsString(preset.get("mapping"));
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "maison.csv",
				"Col A;Col B\nAgence Martin;contact@martin.fr\n".getBytes(), mapping, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
			.containsEntry("created", 1)
			.containsEntry("rejected", 0);
	}

	@Test
	void anotherOrganisationSeesNoneOfIt() {
		var owner = this.api.newOrganisation("Préréglages A");
		var other = this.api.newOrganisation("Préréglages B");
		String id = (String) this.api
			.post(owner.token(), PRESETS, Map.of("name", "Secret", "mapping", Map.of("Col A", "name")))
			.getBody()
			.get("id");

		assertThat(list(other.token())).isEmpty();
		assertThat(this.api.get(other.token(), PRESETS + "/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.delete(other.token(), PRESETS + "/" + id).getStatusCode().value()).isEqualTo(404);
		// the same name in another organisation is another preset
		ResponseEntity<Map> theirs = this.api.post(other.token(), PRESETS,
				Map.of("name", "Secret", "mapping", Map.of("Col B", "email")));
		assertThat(theirs.getStatusCode().value()).isEqualTo(201);
		assertThat(theirs.getBody().get("id")).isNotEqualTo(id);

		assertThat(list(owner.token())).singleElement()
			.satisfies((p) -> assertThat(p).containsEntry("id", id).containsEntry("mapping", Map.of("Col A", "name")));
		assertThat(this.api.get(null, PRESETS).getStatusCode().value()).isEqualTo(401);
	}

	private List<Map<String, Object>> list(String token) {
		ResponseEntity<List> response = this.api.raw()
			.get()
			.uri(PRESETS)
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.toEntity(List.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	private static void assertRefused(ResponseEntity<Map> response, String code, String text) {
		assertThat(response.getStatusCode().value()).as(code).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("code")).contains(code);
		assertThat(errors).extracting((e) -> (String) e.get("message")).anyMatch((m) -> m.contains(text));
	}

}
