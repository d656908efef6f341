package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the pages as a logged-in member: the import wizard from upload to report, the
 * list, an agency, the review queue, in French and English.
 */
@WebIntegrationTest
class ProspectPagesIntegrationTests {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	@LocalServerPort
	int port;

	ApiClient api;

	HttpClient browser;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void runsTheImportWizardFromUploadToReport() throws Exception {
		var tenant = this.api.newOrganisation("Assistant");
		login(tenant.email());

		HttpResponse<String> imports = get("/prospects/imports");
		assertThat(imports.statusCode()).isEqualTo(200);
		assertThat(imports.body()).contains("Importer des agences");
		String csv = """
				Raison sociale;E-mail;Téléphone;Code postal;Colonne X
				Agence de la Gare;contact@gare.fr;01 23 45 67 89;75008;a
				Cabinet Martin;pas-un-email;;13002;b
				""";
		HttpResponse<String> uploaded = multipart("/prospects/imports", csrf(imports.body()), "agences.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String mappingPath = location(uploaded);
		assertThat(mappingPath).matches("/prospects/imports/[0-9a-f-]{36}/mapping");
		String jobPath = mappingPath.replace("/mapping", "");

		HttpResponse<String> mapping = get(mappingPath);
		assertThat(mapping.statusCode()).isEqualTo(200);
		assertThat(mapping.body()).contains("Raison sociale", "Colonne X", "email:invalid", "column-4");

		String token = csrf(mapping.body());
		HttpResponse<String> preview = post(jobPath + "/preview", Map.of("column-0", "name", "column-1", "email",
				"column-2", "phone", "column-3", "postcode", "column-4", "tags", "_csrf", token), true);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview\"").doesNotContain("<html");

		HttpResponse<String> started = post(jobPath + "/start", Map.of("column-0", "name", "column-1", "email",
				"column-2", "phone", "column-3", "postcode", "column-4", "tags", "_csrf", token), false);
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(location(started)).isEqualTo(jobPath);

		Instant deadline = Instant.now().plusSeconds(30);
		String fragment = "";
		while (Instant.now().isBefore(deadline) && !fragment.contains("Terminé")) {
			fragment = send(HttpRequest.newBuilder(uri(jobPath)).header("HX-Request", "true").GET()).body();
			Thread.sleep(200);
		}
		assertThat(fragment).contains("Terminé", "rows.csv").doesNotContain("every 1s");
		HttpResponse<String> report = get(jobPath + "/rows.csv");
		assertThat(report.body()).startsWith("row,status,prospect_id,messages").contains("2,CREATED,");

		HttpResponse<String> list = get("/prospects?sort=name");
		assertThat(list.body()).contains("Agence de la Gare", "Cabinet Martin");
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\"").matcher(list.body());
		assertThat(link.find()).isTrue();
		HttpResponse<String> detail = get("/prospects/" + link.group(1));
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("Provenance des valeurs", "agences.csv");
		assertThat(get("/prospects/duplicates").statusCode()).isEqualTo(200);
		assertThat(get("/prospects?q=gare").body()).contains("Agence de la Gare").doesNotContain("Cabinet Martin");
		assertThat(get("/prospects?lang=en").body()).contains("Import a file");
	}

	@Test
	void refusesABadFileInlineAndHidesOtherOrganisationsAgencies() throws Exception {
		var owner = this.api.newOrganisation("Pages A");
		new ProspectsApi(this.api).importAndWait(owner.token(), "a.csv", "Nom;Ville\nAgence Secrète;Lyon\n");
		String theirs = (String) ((java.util.List<Map<String, Object>>) this.api.get(owner.token(), "/api/v1/prospects")
			.getBody()
			.get("items")).get(0).get("id");
		var other = this.api.newOrganisation("Pages B");
		login(other.email());
		HttpResponse<String> imports = get("/prospects/imports");
		HttpResponse<String> refused = multipart("/prospects/imports", csrf(imports.body()), "entete.csv",
				"Nom;SIRET\n".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("qu’une ligne d’en-tête");
		assertThat(get("/prospects/" + theirs).statusCode()).isEqualTo(404);
		assertThat(get("/prospects").body()).doesNotContain("Agence Secrète");
	}

	private void login(String email) throws Exception {
		HttpResponse<String> page = get("/login");
		HttpResponse<String> response = post("/login",
				Map.of("email", email, "password", ApiClient.PASSWORD, "_csrf", csrf(page.body())), false);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).doesNotContain("error");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) throws Exception {
		String body = form.entrySet()
			.stream()
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

	private HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] content) throws Exception {
		String boundary = "----atlas" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.browser.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in page");
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

}
