package fr.atlas.cases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow definitions in YAML through the API and the editor: export by content
 * negotiation or download, import from a YAML body or an uploaded file, the round trip, a
 * hand-written file, and malformed YAML reported with its line.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class WorkflowYamlIntegrationTests {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Test
	void exportedYamlImportsBackAsTheSameDefinition() {
		Tenant tenant = this.api.newOrganisation("Agence YAML");
		ResponseEntity<String> exported = yamlGet(tenant, "/api/v1/case-types/LEAD_ACHAT", "application/yaml");
		assertThat(exported.getStatusCode().value()).isEqualTo(200);
		assertThat(exported.getHeaders().getContentType().isCompatibleWith(YAML)).isTrue();
		assertThat(exported.getBody()).startsWith("key: LEAD_ACHAT")
			.contains("referencePrefix: LEAD", "workflow:", "  - key: NEW", "colour: \"#1f4fd1\"")
			.doesNotContain("{\"");
		// The older media type is honoured too, and ?format=yaml is a download.
		ResponseEntity<String> legacy = yamlGet(tenant, "/api/v1/case-types/LEAD_ACHAT", "application/x-yaml");
		assertThat(legacy.getHeaders().getContentType().toString()).startsWith("application/x-yaml");
		ResponseEntity<String> download = yamlGet(tenant, "/api/v1/case-types/LEAD_ACHAT?format=yaml", "*/*");
		assertThat(download.getHeaders().getFirst("Content-Disposition")).contains("LEAD_ACHAT-v1.yaml");
		assertThat(download.getBody()).isEqualTo(exported.getBody());
		// JSON stays the default.
		assertThat(this.api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT").getHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_JSON);

		ResponseEntity<Map> draft = postYaml(tenant, "/api/v1/case-types/LEAD_ACHAT/workflows", exported.getBody());
		assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(201);
		assertThat(draft.getBody()).containsEntry("version", 2).containsEntry("status", "DRAFT");
		Map<String, Object> v1 = this.api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/workflows/1").getBody();
		assertThat(draft.getBody().get("definition")).isEqualTo(v1.get("definition"));
		// Other endpoints answer YAML to a client that asks for it (Spring's YAML
		// converter).
		ResponseEntity<String> version = yamlGet(tenant, "/api/v1/case-types/LEAD_ACHAT/workflows/2",
				"application/yaml");
		assertThat(version.getStatusCode().value()).isEqualTo(200);
		assertThat(version.getBody()).contains("caseType: \"LEAD_ACHAT\"", "status: \"DRAFT\"");
		// Re-exporting version 2 gives the very same text.
		assertThat(yamlGet(tenant, "/api/v1/case-types/LEAD_ACHAT?version=2", "application/yaml").getBody())
			.isEqualTo(exported.getBody());
	}

	@Test
	void importsAHandWrittenYamlFileAsANewCaseType() throws IOException {
		Tenant tenant = this.api.newOrganisation("Agence Estimation");
		byte[] file = new ClassPathResource("cases/ESTIMATION.yaml").getContentAsByteArray();
		ResponseEntity<Map> created = upload(tenant, "/api/v1/case-types", "ESTIMATION.yaml", file);
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		assertThat(created.getBody()).containsEntry("key", "ESTIMATION").containsEntry("referencePrefix", "ESTIM");

		Map<String, Object> version = this.api.get(tenant.token(), "/api/v1/case-types/ESTIMATION/workflows/1")
			.getBody();
		Map<String, Object> definition = (Map<String, Object>) version.get("definition");
		List<Map<String, Object>> transitions = (List<Map<String, Object>>) definition.get("transitions");
		assertThat(transitions).extracting((t) -> t.get("name"))
			.containsExactly("plan_visit", "value", "sign", "decline");
		assertThat(transitions.getFirst()).containsEntry("from", List.of("NEW"));
		Map<String, Object> newState = ((List<Map<String, Object>>) definition.get("states")).getFirst();
		assertThat(newState).containsEntry("colour", "#1f4fd1").containsEntry("sla", "PT4H");

		Map<String, Object> opened = this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "ESTIMATION", "title", "T3 rue de la Paix"))
			.getBody();
		assertThat((String) opened.get("reference")).startsWith("ESTIM-");
		assertThat(opened).containsEntry("state", "NEW");

		// A YAML body works for a draft too, and validate answers without saving.
		String yaml = new String(file, StandardCharsets.UTF_8);
		assertThat(postYaml(tenant, "/api/v1/case-types/ESTIMATION/workflows/validate", yaml).getBody())
			.containsEntry("valid", true);
	}

	@Test
	void malformedYamlIsA400NamingTheLineInTheCallersLanguage() {
		Tenant tenant = this.api.newOrganisation("Agence YAML cassé");
		String broken = """
				states:
				  - key: NEW
				    initial: true
				   labels: {fr: Nouveau}
				transitions: []
				""";
		ResponseEntity<Map> french = this.api.raw()
			.post()
			.uri("/api/v1/case-types/LEAD_ACHAT/workflows")
			.headers((h) -> {
				h.setBearerAuth(tenant.token());
				h.set("Accept-Language", "fr");
			})
			.contentType(YAML)
			.body(broken)
			.retrieve()
			.toEntity(Map.class);
		assertThat(french.getStatusCode().value()).isEqualTo(400);
		Map<String, Object> error = ((List<Map<String, Object>>) french.getBody().get("errors")).getFirst();
		assertThat(error).containsEntry("field", "document").containsEntry("code", "yaml.malformed");
		assertThat((String) error.get("message")).startsWith("YAML invalide à la ligne 4, colonne");

		ResponseEntity<Map> english = this.api.raw()
			.put()
			.uri("/api/v1/case-types/LEAD_ACHAT/workflows/1")
			.headers((h) -> {
				h.setBearerAuth(tenant.token());
				h.set("Accept-Language", "en");
			})
			.contentType(MediaType.parseMediaType("application/x-yaml"))
			.body(broken)
			.retrieve()
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(((List<Map<String, Object>>) english.getBody().get("errors")).getFirst().get("message").toString())
			.startsWith("Invalid YAML at line 4, column");

		// A valid YAML document with an invalid graph is refused like its JSON form.
		ResponseEntity<Map> invalidGraph = postYaml(tenant, "/api/v1/case-types/LEAD_ACHAT/workflows",
				"states:\n  - {key: A, initial: true}\ntransitions: []\n");
		assertThat(invalidGraph.getStatusCode().value()).isEqualTo(400);
		assertThat(invalidGraph.getBody().toString()).contains("workflow.no-final-state");
		assertThat(upload(tenant, "/api/v1/case-types", "notes.txt", "key: X".getBytes()).getBody().toString())
			.contains("document.unsupported-file");
	}

	/**
	 * Validating is asking for a document's mistakes: YAML that does not parse is one,
	 * answered 200 with its line as a broken graph is, where it was a 400 as if the call
	 * had failed. Saving it stays a 400 (above); a request without a document to check
	 * (no file, a file of another type, too deep) stays one too.
	 */
	@Test
	void validatingYamlThatDoesNotParseAnswersInvalidWithItsLine() {
		Tenant tenant = this.api.newOrganisation("Agence YAML vérifié");
		String path = "/api/v1/case-types/LEAD_ACHAT/workflows/validate";
		ResponseEntity<Map> checked = postYaml(tenant, path, """
				states:
				  - key: NEW
				    initial: true
				   labels: {fr: Nouveau}
				transitions: []
				""");
		assertThat(checked.getStatusCode().value()).isEqualTo(200);
		assertThat(checked.getBody()).containsEntry("valid", false);
		Map<String, Object> problem = ((List<Map<String, Object>>) checked.getBody().get("problems")).getFirst();
		assertThat(problem).containsEntry("path", "document").containsEntry("code", "yaml.malformed");
		assertThat((String) problem.get("message")).startsWith("YAML invalide à la ligne 4, colonne");

		ResponseEntity<Map> file = upload(tenant, path, "workflow.yaml",
				"states: [\n".getBytes(StandardCharsets.UTF_8));
		assertThat(file.getStatusCode().value()).isEqualTo(200);
		assertThat((List<Map<String, Object>>) file.getBody().get("problems")).singleElement()
			.satisfies((p) -> assertThat(p).containsEntry("path", "file").containsEntry("code", "yaml.malformed"));
		ResponseEntity<Map> json = upload(tenant, path, "workflow.json",
				"{\"states\": [".getBytes(StandardCharsets.UTF_8));
		assertThat(json.getStatusCode().value()).isEqualTo(200);
		assertThat(json.getBody()).containsEntry("valid", false);
		assertThat(json.getBody().toString()).contains("json.malformed");
		ResponseEntity<Map> list = postYaml(tenant, path, "- NEW\n- DONE\n");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		assertThat(list.getBody().toString()).contains("yaml.not-a-mapping");

		assertThat(upload(tenant, path, "notes.txt", "key: X".getBytes()).getStatusCode().value()).isEqualTo(400);
		assertThat(postYaml(tenant, "/api/v1/case-types/INCONNU/workflows/validate", "states: [\n").getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void aDocumentNestedTooDeepIsRefusedInWordsInTheCallersLanguage() {
		Tenant tenant = this.api.newOrganisation("Agence YAML profond");
		String deep = "states: " + "[".repeat(600) + "]".repeat(600) + "\n";
		for (String language : List.of("fr", "en")) {
			ResponseEntity<Map> refused = this.api.raw()
				.post()
				.uri("/api/v1/case-types/LEAD_ACHAT/workflows/validate")
				.headers((h) -> {
					h.setBearerAuth(tenant.token());
					h.set("Accept-Language", language);
				})
				.contentType(YAML)
				.body(deep)
				.retrieve()
				.toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).isEqualTo(400);
			Map<String, Object> error = ((List<Map<String, Object>>) refused.getBody().get("errors")).getFirst();
			// was "YAML invalide à la ligne -1, colonne -1 : Document nesting depth (501)
			// exceeds…", the parser's English in a French sentence
			assertThat(error).containsEntry("field", "document").containsEntry("code", "document.too-complex");
			assertThat((String) error.get("message")).doesNotContain("-1", "nesting depth")
				.startsWith(language.equals("fr") ? "Document refusé\u00a0: plus de 500 niveaux"
						: "Document refused: more than 500 levels");
		}
		// an uploaded .json file is read by the same rules
		String deepJson = "{\"states\": " + "[".repeat(1200) + "]".repeat(1200) + "}";
		ResponseEntity<Map> json = upload(tenant, "/api/v1/case-types", "deep.json",
				deepJson.getBytes(StandardCharsets.UTF_8));
		assertThat(json.getStatusCode().value()).isEqualTo(400);
		assertThat(((List<Map<String, Object>>) json.getBody().get("errors")).getFirst()).containsEntry("field", "file")
			.containsEntry("code", "document.too-complex");
	}

	@Test
	void theEditorExportsYamlAndImportsAYamlFile() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Éditeur YAML");
		Session browser = new Session(this.port, tenant.email());
		String editor = browser.get("/cases/types/LEAD_ACHAT/workflow").body();
		assertThat(editor).contains("Exporter en YAML", "format=yaml", "enctype=\"multipart/form-data\"");

		HttpResponse<String> exported = browser.get("/cases/types/LEAD_ACHAT/workflow/export?version=1&format=yaml");
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Disposition").orElse("")).contains("LEAD_ACHAT-v1.yaml");
		assertThat(exported.body()).startsWith("key: LEAD_ACHAT");

		String token = attribute(editor, "name=\"_csrf\" value");
		HttpResponse<String> imported = multipart(browser, "/cases/types/LEAD_ACHAT/workflow/import", token,
				"LEAD_ACHAT-v1.yaml", exported.body().replace("Qualifié", "Qualifié (YAML)"));
		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(imported.headers().firstValue("Location").orElse("")).endsWith("version=2");
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow?version=2").body()).contains("Qualifié (YAML)",
				"brouillon v2");

		HttpResponse<String> broken = multipart(browser, "/cases/types/LEAD_ACHAT/workflow/import", token, "cassé.yml",
				"states: [\n  {key: NEW\n");
		assertThat(broken.statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases/types/LEAD_ACHAT/workflow").body()).contains("YAML invalide à la ligne");
	}

	private ResponseEntity<String> yamlGet(Tenant tenant, String path, String accept) {
		return this.api.raw().get().uri(path).headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept", accept);
		}).retrieve().toEntity(String.class);
	}

	private ResponseEntity<Map> postYaml(Tenant tenant, String path, String yaml) {
		return this.api.raw()
			.post()
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.contentType(YAML)
			.body(yaml)
			.retrieve()
			.toEntity(Map.class);
	}

	private ResponseEntity<Map> upload(Tenant tenant, String path, String filename, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return this.api.raw()
			.post()
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(Map.class);
	}

	private static HttpResponse<String> multipart(Session browser, String path, String csrf, String filename,
			String content) throws IOException, InterruptedException {
		String boundary = "atlas-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/yaml\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return browser.http.send(HttpRequest.newBuilder(URI.create(browser.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
