package fr.atlas.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outside QA pass found left of the API's bodies (ADR 0111): JSON Patch was read
 * as a body and refused as "invalid JSON" rather than as a type the API does not take, a
 * 415 still offered YAML, and half a UTF-16 pair escaped in a text was stored as "?".
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class JsonBodyTypesAndTextsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	ApiClient api;

	ApiClient.Tenant tenant;

	@BeforeEach
	void organisation() {
		this.api = new ApiClient(this.port);
		this.tenant = this.api.newOrganisation("Agence Corps de requête");
	}

	@Test
	void jsonPatchIsAnUnsupportedTypeAndA415OffersOnlyWhatIsRead() throws Exception {
		ResponseEntity<Map> created = this.api.post(this.tenant.token(), "/api/v1/cases",
				Map.of("caseType", "LEAD_ACHAT", "title", "T2 Jean-Macé"));
		String path = "/api/v1/cases/" + created.getBody().get("id");

		HttpResponse<String> patch = send("PATCH", path, "application/json-patch+json",
				"[{\"op\":\"replace\",\"path\":\"/title\",\"value\":\"T3\"}]", "fr");
		assertThat(patch.statusCode()).as(patch.body()).isEqualTo(415);
		assertThat(body(patch)).containsEntry("title", "Type de contenu non pris en charge");
		assertThat(patch.headers().firstValue("Accept").orElseThrow()).contains("application/json")
			.doesNotContain("yaml");
		assertThat(patch.headers().firstValue("Accept-Patch").orElseThrow()).contains("application/json")
			.doesNotContain("yaml");

		// a merge patch is an object, read as the PATCH bodies are
		HttpResponse<String> merge = send("PATCH", path, "application/merge-patch+json",
				"{\"version\":0,\"title\":\"T3 Jean-Macé\"}", "fr");
		assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
		assertThat(body(merge)).containsEntry("title", "T3 Jean-Macé");

		HttpResponse<String> text = send("POST", "/api/v1/cases", "text/plain", "T2", "en");
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(text.headers().firstValue("Accept").orElseThrow()).contains("application/json")
			.doesNotContain("yaml");
		// where an address does take YAML (a case type's import), the 415 still says so
		HttpResponse<String> typeImport = send("POST", "/api/v1/case-types", "text/plain", "key: X", "en");
		assertThat(typeImport.statusCode()).isEqualTo(415);
		assertThat(typeImport.headers().firstValue("Accept").orElseThrow()).contains("application/json",
				"application/yaml");
	}

	@Test
	void halfASurrogatePairInATextIsA400NamingTheField() throws Exception {
		HttpResponse<String> title = send("POST", "/api/v1/cases", "application/json",
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T2 \\ud800 Vaise\"}", "fr");
		assertThat(title.statusCode()).as(title.body()).isEqualTo(400);
		assertThat(errors(title)).containsExactly(Map.of("field", "title", "code", "json.text.lone-surrogate"));
		assertThat((String) body(title).get("detail")).startsWith("title\u00A0: texte invalide");

		HttpResponse<String> field = send("POST", "/api/v1/cases", "application/json",
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T2 Vaise\",\"fields\":{\"contactName\":\"Inès \\udc00\"}}",
				"en");
		assertThat(field.statusCode()).as(field.body()).isEqualTo(400);
		assertThat(errors(field)).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("code", "json.text.lone-surrogate"));
		assertThat((String) body(field).get("detail"))
			.startsWith("fields.contactName: invalid text: it holds half a character");

		HttpResponse<String> signup = send("POST", "/api/v1/signup", "application/json",
				"{\"organisation\":\"Agence \\ud83d\",\"name\":\"Inès\",\"email\":\"moitie-" + System.nanoTime()
						+ "@example.test\",\"password\":\"" + ApiClient.PASSWORD + "\"}",
				"fr");
		assertThat(signup.statusCode()).isEqualTo(400);
		assertThat(errors(signup)).containsExactly(Map.of("field", "organisation", "code", "json.text.lone-surrogate"));
		assertThat(this.api.get(this.tenant.token(), "/api/v1/cases").getBody()).containsEntry("total", 0);

		// a whole pair, escaped, is the character it stands for
		HttpResponse<String> whole = send("POST", "/api/v1/cases", "application/json",
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T2 \\ud83d\\ude00 Vaise\"}", "fr");
		assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
		assertThat(body(whole)).containsEntry("title", "T2 😀 Vaise");
	}

	/** Jackson stops at the first value of the wrong type: every one is named now. */
	@Test
	void everyValueOfTheWrongTypeIsNamedAtOnce() throws Exception {
		HttpResponse<String> token = send("POST", "/api/v1/auth/tokens", "application/json",
				"{\"email\":1,\"password\":true,\"name\":5,\"expiresInDays\":\"x\",\"readOnly\":false}", "fr");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(400);
		assertThat(errors(token)).containsExactly(Map.of("field", "email", "code", "json.expected.text"),
				Map.of("field", "password", "code", "json.expected.text"),
				Map.of("field", "name", "code", "json.expected.text"),
				Map.of("field", "expiresInDays", "code", "json.expected.integer"));
		assertThat((String) body(token).get("detail")).contains("email", "password", "name", "expiresInDays");

		HttpResponse<String> signup = send("POST", "/api/v1/signup", "application/json",
				"{\"organisation\":[\"Agence\"],\"name\":\"Inès\",\"email\":\"a@b.fr\",\"password\":12}", "en");
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(400);
		assertThat(errors(signup)).extracting((error) -> error.get("field"))
			.containsExactly("organisation", "password");
	}

	private HttpResponse<String> send(String method, String path, String type, String body, String language)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + this.tenant.token())
				.header("Content-Type", type)
				.header("Accept-Language", language)
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static Map<String, Object> body(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

	private static List<Map<String, Object>> errors(HttpResponse<String> response) {
		return ((List<Map<String, Object>>) body(response).get("errors")).stream()
			.map((error) -> Map.of("field", error.get("field"), "code", error.get("code")))
			.toList();
	}

}
