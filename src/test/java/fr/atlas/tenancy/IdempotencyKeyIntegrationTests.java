package fr.atlas.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.AtOnce;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's writes sent with an {@code Idempotency-Key}: done once, answered alike when
 * sent again, through the HTTP API as a script retrying after a timeout would.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class IdempotencyKeyIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestMembers members;

	@Test
	void aRequestSentAgainWithItsKeyIsDoneOnceAndAnsweredAlike() {
		Tenant tenant = this.api.newOrganisation("Agence Rejouée");
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Annecy");
		ResponseEntity<Map> first = createCase(tenant.token(), key, body, null);
		ResponseEntity<Map> again = createCase(tenant.token(), key, body, null);
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(cases(tenant)).hasSize(1);

		// another key, or none, is another request
		assertThat(createCase(tenant.token(), UUID.randomUUID().toString(), body, null).getStatusCode().value())
			.isEqualTo(201);
		assertThat(this.api.post(tenant.token(), "/api/v1/cases", body).getStatusCode().value()).isEqualTo(201);
		assertThat(cases(tenant)).hasSize(3);

		// a refusal is kept too: the same mistake sent again is refused alike, without
		// the work being tried again
		String refusedKey = UUID.randomUUID().toString();
		Map<String, Object> unknownType = Map.of("caseType", "NO_SUCH_TYPE", "title", "Rien");
		ResponseEntity<Map> refused = createCase(tenant.token(), refusedKey, unknownType, null);
		assertThat(refused.getStatusCode().value()).isBetween(400, 499);
		ResponseEntity<Map> refusedAgain = createCase(tenant.token(), refusedKey, unknownType, null);
		assertThat(refusedAgain.getStatusCode()).isEqualTo(refused.getStatusCode());
		assertThat(refusedAgain.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void aKeyNamesOneRequestOnly() {
		Tenant tenant = this.api.newOrganisation("Agence Clé Unique");
		String key = "commande-42";
		assertThat(createCase(tenant.token(), key, Map.of("caseType", "LEAD_ACHAT", "title", "Studio"), null)
			.getStatusCode()
			.value()).isEqualTo(201);
		ResponseEntity<Map> otherBody = createCase(tenant.token(), key,
				Map.of("caseType", "LEAD_ACHAT", "title", "Loft"), null);
		assertThat(otherBody.getStatusCode().value()).isEqualTo(409);
		assertThat(otherBody.getBody()).containsEntry("code", "idempotency.key-reused");
		assertThat((String) otherBody.getBody().get("detail"))
			.contains("La clé d’idempotence «\u00A0commande-42\u00A0» a déjà servi");
		ResponseEntity<Map> inEnglish = createCase(tenant.token(), key,
				Map.of("caseType", "LEAD_ACHAT", "title", "Loft"), "en");
		assertThat((String) inEnglish.getBody().get("detail"))
			.contains("Idempotency key \"commande-42\" was already used");
		// the same body with its keys in another order is the same request
		ResponseEntity<Map> reordered = this.api.raw().post().uri("/api/v1/cases").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Idempotency-Key", key);
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"title\": \"Studio\", \"caseType\": \"LEAD_ACHAT\"}")
			.retrieve()
			.toEntity(Map.class);
		assertThat(reordered.getStatusCode().value()).isEqualTo(201);
		assertThat(reordered.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(cases(tenant)).extracting((c) -> c.get("title")).containsExactly("Studio");

		ResponseEntity<Map> tooLong = createCase(tenant.token(), "k".repeat(256),
				Map.of("caseType", "LEAD_ACHAT", "title", "Studio"), null);
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLong.getBody()).containsEntry("code", "idempotency.key-invalid");
		assertThat((String) tooLong.getBody().get("detail")).contains("Idempotency-Key");
		assertThat(cases(tenant)).hasSize(1);
	}

	@Test
	void aKeyIsItsMembersAndItsOrganisations() {
		Tenant tenant = this.api.newOrganisation("Agence Clés Privées");
		Tenant other = this.api.newOrganisation("Agence Voisine");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		this.members.add(tenant, UUID.randomUUID(), agentEmail, "Alice Agent", "AGENT");
		String agent = this.api.token(agentEmail, ApiClient.PASSWORD);
		String key = "meme-cle";
		Map<String, Object> body = Map.of("caseType", "LEAD_ACHAT", "title", "Appartement Bellecour");
		ResponseEntity<Map> owner = createCase(tenant.token(), key, body, null);
		ResponseEntity<Map> colleague = createCase(agent, key, body, null);
		ResponseEntity<Map> neighbour = createCase(other.token(), key, body, null);
		assertThat(List.of(owner, colleague, neighbour)).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode().value()).isEqualTo(201);
			assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
		});
		assertThat(cases(tenant)).hasSize(2);
		assertThat(cases(other)).hasSize(1);
		// the other organisation never gets this one's answer back
		assertThat(createCase(other.token(), key, body, null).getBody().get("id"))
			.isEqualTo(neighbour.getBody().get("id"))
			.isNotEqualTo(owner.getBody().get("id"));
	}

	@Test
	void anImportSentAgainWithItsKeyIsQueuedOnce() {
		Tenant tenant = this.api.newOrganisation("Agence Import Rejoué");
		String key = UUID.randomUUID().toString();
		byte[] file = "Raison sociale;Téléphone\nAgence du Port;04 94 00 00 01\n".getBytes(StandardCharsets.UTF_8);
		ResponseEntity<Map> first = upload(tenant.token(), key, file);
		ResponseEntity<Map> again = upload(tenant.token(), key, file);
		assertThat(first.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
		assertThat(this.api.getList(tenant.token(), "/api/v1/imports").getBody()).hasSize(1);
	}

	/** Sent at once, the retries wait for the first answer and get it. */
	@Test
	void requestsSentAtOnceWithOneKeyDoTheWorkOnce() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Impatiente");
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("caseType", "LEAD_ACHAT", "title", "Maison à Lyon");
		List<ResponseEntity<Map>> answers = AtOnce.run(6, () -> createCase(tenant.token(), key, body, null));
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value()).containsOnly(201);
		assertThat(answers).extracting((answer) -> answer.getBody().get("id"))
			.containsOnly(cases(tenant).get(0).get("id"));
		assertThat(answers).extracting((answer) -> answer.getHeaders().getFirst("Idempotent-Replayed"))
			.containsOnlyOnce("false");
		assertThat(cases(tenant)).hasSize(1);
	}

	@Test
	void aSignupSentAgainWithItsKeyCreatesOneOrganisationAndGetsTheFirstAnswer() {
		String key = UUID.randomUUID().toString();
		String email = "retry-" + UUID.randomUUID() + "@example.test";
		Map<String, Object> body = Map.of("organisation", "Agence Relancée", "name", "Camille", "email", email,
				"password", ApiClient.PASSWORD);
		ResponseEntity<Map> first = signup(key, body);
		ResponseEntity<Map> again = signup(key, body);
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getBody()).isEqualTo(first.getBody());
		assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		String token = this.api.token(email, ApiClient.PASSWORD);
		assertThat(this.api.getList(token, "/api/v1/members").getBody()).hasSize(1);
		assertThat(
				this.jdbc.sql("select count(*) from atlas_login_lookup(?)").param(email).query(Integer.class).single())
			.as("one account, in whichever organisation")
			.isEqualTo(1);

		// the key with another sign-up for the address, or without its password, gives
		// nothing back
		ResponseEntity<Map> otherBody = signup(key, Map.of("organisation", "Autre agence", "name", "Camille", "email",
				email, "password", ApiClient.PASSWORD));
		assertThat(otherBody.getStatusCode().value()).isEqualTo(409);
		assertThat(otherBody.getBody()).containsEntry("code", "idempotency.key-reused").doesNotContainKey("orgId");
		ResponseEntity<Map> otherPassword = signup(key, Map.of("organisation", "Agence Relancée", "name", "Camille",
				"email", email, "password", "Another-pass-42"));
		assertThat(otherPassword.getStatusCode().value()).isEqualTo(409);
		assertThat(otherPassword.getBody()).doesNotContainKey("orgId");
		// another key is another sign-up: the address is taken
		ResponseEntity<Map> otherKey = signup(UUID.randomUUID().toString(), body);
		assertThat(otherKey.getStatusCode().value()).isEqualTo(400);
		assertThat(otherKey.getBody().toString()).contains("email.taken");
		// a key that is no key is said so
		assertThat(signup("clé avec espaces", body).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void creatingATokenRefusesTheKeyRatherThanIgnoringIt() {
		Tenant tenant = this.api.newOrganisation("Agence Jeton Rejoué");
		ResponseEntity<Map> refused = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "ci"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("field", "Idempotency-Key")
				.containsEntry("code", "idempotency.not-for-tokens"));
		assertThat(this.api.getList(tenant.token(), "/api/v1/tokens").getBody()).hasSize(1);
		Map<String, Object> document = this.api.get(null, "/v3/api-docs").getBody();
		Map<String, Object> paths = (Map<String, Object>) document.get("paths");
		assertThat(headers(((Map<String, Object>) paths.get("/api/v1/auth/tokens")).get("post")))
			.doesNotContain("Idempotency-Key");
	}

	private ResponseEntity<Map> signup(String key, Map<String, Object> body) {
		return this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(Map.class);
	}

	@Test
	void theOpenApiDocumentShowsTheHeaderOnWrites() {
		Map<String, Object> document = this.api.get(null, "/v3/api-docs").getBody();
		Map<String, Object> paths = (Map<String, Object>) document.get("paths");
		Map<String, Object> cases = (Map<String, Object>) paths.get("/api/v1/cases");
		assertThat(headers(cases.get("post"))).contains("Idempotency-Key");
		assertThat(headers(cases.get("get"))).doesNotContain("Idempotency-Key");
	}

	private static List<Object> headers(Object operation) {
		List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) operation)
			.getOrDefault("parameters", List.of());
		return parameters.stream().filter((p) -> "header".equals(p.get("in"))).map((p) -> p.get("name")).toList();
	}

	private ResponseEntity<Map> createCase(String token, String key, Map<String, Object> body,
			@Nullable String language) {
		return this.api.raw().post().uri("/api/v1/cases").headers((h) -> {
			h.setBearerAuth(token);
			h.set("Idempotency-Key", key);
			if (language != null) {
				h.set("Accept-Language", language);
			}
		}).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
	}

	private ResponseEntity<Map> upload(String token, String key, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return "port.csv";
			}
		});
		return this.api.raw().post().uri("/api/v1/imports").headers((h) -> {
			h.setBearerAuth(token);
			h.set("Idempotency-Key", key);
		}).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);
	}

	private List<Map<String, Object>> cases(Tenant tenant) {
		return (List<Map<String, Object>>) this.api.get(tenant.token(), "/api/v1/cases").getBody().get("items");
	}

}
