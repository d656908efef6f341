package fr.atlas.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language cookie and the {@code lang} parameter hold only Atlas's languages: a
 * cookie that is no language at all failed every page with a 500, and a language Atlas
 * does not speak was kept and claimed by the pages over French text.
 */
@WebIntegrationTest
class LanguageCookieIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aCookieThatIsNoLanguageIsAsNone() throws Exception {
		HttpResponse<String> french = get("/login", Map.of("Cookie", "atlas-lang=xx-!!"));
		assertThat(french.statusCode()).isEqualTo(200);
		assertThat(french.body()).contains("<html lang=\"fr\">");
		HttpResponse<String> english = get("/login", Map.of("Cookie", "atlas-lang=xx-!!", "Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("<html lang=\"en\">");
	}

	@Test
	void aLanguageAtlasDoesNotSpeakIsNeitherUsedNorKept() throws Exception {
		HttpResponse<String> asked = get("/login?lang=zz", Map.of());
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("<html lang=\"fr\">");
		assertThat(asked.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("atlas-lang="));
		HttpResponse<String> kept = get("/login", Map.of("Cookie", "atlas-lang=zz", "Accept-Language", "en"));
		assertThat(kept.body()).contains("<html lang=\"en\">");
		// a language of ours is still chosen and kept
		HttpResponse<String> chosen = get("/login?lang=en", Map.of());
		assertThat(chosen.body()).contains("<html lang=\"en\">");
		assertThat(chosen.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("atlas-lang=en"));
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.GET();
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
