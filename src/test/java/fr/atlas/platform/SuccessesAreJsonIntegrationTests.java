package fr.atlas.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A success is never labelled a problem (ADR 0119): a client that asks for
 * {@code application/problem+json} first, or for another {@code +json} type, and tells a
 * failure from a success by the answer's type, reads its successes as JSON. A write whose
 * {@code Accept} the API cannot meet says what it did, rather than a 406 after doing it.
 */
@WebIntegrationTest
@SuppressWarnings("rawtypes")
class SuccessesAreJsonIntegrationTests {

	private static final List<String> ACCEPTS = List.of("application/problem+json, application/json",
			"application/problem+json", "application/hal+json", "application/vnd.api+json");

	@Autowired
	ApiClient api;

	@Test
	void aSuccessIsJsonWhateverSuffixedTypeWasAskedForAndAProblemStaysAProblem() {
		Tenant tenant = this.api.newOrganisation("Agence des Types Demandés");
		for (String accept : ACCEPTS) {
			ResponseEntity<String> me = this.api.raw()
				.get()
				.uri("/api/v1/me")
				.headers((h) -> h.setBearerAuth(tenant.token()))
				.header("Accept", accept)
				.retrieve()
				.toEntity(String.class);
			assertThat(me.getStatusCode().value()).as(accept).isEqualTo(200);
			assertThat(me.getHeaders().getContentType()).as(accept).isEqualTo(MediaType.APPLICATION_JSON);
			assertThat(me.getBody()).contains(tenant.email());

			ResponseEntity<String> members = this.api.raw()
				.get()
				.uri("/api/v1/members")
				.headers((h) -> h.setBearerAuth(tenant.token()))
				.header("Accept", accept)
				.retrieve()
				.toEntity(String.class);
			assertThat(members.getHeaders().getContentType()).as(accept).isEqualTo(MediaType.APPLICATION_JSON);

			ResponseEntity<Map> signup = this.api.raw()
				.post()
				.uri("/api/v1/signup")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept", accept)
				.body(Map.of("organisation", "Agence Acceptée", "name", "Camille Martin", "email",
						"accept-" + UUID.randomUUID() + "@example.test", "password", ApiClient.PASSWORD))
				.retrieve()
				.toEntity(Map.class);
			assertThat(signup.getStatusCode().value()).as(accept).isEqualTo(201);
			assertThat(signup.getHeaders().getContentType()).as(accept).isEqualTo(MediaType.APPLICATION_JSON);

			// a problem is still one, whatever the client asked for
			ResponseEntity<String> problem = this.api.raw()
				.get()
				.uri("/api/v1/members/not-an-id")
				.headers((h) -> h.setBearerAuth(tenant.token()))
				.header("Accept", accept)
				.retrieve()
				.toEntity(String.class);
			assertThat(problem.getStatusCode().value()).as(accept).isEqualTo(400);
			assertThat(problem.getHeaders().getContentType().toString()).as(accept)
				.startsWith("application/problem+json");
		}
		ResponseEntity<String> plain = this.api.getText(tenant.token(), "/api/v1/me");
		assertThat(plain.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
	}

	@Test
	void aWriteWhoseAcceptTheApiCannotMeetSaysWhatItDid() {
		String email = "accept-html-" + UUID.randomUUID() + "@example.test";
		ResponseEntity<Map> signup = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "text/html")
			.body(Map.of("organisation", "Agence du Navigateur", "name", "Camille Martin", "email", email, "password",
					ApiClient.PASSWORD))
			.retrieve()
			.toEntity(Map.class);
		assertThat(signup.getStatusCode().value()).isEqualTo(201);
		assertThat(signup.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(signup.getBody()).containsKeys("orgId", "userId");

		ResponseEntity<Map> token = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "text/csv")
			.body(Map.of("email", email, "password", ApiClient.PASSWORD, "name", "cli"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(token.getStatusCode().value()).isEqualTo(201);
		String issued = (String) token.getBody().get("token");
		assertThat(issued).startsWith("atl_");

		ResponseEntity<Map> invitation = this.api.raw()
			.post()
			.uri("/api/v1/members/invitations")
			.headers((h) -> h.setBearerAuth(issued))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "text/plain")
			.body(Map.of("email", "invited-" + UUID.randomUUID() + "@example.test", "role", "AGENT"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(invitation.getStatusCode().value()).isEqualTo(201);
		assertThat(invitation.getBody()).containsKeys("id", "email", "role", "expiresAt");

		// a problem of a write is one as before
		ResponseEntity<String> refused = this.api.raw()
			.post()
			.uri("/api/v1/members/invitations")
			.headers((h) -> h.setBearerAuth(issued))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "text/html")
			.body(Map.of("email", "nobody", "role", "AGENT"))
			.retrieve()
			.toEntity(String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");

		// a read, which changed nothing, still says it cannot answer in that type
		ResponseEntity<String> me = this.api.raw()
			.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(issued))
			.header("Accept", "text/html")
			.retrieve()
			.toEntity(String.class);
		assertThat(me.getStatusCode().value()).isEqualTo(406);
	}

}
