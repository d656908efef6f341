package fr.atlas.tenancy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The account API (sign-up, tokens, the caller, members, the audit log) as an outside
 * tool meets it, knowing only its contract (ADR 0070): passwords at the policy's edges, a
 * stale token sent along with a sign-in, properties the bodies do not have, the 401 of a
 * wrong password, the address a new token gives, and the audit's filters as a tool types
 * them.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class AccountApiContractIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void aPasswordLongerThanTheHashReadsIsRefusedInWordsNotAServerError() {
		String ascii73 = "a".repeat(72) + "1";
		String accented = "é".repeat(40) + "1";
		for (String password : List.of(ascii73, accented)) {
			ResponseEntity<Map> refused = signup(uniqueEmail("long"), password);
			assertThat(refused.getStatusCode().value()).as(password).isEqualTo(400);
			assertThat(errors(refused)).extracting((e) -> e.get("field") + ":" + e.get("code"))
				.containsExactly("password:password.too-long");
			assertThat(errors(refused).get(0).get("message")).asString().contains("72 octets");
		}
		ResponseEntity<Map> english = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(uniqueEmail("long"), ascii73))
			.retrieve()
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(english.getBody().get("detail")).asString().startsWith("The password is too long: 72 bytes");

		// 72 bytes, the most: signed up, and the password signs in
		String email = uniqueEmail("edge");
		String ascii72 = "b".repeat(71) + "1";
		assertThat(signup(email, ascii72).getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.token(email, ascii72)).startsWith("atl_");
	}

	@Test
	void aPasswordIsAsLongAsTheCharactersAPersonCounts() {
		// six emoji and a letter: 7 characters, 13 UTF-16 units
		ResponseEntity<Map> refused = signup(uniqueEmail("emoji"), "😀😀😀😀😀😀a");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(refused)).extracting((e) -> e.get("code")).containsExactly("password.too-short");
	}

	@Test
	void anAddressNoMailServerTakesIsRefusedAndTheOthersAreFolded() {
		// 65 characters before the @: more than RFC 5321 lets a server take
		ResponseEntity<Map> tooLong = signup("a".repeat(65) + "@example.test", ApiClient.PASSWORD);
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(tooLong)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("email:email.invalid");

		String local = "b".repeat(40) + "+atlas";
		String email = local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		assertThat(signup("  " + email.toUpperCase() + " ", ApiClient.PASSWORD).getStatusCode().value()).isEqualTo(201);
		String token = this.api.token(email.toUpperCase(), ApiClient.PASSWORD);
		assertThat((Map<String, Object>) this.api.get(token, "/api/v1/me").getBody().get("user")).containsEntry("email",
				email);
	}

	@Test
	void aMalformedIdInAPathIsInvalidInputLikeAMalformedValueInABody() {
		Tenant tenant = this.api.newOrganisation("Agence des Identifiants Tordus");
		for (String path : List.of("/api/v1/members/not-a-uuid", "/api/v1/tokens/123",
				"/api/v1/members/invitations/zz")) {
			ResponseEntity<Map> refused = this.api.get(tenant.token(), path);
			assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(refused.getBody()).as(path)
				.containsEntry("type", "https://atlas.test/problems/invalid-input")
				.containsEntry("title", "Données invalides");
			assertThat(errors(refused)).extracting((e) -> e.get("code")).containsExactly("json.expected.uuid");
		}
	}

	@Test
	void aFractionWhereAWholeNumberIsExpectedIsRefusedNotCut() {
		Tenant tenant = this.api.newOrganisation("Agence des Jours et Demi");
		int tokensBefore = this.api.getList(tenant.token(), "/api/v1/tokens").getBody().size();
		for (Object days : List.of(1.5, 30.0, 1e1)) {
			ResponseEntity<Map> refused = this.api.post(null, "/api/v1/auth/tokens", Map.of("email", tenant.email(),
					"password", ApiClient.PASSWORD, "name", "cli", "expiresInDays", days));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(days)).isEqualTo(400);
			assertThat(errors(refused)).extracting((e) -> e.get("field"), (e) -> e.get("code"))
				.containsExactly(tuple("expiresInDays", "json.expected.integer"));
		}
		assertThat(this.api.getList(tenant.token(), "/api/v1/tokens").getBody()).hasSize(tokensBefore);
	}

	@Test
	void aStaleTokenSentAlongDoesNotKeepATokenOrASignupFromBeingGiven() {
		Tenant tenant = this.api.newOrganisation("Agence des Jetons Périmés");
		ResponseEntity<Map> issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cli"));
		String stale = (String) issued.getBody().get("token");
		assertThat(
				this.api.delete(tenant.token(), "/api/v1/tokens/" + issued.getBody().get("id")).getStatusCode().value())
			.isEqualTo(204);
		ResponseEntity<Map> readOnly = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "rapport", "readOnly", true));

		for (String header : List.of(stale, "atl_unknown", (String) readOnly.getBody().get("token"))) {
			ResponseEntity<Map> renewed = this.api.post(header, "/api/v1/auth/tokens",
					Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cli"));
			assertThat(renewed.getStatusCode().value()).as(String.valueOf(renewed.getBody())).isEqualTo(201);
			assertThat(this.api.get((String) renewed.getBody().get("token"), "/api/v1/me").getStatusCode().value())
				.isEqualTo(200);
			ResponseEntity<Map> signedUp = this.api.post(header, "/api/v1/signup",
					body(uniqueEmail("again"), ApiClient.PASSWORD));
			assertThat(signedUp.getStatusCode().value()).as(String.valueOf(signedUp.getBody())).isEqualTo(201);
		}
		// everywhere else the stale token is still refused
		assertThat(this.api.get(stale, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void aPropertyTheAccountBodiesDoNotHaveIsRefusedNotLeftOut() {
		Tenant tenant = this.api.newOrganisation("Agence des Propriétés");
		int tokensBefore = this.api.getList(tenant.token(), "/api/v1/tokens").getBody().size();

		// "readonly" for "readOnly" was a token that writes
		ResponseEntity<Map> token = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "rapport", "readonly", true));
		assertUnknown(token, "readonly");
		assertThat(this.api.getList(tenant.token(), "/api/v1/tokens").getBody()).hasSize(tokensBefore);

		// sign-up and an invitation, whose every property is required, let others
		// through: they change nothing
		Map<String, Object> signup = new java.util.HashMap<>(body(uniqueEmail("extra"), ApiClient.PASSWORD));
		signup.put("role", "ADMIN");
		assertThat(this.api.post(null, "/api/v1/signup", signup).getStatusCode().value()).isEqualTo(201);
		assertThat(this.api
			.post(tenant.token(), "/api/v1/members/invitations",
					Map.of("email", uniqueEmail("invitee"), "role", "AGENT", "name", "Camille"))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertUnknown(this.api.put(tenant.token(), "/api/v1/members/" + tenant.userId() + "/roles",
				Map.of("roles", List.of("OWNER"), "active", false)), "active");
		assertUnknown(this.api.patch(tenant.token(), "/api/v1/organisation", Map.of("name", "X", "nom", "Y")), "nom");
		assertUnknown(this.api.put(tenant.token(), "/api/v1/modules/cases", Map.of("enabled", true, "on", false)),
				"on");

		// what was read may be sent back as it was read
		Map<String, Object> organisation = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/me")
			.getBody()
			.get("org");
		assertThat(this.api.patch(tenant.token(), "/api/v1/organisation", organisation).getStatusCode().value())
			.isEqualTo(200);
		Map<String, Object> module = (Map<String, Object>) this.api.getList(tenant.token(), "/api/v1/modules")
			.getBody()
			.stream()
			.filter((m) -> "cases".equals(((Map) m).get("key")))
			.findFirst()
			.orElseThrow();
		assertThat(this.api.put(tenant.token(), "/api/v1/modules/cases", module).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsA401ThatNamesItsScheme() {
		Tenant tenant = this.api.newOrganisation("Agence du Mauvais Mot de Passe");
		ResponseEntity<Map> refused = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", "Pas-le-bon-42", "name", "cli"));
		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"atlas\"");
	}

	@Test
	void aCallRefusedForItsTokenSaysWhetherOneWasMissingOrRefused() {
		Tenant tenant = this.api.newOrganisation("Agence des Jetons Refusés");
		ResponseEntity<Map> issued = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cli"));
		String revoked = (String) issued.getBody().get("token");
		this.api.delete(tenant.token(), "/api/v1/tokens/" + issued.getBody().get("id"));

		ResponseEntity<Map> missing = this.api.get(null, "/api/v1/prospects");
		assertThat(missing.getStatusCode().value()).isEqualTo(401);
		// RFC 6750 (3.1): no error code when no credentials were sent
		assertThat(missing.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"atlas\"");
		assertThat(missing.getBody()).containsEntry("instance", "/api/v1/prospects")
			.containsEntry("type", "https://atlas.test/problems/unauthorized");
		assertThat((String) missing.getBody().get("detail")).contains("Authorization: Bearer");

		for (String refused : List.of(revoked, "atl_unknown", "not-even-ours")) {
			ResponseEntity<Map> answer = this.api.get(refused, "/api/v1/prospects");
			assertThat(answer.getStatusCode().value()).isEqualTo(401);
			assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
				.isEqualTo("Bearer realm=\"atlas\", error=\"invalid_token\"");
			assertThat(answer.getBody()).containsEntry("instance", "/api/v1/prospects");
			assertThat((String) answer.getBody().get("detail")).contains("expiré ou révoqué");
		}

		ResponseEntity<Map> readOnly = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "rapport", "readOnly", true));
		ResponseEntity<Map> write = this.api.post((String) readOnly.getBody().get("token"), "/api/v1/prospects",
				Map.of("name", "Agence Écrite"));
		assertThat(write.getStatusCode().value()).isEqualTo(403);
		assertThat(write.getBody()).containsEntry("instance", "/api/v1/prospects")
			.containsEntry("type", "https://atlas.test/problems/read-only-token");
		// a client that reads only the detail learns what to do
		assertThat((String) write.getBody().get("detail")).contains("ne sert qu’à lire", "readOnly");
	}

	@Test
	void aNewTokensLocationIsAnAddressThatReadsIt() {
		Tenant tenant = this.api.newOrganisation("Agence de l'Adresse du Jeton");
		Tenant other = this.api.newOrganisation("Agence Voisine de l'Adresse");
		ResponseEntity<Map> issued = this.api.post(null, "/api/v1/auth/tokens", Map.of("email", tenant.email(),
				"password", ApiClient.PASSWORD, "name", "tableur", "readOnly", true, "expiresInDays", 30));
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String location = issued.getHeaders().getLocation().toString();
		assertThat(location).isEqualTo("/api/v1/tokens/" + issued.getBody().get("id"));

		ResponseEntity<Map> read = this.api.get(tenant.token(), location);
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody()).containsEntry("id", issued.getBody().get("id"))
			.containsEntry("name", "tableur")
			.containsEntry("readOnly", true)
			.containsEntry("prefix", ((String) issued.getBody().get("token")).substring(0, 10))
			.containsKeys("createdAt", "lastUsedAt", "revokedAt", "expiresAt")
			.doesNotContainKeys("token", "expired");
		// another organisation's token, or none, is not found
		assertThat(this.api.get(other.token(), location).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.get(tenant.token(), "/api/v1/tokens/" + UUID.randomUUID()).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void anInvitationReadsBackAsItsCreationAnsweredIt() {
		Tenant tenant = this.api.newOrganisation("Agence de l'Invitation Relue");
		ResponseEntity<Map> invited = this.api.post(tenant.token(), "/api/v1/members/invitations",
				Map.of("email", uniqueEmail("relue"), "role", "AGENT"));
		assertThat(invited.getStatusCode().value()).isEqualTo(201);
		ResponseEntity<Map> read = this.api.get(tenant.token(), invited.getHeaders().getLocation().toString());
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody()).isEqualTo(invited.getBody());
	}

	@Test
	void aTokenAskedForWrongIsNotASignIn() {
		Tenant tenant = this.api.newOrganisation("Agence des Jetons sans Nom");
		int signInsBefore = total(tenant, "action=member.signed-in");

		ResponseEntity<Map> unnamed = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", " "));
		assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(unnamed)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("name:field.required");
		assertThat(total(tenant, "action=member.signed-in")).isEqualTo(signInsBefore);
	}

	@Test
	void theAuditFiltersReadCodesAndIdsInAnyCase() {
		Tenant tenant = this.api.newOrganisation("Agence des Filtres d'Audit");
		int created = total(tenant, "action=api-token.created");
		assertThat(created).isPositive();
		assertThat(total(tenant, "action=API-Token.Created")).isEqualTo(created);
		assertThat(total(tenant, "entityType=MEMBER")).isEqualTo(total(tenant, "entityType=member")).isPositive();
		String userId = tenant.userId().toString();
		assertThat(total(tenant, "entityId=" + userId.toUpperCase())).isEqualTo(total(tenant, "entityId=" + userId))
			.isPositive();

		// a page that is no whole number: the API's code, as for every other list
		ResponseEntity<Map> notANumber = this.api.get(tenant.token(), "/api/v1/audit?page=abc&size=x");
		assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(notANumber)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly("page:json.expected.integer", "size:json.expected.integer");
		// a size out of its range is brought to its bound, as in every list (ADR 0073)
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?size=500").getBody()).containsEntry("size", 200);
	}

	@Test
	void anAuditDateOutsideTheYearsOneTo9999IsRefusedNotAServerError() {
		Tenant tenant = this.api.newOrganisation("Agence des Dates Lointaines");
		for (String filter : List.of("from=%2B999999999-12-31", "to=%2B300000-01-01", "from=-999999999-01-01",
				"from=-5000-01-01", "to=10000-01-01T00:00:00Z", "from=0000-12-31T10:00:00")) {
			// sent as written: "%2B" stays the "+" of a signed year
			ResponseEntity<Map> refused = this.api.raw()
				.get()
				.uri(URI.create("http://localhost:" + this.port + "/api/v1/audit?" + filter))
				.headers((h) -> h.setBearerAuth(tenant.token()))
				.retrieve()
				.toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).as(filter).isEqualTo(400);
			assertThat(errors(refused)).extracting((e) -> e.get("code"))
				.as(filter)
				.containsExactly("audit.date.invalid");
		}
		assertThat(total(tenant, "from=0001-01-01&to=9999-12-31")).isEqualTo(total(tenant, "page=0"));
	}

	private int total(Tenant tenant, String filter) {
		ResponseEntity<Map> page = this.api.get(tenant.token(), "/api/v1/audit?size=1&" + filter);
		assertThat(page.getStatusCode().value()).as(filter).isEqualTo(200);
		return ((Number) page.getBody().get("total")).intValue();
	}

	private static void assertUnknown(ResponseEntity<Map> response, String property) {
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
		assertThat(errors(response)).extracting((e) -> e.get("field") + ":" + e.get("code"))
			.containsExactly(property + ":json.unknown-property");
	}

	private ResponseEntity<Map> signup(String email, String password) {
		return this.api.post(null, "/api/v1/signup", body(email, password));
	}

	private static Map<String, Object> body(String email, String password) {
		return Map.of("organisation", "Agence " + email, "name", "Camille Martin", "email", email, "password",
				password);
	}

	private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
		return (List<Map<String, Object>>) response.getBody().get("errors");
	}

	private static String uniqueEmail(String what) {
		return what + "-" + UUID.randomUUID() + "@example.test";
	}

}
