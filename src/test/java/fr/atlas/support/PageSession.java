package fr.atlas.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session of the pages without a browser: cookies kept, redirects not
 * followed, forms posted with their CSRF token as the page gave it.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final int port;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public PageSession(int port) {
		this.port = port;
	}

	/** Signs in a member created with {@link ApiClient#PASSWORD}. */
	public PageSession login(String email) throws Exception {
		return login(email, ApiClient.PASSWORD);
	}

	public PageSession login(String email, String password) throws Exception {
		HttpResponse<String> page = get("/login");
		HttpResponse<String> response = post("/login",
				Map.of("email", email, "password", password, "_csrf", csrf(page.body())), false);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).doesNotContain("error");
		return this;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A GET as htmx sends it (a fragment is expected back). */
	public HttpResponse<String> getFragment(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) throws Exception {
		return post(path, List.copyOf(form.entrySet()), htmx);
	}

	/** A form whose names may repeat, as ticked boxes and hidden lists send them. */
	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, boolean htmx)
			throws Exception {
		String body = fields.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return send(request);
	}

	/** A download, as bytes (a workbook). */
	public byte[] bytes(String path) throws Exception {
		return this.browser
			.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.browser.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** Where a redirect goes, as a path. */
	public static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

	/** The CSRF token of the first form of a page. */
	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in page");
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

}
