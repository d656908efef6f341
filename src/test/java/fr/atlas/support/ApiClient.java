package fr.atlas.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the running application's REST API over HTTP, as an outside tool would. Never
 * throws on error statuses: tests assert on them.
 */
public final class ApiClient {

	public static final String PASSWORD = "Correct-horse-42";

	private final RestClient http;

	public ApiClient(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	/**
	 * Signs up a new organisation with a unique owner e-mail and returns it with a token.
	 */
	public Tenant newOrganisation(String name) {
		String email = "owner-" + UUID.randomUUID() + "@example.test";
		ResponseEntity<Map> signup = post(null, "/api/v1/signup",
				Map.of("organisation", name, "name", "Owner " + name, "email", email, "password", PASSWORD));
		if (signup.getStatusCode().value() != 201) {
			throw new IllegalStateException("signup failed: " + signup);
		}
		String token = token(email, PASSWORD);
		return new Tenant(UUID.fromString((String) signup.getBody().get("orgId")),
				UUID.fromString((String) signup.getBody().get("userId")), email, token);
	}

	public String token(String email, String password) {
		ResponseEntity<Map> response = post(null, "/api/v1/auth/tokens",
				Map.of("email", email, "password", password, "name", "tests"));
		if (response.getStatusCode().value() != 201) {
			throw new IllegalStateException("token failed: " + response);
		}
		return (String) response.getBody().get("token");
	}

	public ResponseEntity<Map> get(@Nullable String token, String path) {
		return this.http.get().uri(path).headers((h) -> auth(h, token)).retrieve().toEntity(Map.class);
	}

	/** An endpoint that answers a JSON array. */
	public ResponseEntity<List> getList(@Nullable String token, String path) {
		return this.http.get().uri(path).headers((h) -> auth(h, token)).retrieve().toEntity(List.class);
	}

	public ResponseEntity<String> getText(@Nullable String token, String path) {
		return this.http.get().uri(path).headers((h) -> auth(h, token)).retrieve().toEntity(String.class);
	}

	public ResponseEntity<Map> post(@Nullable String token, String path, Object body) {
		return send(HttpMethod.POST, token, path, body);
	}

	public ResponseEntity<Map> put(@Nullable String token, String path, Object body) {
		return send(HttpMethod.PUT, token, path, body);
	}

	public ResponseEntity<Map> patch(@Nullable String token, String path, Object body) {
		return send(HttpMethod.PATCH, token, path, body);
	}

	/** A JSON body sent by {@code method}, a JSON object answered. */
	private ResponseEntity<Map> send(HttpMethod method, @Nullable String token, String path, Object body) {
		return this.http.method(method)
			.uri(path)
			.headers((h) -> auth(h, token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(Map.class);
	}

	public ResponseEntity<Map> delete(@Nullable String token, String path) {
		return this.http.delete().uri(path).headers((h) -> auth(h, token)).retrieve().toEntity(Map.class);
	}

	public RestClient raw() {
		return this.http;
	}

	private static void auth(HttpHeaders headers, @Nullable String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	public record Tenant(UUID orgId, UUID userId, String email, String token) {
	}

}
