package fr.atlas.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An encoded slash or NUL in a path is refused by Tomcat's connector, before any filter
 * or error page of the application (MockMvc never meets it): checked over real HTTP. The
 * answer is Atlas's, in the caller's language, a page or a problem detail, never Tomcat's
 * English report.
 */
@WebIntegrationTest
class RefusedAddressIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aPageAddressWithAnEncodedSlashOrNulGetsAtlassPageInTheMembersLanguage() throws Exception {
		for (String path : List.of("/prospects/abc%2Fdef", "/cases/%00", "/cases/a%2fb/edit", "/%00")) {
			HttpResponse<String> french = get(path, Map.of("Accept", "text/html"));
			assertThat(french.statusCode()).as(path).isEqualTo(400);
			assertThat(french.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
			assertThat(french.body()).as(path)
				.contains("<html lang=\"fr\">")
				.contains("<h1>Demande invalide</h1>")
				.contains("Adresse refusée : elle contient")
				.contains("<link rel=\"stylesheet\" href=\"/css/atlas.css\">")
				.containsOnlyOnce("<title")
				.doesNotContain("HTTP Status")
				.doesNotContain("Tomcat");
		}
		HttpResponse<String> english = get("/prospects/abc%2Fdef",
				Map.of("Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(english.body()).contains("<html lang=\"en\">")
			.contains("<h1>Invalid request</h1>")
			.contains("Address refused");
		// a member who chose English on the pages (the language cookie), whatever the
		// browser asks
		HttpResponse<String> chosen = get("/cases/%00",
				Map.of("Accept", "text/html", "Accept-Language", "fr", "Cookie", "JSESSIONID=x; atlas-lang=en"));
		assertThat(chosen.body()).contains("<h1>Invalid request</h1>");
	}

	@Test
	void anApiAddressWithAnEncodedSlashOrNulIsAProblemInTheCallersLanguage() throws Exception {
		for (String path : List.of("/api/v1/prospects/abc%2Fdef", "/api/v1/cases/%00")) {
			HttpResponse<String> french = get(path, Map.of("Accept", "application/json"));
			assertThat(french.statusCode()).as(path).isEqualTo(400);
			assertThat(french.headers().firstValue("Content-Type").orElseThrow()).as(path)
				.startsWith("application/problem+json");
			Map<String, Object> problem = problem(french.body());
			assertThat(problem).as(path)
				.containsEntry("status", 400)
				.containsEntry("type", "https://atlas.test/problems/bad-path")
				.containsEntry("instance", path)
				.containsEntry("title",
						"Adresse refusée : elle contient « // », « ; » ou un caractère encodé interdit");
		}
		HttpResponse<String> english = get("/api/v1/prospects/abc%2Fdef", Map.of("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(problem(english.body())).containsEntry("title",
				"Address refused: it holds \"//\", \";\" or a forbidden encoded character");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(String body) {
		return JSON.readValue(body, Map.class);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
