package fr.atlas.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.atlas.support.RawHttp;
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
				.contains("Adresse refusée\u00A0: elle contient")
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
						"Adresse refusée\u00A0: elle contient «\u00A0//\u00A0», «\u00A0;\u00A0» ou un caractère encodé interdit");
		}
		HttpResponse<String> english = get("/api/v1/prospects/abc%2Fdef", Map.of("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(problem(english.body())).containsEntry("title",
				"Address refused: it holds \"//\", \";\" or a forbidden encoded character");
	}

	/**
	 * A request line or headers past the connector's limit (16 KB here) are refused by it
	 * too, before any filter: Atlas's 400 page saying the request is too long, in the
	 * member's language when the headers that tell it were read, and a problem detail
	 * under {@code /api/}.
	 */
	@Test
	void aRequestTooLongGetsAtlassPage() throws Exception {
		// an address too long to be read to its end: no header read, so French
		HttpResponse<String> address = get("/prospects?q=" + "a".repeat(20_000),
				Map.of("Accept", "text/html", "Accept-Language", "en"));
		assertThat(address.statusCode()).isEqualTo(400);
		assertThat(address.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(address.body()).contains("<html lang=\"fr\">")
			.contains("<h1>Demande invalide</h1>")
			.contains("Demande trop longue\u00A0: l’adresse ou les en-têtes dépassent 16 Ko (trop de filtres\u202F?)")
			.contains("<link rel=\"stylesheet\" href=\"/css/atlas.css\">")
			.doesNotContain("HTTP Status")
			.doesNotContain("Tomcat");
		// a header too long, after those that give the language (sent in name order)
		HttpResponse<String> header = get("/cases",
				Map.of("Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9", "X-Padding", "b".repeat(20_000)));
		assertThat(header.statusCode()).isEqualTo(400);
		assertThat(header.body()).contains("<html lang=\"en\">")
			.contains("<h1>Invalid request</h1>")
			.contains("Request too long: the address or headers exceed 16 KB (too many filters?)");
	}

	@Test
	void anApiRequestTooLongIsAProblem() throws Exception {
		HttpResponse<String> address = get("/api/v1/prospects?q=" + "a".repeat(20_000), Map.of());
		assertThat(address.statusCode()).isEqualTo(400);
		assertThat(address.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(problem(address.body())).containsEntry("status", 400)
			.containsEntry("type", "https://atlas.test/problems/request-too-long")
			.containsEntry("instance", "/api/v1/prospects")
			.containsEntry("title",
					"Demande trop longue\u00A0: l’adresse ou les en-têtes dépassent 16 Ko (trop de filtres\u202F?)");
		HttpResponse<String> header = get("/api/v1/prospects",
				Map.of("Accept-Language", "en", "X-Padding", "b".repeat(20_000)));
		assertThat(header.statusCode()).isEqualTo(400);
		assertThat(problem(header.body())).containsEntry("instance", "/api/v1/prospects")
			.containsEntry("title", "Request too long: the address or headers exceed 16 KB (too many filters?)");
	}

	/** Past Tomcat's default of 8 KB, a long address of filters is still served. */
	@Test
	void anAddressOfTenKilobytesIsServed() throws Exception {
		HttpResponse<String> page = get("/login?q=" + "a".repeat(10_000), Map.of("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(200);
	}

	/**
	 * A character Tomcat refuses in the address ({@code {}} or {@code |} unencoded): the
	 * request line is refused unread, like one too long, so it had no address for the
	 * valve (a 400 without a body); now Atlas's page, or a problem under {@code /api/}.
	 * Sent over a socket: no HTTP client sends such an address.
	 */
	@Test
	void aCharacterRefusedInTheAddressGetsAtlassAnswer() throws Exception {
		String page = raw("GET /prospects?q=a{b}|c HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(page).startsWith("HTTP/1.1 400")
			.contains("Content-Type: text/html")
			.contains("<h1>Demande invalide</h1>")
			.contains("Adresse refusée");
		String api = raw("GET /api/v1/prospects?q=a{b}|c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(api).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/problem+json")
			.contains("\"instance\":\"/api/v1/prospects\"")
			.contains("https://atlas.test/problems/bad-path");
	}

	private String raw(String request) throws Exception {
		return RawHttp.send(this.port, request);
	}

	@Test
	void readsThePathOfARequestLineCutShort() {
		assertThat(RefusedAddressValve.pathOf("GET /api/v1/prospects?q=aaaa")).isEqualTo("/api/v1/prospects");
		assertThat(RefusedAddressValve.pathOf("\r\nPOST http://atlas.test/api/v1/cases?x HTTP/1.1"))
			.isEqualTo("/api/v1/cases");
		assertThat(RefusedAddressValve.pathOf("GET /prospects/aaaaaaaa")).isEqualTo("/prospects/aaaaaaaa");
		assertThat(RefusedAddressValve.pathOf("GARBAGE")).isNull();
		assertThat(RefusedAddressValve.pathOf("GET *")).isNull();
	}

	@SuppressWarnings("unchecked")
	/**
	 * {@code CONNECT} and an HTTP version Tomcat does not speak are refused by the
	 * connector with their own status (501, 505), before the application: answered as
	 * Atlas answers, not with Tomcat's English report.
	 */
	@Test
	void aMethodOrAVersionTheConnectorDoesNotServeGetsAtlassAnswer() throws Exception {
		String connect = RawHttp.send(this.port, "CONNECT localhost:" + this.port
				+ " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
		assertThat(connect).startsWith("HTTP/1.1 501")
			.contains("<html lang=\"fr\">")
			.contains("Méthode non prise en charge\u00A0: Atlas ne sert pas les demandes CONNECT")
			.doesNotContain("HTTP Status")
			.doesNotContain("Tomcat");

		String version = RawHttp.send(this.port,
				"GET /api/v1/me HTTP/1.2\r\nHost: localhost\r\n" + "Accept-Language: en\r\nConnection: close\r\n\r\n");
		assertThat(version).startsWith("HTTP/1.1 505").contains("Content-Type: application/problem+json");
		assertThat(problem(version.substring(version.indexOf("\r\n\r\n") + 4))).containsEntry("status", 505)
			.containsEntry("type", "https://atlas.test/problems/http-version-not-supported")
			.containsEntry("title", "Protocol version not supported: use HTTP/1.1");

		String page = RawHttp.send(this.port,
				"GET /prospects HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(page).startsWith("HTTP/1.1 505")
			.contains("Version du protocole non prise en charge\u00A0: utilisez HTTP/1.1")
			.doesNotContain("HTTP Status");
	}

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
