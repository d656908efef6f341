package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom field's key is written as the seeds write theirs ({@code budget},
 * {@code lossReason}): one with a space, an accent, a capital first or a digit first was
 * accepted, and named the field in JSON, forms and transitions where nothing could name
 * it safely. Types stored before keep working.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseFieldKeysIntegrationTests {

	static final Map<String, Object> WORKFLOW = Map.of("states",
			List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "DONE", "final", true)), "transitions",
			List.of(Map.of("name", "done", "from", List.of("NEW"), "to", "DONE")));

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static Map<String, Object> type(List<Map<String, Object>> fields) {
		return Map.of("key", "ESTIMATION", "labels", Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
				fields, "workflow", WORKFLOW);
	}

	static List<String> errors(ResponseEntity<Map> response) {
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((e) -> (e.get("field") + " " + e.get("code") + " " + e.get("message")).replace('\u00a0', ' ')
				.replace('\u202f', ' '))
			.toList();
	}

	@Test
	void aFieldKeyWithASpaceAnAccentACapitalOrADigitFirstIsRefusedAtItsEntry() {
		Tenant tenant = this.api.newOrganisation("Agence Clés de champs");
		var refused = this.api.post(tenant.token(), "/api/v1/case-types",
				type(List.of(Map.of("key", "surface", "type", "NUMBER"),
						Map.of("key", "surface habitable", "type", "NUMBER"),
						Map.of("key", "prixNégocié", "type", "NUMBER"), Map.of("key", "Budget", "type", "NUMBER"),
						Map.of("key", "2eContact", "type", "TEXT"), Map.of("key", "lossReason_2", "type", "TEXT"))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(
				"fields[1].key case.type.field-key-invalid Clé de champ « surface habitable » invalide : une lettre "
						+ "minuscule sans accent, puis des lettres, des chiffres ou _, sans espace (40 caractères au "
						+ "plus), par exemple « surfaceHabitable »",
				"fields[2].key case.type.field-key-invalid Clé de champ « prixNégocié » invalide : une lettre "
						+ "minuscule sans accent, puis des lettres, des chiffres ou _, sans espace (40 caractères au "
						+ "plus), par exemple « surfaceHabitable »",
				"fields[3].key case.type.field-key-invalid Clé de champ « Budget » invalide : une lettre minuscule "
						+ "sans accent, puis des lettres, des chiffres ou _, sans espace (40 caractères au plus), par "
						+ "exemple « surfaceHabitable »",
				"fields[4].key case.type.field-key-invalid Clé de champ « 2eContact » invalide : une lettre "
						+ "minuscule sans accent, puis des lettres, des chiffres ou _, sans espace (40 caractères au "
						+ "plus), par exemple « surfaceHabitable »");
		var english = this.api.raw().post().uri("/api/v1/case-types").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).body(type(List.of(Map.of("key", "a".repeat(41), "type", "TEXT")))).retrieve().toEntity(Map.class);
		assertThat(errors(english)).containsExactly("fields[0].key case.type.field-key-invalid Invalid field key “"
				+ "a".repeat(41) + "”: a lowercase letter without accent, then letters, digits or _, without spaces "
				+ "(40 characters at most), for example “livingArea”");

		// the same in YAML, as a body and as an uploaded file
		String yaml = """
				key: ESTIMATION
				labels: {fr: Estimation}
				referencePrefix: ESTIM
				fields:
				  - {key: surface, type: NUMBER}
				  - {key: pièces, type: NUMBER}
				workflow:
				  states:
				    - {key: NEW, initial: true}
				    - {key: DONE, final: true}
				  transitions:
				    - {name: done, from: [NEW], to: DONE}
				""";
		ResponseEntity<Map> fromYaml = this.api.raw()
			.post()
			.uri("/api/v1/case-types")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
			.body(yaml)
			.retrieve()
			.toEntity(Map.class);
		assertThat(fromYaml.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(fromYaml)).singleElement().asString().startsWith("fields[1].key case.type.field-key-invalid");
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/ESTIMATION").getStatusCode().value())
			.isEqualTo(404);

		// keys as the seeds write them are taken
		var created = this.api.post(tenant.token(), "/api/v1/case-types", type(
				List.of(Map.of("key", "surface", "type", "NUMBER"), Map.of("key", "livingArea_m2", "type", "NUMBER"))));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void aTypeStoredBeforeWithAKeyNoLongerTakenKeepsWorking() {
		Tenant tenant = this.api.newOrganisation("Agence Clés anciennes");
		// the seeded types, as the demo data has them, are read as before
		List<Map<String, Object>> types = this.api.getList(tenant.token(), "/api/v1/case-types").getBody();
		assertThat(types).extracting((t) -> t.get("key")).contains("LEAD_ACHAT", "PROSPECTION", "LOCATION");
		// a type stored with a key written before the rule: its cases still take values
		CurrentTenant.runAs(OrgId.of(tenant.orgId()), () -> this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("""
					update case_type set field_schema = field_schema
					    || '[{"key": "Surface habitable", "type": "NUMBER", "labels": {"fr": "Surface"}}]'::jsonb
					where key = 'LEAD_ACHAT'""").update();
		}));
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "Ancien champ", "fields",
							Map.of("Surface habitable", 72)))
			.getBody()
			.get("id");
		assertThat((Map<String, Object>) this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody().get("fields"))
			.containsEntry("Surface habitable", 72);
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT").getStatusCode().value())
			.isEqualTo(200);
		assertThat(UUID.fromString(id)).isNotNull();
	}

}
