package fr.atlas.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.RawHttp;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client of ours sends, but a script or a scanner does: a parameter that is
 * not UTF-8, a method nothing has, a control character in a header. Each is the caller's
 * mistake, said in its language and as what it is, never a 500, Spring Boot's English
 * JSON or "address refused" for what was not the address. Over real HTTP, since Tomcat
 * and the firewall answer some of them before Spring MVC.
 */
@WebIntegrationTest
class UnusualRequestsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String token;

	@BeforeEach
	void organisation() {
		this.token = new ApiClient(this.port).newOrganisation("Demandes inhabituelles").token();
	}

	/**
	 * Tomcat cannot decode {@code %FF}: the API answered a 500, and read on without it.
	 */
	@Test
	void aParameterThatIsNotUtf8IsTheCallersMistake() throws Exception {
		for (String language : new String[] { "fr", "en" }) {
			HttpResponse<String> response = send("GET", "/api/v1/prospects?q=%FF&city=Lyon",
					Map.of("Authorization", "Bearer " + this.token, "Accept-Language", language));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			assertThat(problem(response.body()))
				.containsEntry("type", "https://atlas.test/problems/unreadable-parameter")
				.containsEntry("instance", "/api/v1/prospects")
				.containsEntry("detail", language.equals("fr")
						? "Un paramètre de l’adresse ou du formulaire est illisible\u00A0: ses caractères ne sont "
								+ "pas encodés en UTF-8, ou les paramètres sont trop nombreux."
						: "A parameter of the address or the form cannot be read: its characters are not "
								+ "encoded in UTF-8, or there are too many parameters.");
		}
		// the same text sent in UTF-8 is read
		assertThat(
				send("GET", "/api/v1/prospects?q=%C3%A9", Map.of("Authorization", "Bearer " + this.token)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aPageParameterThatIsNotUtf8GetsThe400PageWithItsReason() throws Exception {
		HttpResponse<String> page = send("GET", "/login?lang=%FF",
				Map.of("Accept", "text/html", "Accept-Language", "fr"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<h1>Demande invalide</h1>")
			.contains("Un paramètre de l’adresse ou du formulaire est illisible");
	}

	/**
	 * The firewall refuses a method no endpoint has; the API said the address held
	 * {@code //} or {@code ;}.
	 */
	@Test
	void aMethodNothingHasIsRefusedAsAMethod() throws Exception {
		HttpResponse<String> french = send("PROPFIND", "/api/v1/prospects",
				Map.of("Authorization", "Bearer " + this.token));
		assertThat(french.statusCode()).isEqualTo(405);
		assertThat(problem(french.body())).containsEntry("title", "Méthode non autorisée")
			.containsEntry("detail", "La méthode PROPFIND n’est pas acceptée à cette adresse.")
			.containsEntry("instance", "/api/v1/prospects");
		HttpResponse<String> english = send("FOO", "/api/v1/imports", Map.of("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(405);
		assertThat(problem(english.body())).containsEntry("title", "Method not allowed")
			.containsEntry("detail", "Method FOO is not accepted at this address.");
		assertThat(send("PROPFIND", "/prospects", Map.of("Accept", "text/html")).statusCode()).isEqualTo(405);
	}

	/** Tomcat refuses {@code TRACE} itself, and Spring Boot wrote its English JSON. */
	@Test
	void traceIsAProblemDetailInTheCallersLanguage() throws Exception {
		String response = raw("TRACE /api/v1/prospects HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 405")
			.contains("application/problem+json")
			.contains("\"title\":\"Méthode non autorisée\"")
			.contains("La méthode TRACE n’est pas acceptée à cette adresse.")
			.doesNotContain("timestamp");
	}

	@Test
	void aControlCharacterInAHeaderIsRefusedAsAHeader() throws Exception {
		// Tomcat reads no header past the refused one: the language comes before it
		String response = raw("GET /api/v1/prospects HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
				+ "Authorization: Bearer " + this.token + "\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400")
			.contains("https://atlas.test/problems/bad-header")
			.contains("Header refused: it holds a control character or a character not allowed")
			.doesNotContain("Address refused");
	}

	/** Spring Boot answered a 500 with status "999", counted as a failure of ours. */
	@Test
	void theErrorPathAskedForDirectlyIsAPageThatDoesNotExist() throws Exception {
		HttpResponse<String> page = send("GET", "/error", Map.of("Accept", "text/html", "Accept-Language", "fr"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<title>Page introuvable");
		assertThat(send("GET", "/error", Map.of("Accept", "application/json")).statusCode()).isEqualTo(404);
	}

	/**
	 * Tomcat refuses a request with more than 200 cookies before any filter runs: the API
	 * answered its problem with a title alone, which did not say why (ADR 0111).
	 */
	@Test
	void moreCookiesThanTomcatReadsIsAProblemThatSaysSo() throws Exception {
		StringBuilder cookies = new StringBuilder();
		for (int i = 0; i < 201; i++) {
			cookies.append(i == 0 ? "" : "; ").append("c").append(i).append("=v");
		}
		for (String language : new String[] { "fr", "en" }) {
			HttpResponse<String> response = send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + this.token,
					"Cookie", cookies.toString(), "Accept-Language", language));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			assertThat(problem(response.body())).containsEntry("detail", language.equals("fr")
					? "Trop de cookies\u00A0: cette demande en porte plus de 200. Supprimez les cookies de ce site "
							+ "dans le navigateur."
					: "Too many cookies: this request carries more than 200. Delete the cookies of this site in "
							+ "the browser.");
		}
		// two hundred are read
		String two = cookies.substring(0, cookies.lastIndexOf("; "));
		assertThat(
				send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + this.token, "Cookie", two)).statusCode())
			.isEqualTo(200);
	}

	/**
	 * A page asked with more than 200 cookies: the 400 page in the browser's language
	 * says why, as the API's problem does, where it said only that the request was
	 * invalid.
	 */
	@Test
	void aPageAskedWithMoreCookiesThanTomcatReadsSaysSo() throws Exception {
		StringBuilder cookies = new StringBuilder();
		for (int i = 0; i < 201; i++) {
			cookies.append(i == 0 ? "" : "; ").append("c").append(i).append("=v");
		}
		for (String language : new String[] { "fr", "en" }) {
			HttpResponse<String> page = send("GET", "/prospects",
					Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8", "Cookie", cookies.toString(),
							"Accept-Language", language));
			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(page.body()).contains(language.equals("fr")
					? "Trop de cookies\u00A0: cette demande en porte plus de 200. Supprimez les cookies de ce site "
							+ "dans le navigateur."
					: "Too many cookies: this request carries more than 200. Delete the cookies of this site in "
							+ "the browser.")
				.contains(language.equals("fr") ? "lang=\"fr\"" : "lang=\"en\"");
		}
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String raw(String request) throws Exception {
		return RawHttp.send(this.port, request);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(String body) {
		return JSON.readValue(body, Map.class);
	}

}
