package fr.atlas.platform;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
class ApiDocumentationAndHeadersIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishesTheOpenApiDocumentAndSwaggerUi() {
		var api = new ApiClient(this.port);
		var docs = api.getText(null, "/v3/api-docs");
		assertThat(docs.getStatusCode().value()).isEqualTo(200);
		assertThat(docs.getBody()).contains("/api/v1/signup", "/api/v1/auth/tokens", "/api/v1/me");
		// the prospects API, which other tools depend on, says what each address does
		assertThat(docs.getBody()).contains("/api/v1/imports/{id}/rows", "An import's row-by-row report",
				"Add an agency by hand", "\"name\":\"Prospects\"", "\"name\":\"Imports\"");
		// the list's filters, each its own query parameter
		assertThat(docs.getBody()).contains("\"name\":\"headcount\",\"in\":\"query\"",
				"\"name\":\"minRevenue\",\"in\":\"query\"", "\"name\":\"city\",\"in\":\"query\"",
				"/api/v1/prospects/searches");
		var ui = api.getText(null, "/swagger-ui/index.html");
		assertThat(ui.getStatusCode().value()).isEqualTo(200);
	}

	/**
	 * The document as a client generator reads it: how to authenticate, the status each
	 * call answers on success (a 202 was documented as 200), its media type (never
	 * {@code *}/{@code *}), and the problem details of its failures.
	 */
	@Test
	void theDocumentSaysHowToAuthenticateAndWhatEachCallAnswers() {
		JsonNode docs = JSON.readTree(new ApiClient(this.port).getText(null, "/v3/api-docs").getBody());
		assertThat(docs.at("/info/title").asString()).isEqualTo("Atlas API");
		assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(docs.at("/security/0/bearer").isArray()).isTrue();
		assertThat(docs.at("/components/schemas/Problem/properties/errors/type").asString()).isEqualTo("array");

		JsonNode submit = docs.at("/paths/~1api~1v1~1imports/post");
		assertThat(submit.at("/responses").propertyNames()).contains("202").doesNotContain("200");
		JsonNode upload = submit.at("/requestBody/content/multipart~1form-data/schema");
		assertThat(upload.at("/type").asString()).isEqualTo("object");
		assertThat(upload.at("/properties").propertyNames()).containsExactlyInAnyOrder("file", "mapping", "sheet");
		assertThat(upload.at("/properties/file/format").asString()).isEqualTo("binary");
		assertThat(submit.at("/parameters").findValuesAsString("name")).doesNotContain("parts", "file");

		assertThat(successes(docs, "/api/v1/prospects", "post")).containsExactly("201");
		assertThat(successes(docs, "/api/v1/prospects/bulk", "post")).containsExactlyInAnyOrder("200", "202");
		assertThat(successes(docs, "/api/v1/prospects/{id}/contacts/{contactId}", "delete")).containsExactly("204");
		assertThat(successes(docs, "/api/v1/prospects/duplicates/{candidateId}/dismiss", "post"))
			.containsExactly("204");
		assertThat(successes(docs, "/api/v1/imports/mapping-presets", "post")).containsExactlyInAnyOrder("200", "201");
		assertThat(successes(docs, "/api/v1/imports/{id}/cancel", "post")).containsExactly("202");

		// sign-up and token creation are the calls without a token
		assertThat(docs.at("/paths/~1api~1v1~1signup/post/security").isEmpty()).isTrue();
		assertThat(docs.at("/paths/~1api~1v1~1signup/post/responses").propertyNames()).doesNotContain("401");
		docs.at("/paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String call = operation.getKey() + " " + path.getKey();
			JsonNode responses = operation.getValue().at("/responses");
			assertThat(operation.getValue().at("/tags/0").asString()).as(call).doesNotEndWith("-controller");
			assertThat(responses.toString()).as(call).doesNotContain("*/*");
			if (!path.getKey().equals("/api/v1/signup") && !path.getKey().equals("/api/v1/auth/tokens")) {
				assertThat(responses.at("/401/content/application~1problem+json/schema/$ref").asString()).as(call)
					.isEqualTo("#/components/schemas/Problem");
			}
			if (path.getKey().contains("{")) {
				assertThat(responses.has("404")).as(call).isTrue();
			}
		}));
	}

	/**
	 * What a client generated from the document needs to call the members' API right: the
	 * roles it may send, the fields it must, and the conflicts it may meet, each a
	 * problem detail.
	 */
	@Test
	void theDocumentNamesTheRolesTheRequiredFieldsAndTheConflicts() {
		JsonNode docs = JSON.readTree(new ApiClient(this.port).getText(null, "/v3/api-docs").getBody());
		JsonNode invitation = docs.at("/components/schemas/InvitationRequest");
		assertThat(invitation.at("/required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("email",
				"role");
		assertThat(invitation.at("/properties/role/enum").valueStream().map(JsonNode::asString))
			.containsExactly("OWNER", "ADMIN", "MANAGER", "AGENT", "VIEWER");
		assertThat(docs.at("/components/schemas/RolesRequest/properties/roles/items/enum").size()).isEqualTo(5);
		assertThat(docs.at("/components/schemas/SignupRequest/required").size()).isEqualTo(4);
		assertThat(docs.at("/components/schemas/TokenRequest/required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("email", "password", "name");

		for (String[] call : List.of(new String[] { "/api/v1/members/{userId}/roles", "put" },
				new String[] { "/api/v1/members/{userId}/deactivate", "post" },
				new String[] { "/api/v1/modules/{key}", "put" },
				new String[] { "/api/v1/members/invitations", "post" })) {
			JsonNode responses = docs.at("/paths/" + call[0].replace("/", "~1") + "/" + call[1] + "/responses");
			assertThat(responses.at("/409/content/application~1problem+json/schema/$ref").asString())
				.as(call[1] + " " + call[0])
				.isEqualTo("#/components/schemas/Problem");
			// the success stays documented beside the conflict
			assertThat(responses.propertyNames()).as(call[1] + " " + call[0])
				.contains(call[0].endsWith("invitations") ? "201" : "200");
		}
	}

	/**
	 * A client generator names its methods after the operation ids: each is unique and
	 * says its controller and method, with no number that depends on the order springdoc
	 * met them in (ADR 0124).
	 */
	@Test
	void everyOperationHasAStableIdOfItsOwn() {
		JsonNode docs = JSON.readTree(new ApiClient(this.port).getText(null, "/v3/api-docs").getBody());
		Map<String, String> byId = new HashMap<>();
		docs.at("/paths")
			.propertyNames()
			.forEach((path) -> docs.at("/paths").get(path).propertyNames().forEach((verb) -> {
				String id = docs.at("/paths").get(path).get(verb).get("operationId").asString();
				assertThat(id).as(verb + " " + path).matches("[a-z][A-Za-z]+");
				assertThat(byId.put(id, verb + " " + path)).as(id).isNull();
			}));
		assertThat(byId).containsEntry("prospectList", "get /api/v1/prospects")
			.containsEntry("prospectDetail", "get /api/v1/prospects/{id}")
			.containsEntry("contactList", "get /api/v1/prospects/{id}/contacts")
			.hasSizeGreaterThan(100);
	}

	private static List<String> successes(JsonNode docs, String path, String method) {
		return docs.at("/paths/" + path.replace("/", "~1") + "/" + method + "/responses")
			.propertyNames()
			.stream()
			.filter((status) -> status.startsWith("2"))
			.toList();
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		var login = new ApiClient(this.port).getText(null, "/login");
		assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-eval")
			.contains("frame-ancestors 'none'");
		assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.getBody()).doesNotContain("<script>");
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemInTheCallersLanguage() {
		var api = new ApiClient(this.port);
		var french = api.raw().get().uri(verbatim("/api/v1/cases//transitions")).retrieve().toEntity(String.class);
		assertThat(french.getStatusCode().value()).isEqualTo(400);
		assertThat(french.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(french.getBody()).contains("Adresse refusée").contains("bad-path");
		var english = api.raw()
			.get()
			.uri(verbatim("/api/v1/prospects//duplicates"))
			.header("Accept-Language", "en")
			.retrieve()
			.toEntity(String.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(english.getBody()).contains("Address refused");
		var page = api.raw()
			.get()
			.uri(verbatim("/prospects//x"))
			.header("Accept", "text/html")
			.retrieve()
			.toEntity(String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(400);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
	}

	/** Spring's URI builder would fold the double slash the firewall is to see. */
	private URI verbatim(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void seedsNoDemoUsersOutsideDemoMode() {
		assertThat(this.jdbc.sql("select atlas_email_taken('owner@demo.atlas.test')").query(Boolean.class).single())
			.isFalse();
	}

}
