package fr.atlas.tenancy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the UI over real HTTP: keeps cookies, does not follow
 * redirects, and sends back the CSRF token of the last page it loaded.
 */
public final class UiSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	private String csrf = "";

	UiSession(int port) {
		this(port, new CookieManager());
	}

	private UiSession(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public static UiSession signedIn(int port, String email, String password) {
		UiSession session = new UiSession(port);
		session.get("/login");
		HttpResponse<String> login = session.post("/login", Map.of("email", email, "password", password));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers().map());
		}
		return session;
	}

	/** The same browser, cookies included, talking to another node on another port. */
	UiSession onPort(int port) {
		return new UiSession(port, this.cookies);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), false);
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, form, false);
	}

	/** Gets as a browser's address bar does, asking for HTML. */
	HttpResponse<String> browse(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET(), false);
	}

	/** Gets as htmx does (it follows a redirect with its headers): a fragment. */
	HttpResponse<String> htmxGet(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), true);
	}

	/** Posts as htmx does: the server answers with a fragment. */
	HttpResponse<String> htmxPost(String path, Map<String, String> form) {
		return post(path, form, true);
	}

	/** Loads a page for its CSRF token, then posts the form. */
	HttpResponse<String> submit(String page, String action, Map<String, String> form) {
		get(page);
		return post(action, form);
	}

	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", this.csrf);
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), htmx);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, boolean htmx) {
		request.header("Accept-Language", "fr");
		if (htmx) {
			request.header("HX-Request", "true");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
