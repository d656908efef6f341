package fr.atlas.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors Spring MVC raises itself, before or around a controller, come out as the API's
 * problem details in the caller's language, like the application's own errors.
 */
@WebIntegrationTest
class ApiErrorsIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	ApiClient.Tenant tenant;

	@BeforeEach
	void organisation() {
		this.api = new ApiClient(this.port);
		this.tenant = this.api.newOrganisation("Erreurs de l'API");
	}

	/**
	 * An Accept header that cannot be read was a 406 without a body: Spring could write
	 * its problem in no type the header accepts.
	 */
	@Test
	void anUnreadableAcceptHeaderIsAProblemInTheCallersLanguage() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String language : List.of("fr", "en")) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/me"))
					.header("Authorization", "Bearer " + this.tenant.token())
					.header("Accept", "text/*;q=abc")
					.header("Accept-Language", language)
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			assertThat(response.body()).contains("\"type\":\"https://atlas.test/problems/unreadable-accept\"")
				.contains(
						language.equals("fr") ? "L’en-tête Accept est illisible" : "The Accept header cannot be read");
		}
	}

	@Test
	void anUnknownPathIsAProblemInFrench() {
		ResponseEntity<Map> response = request("GET", "/api/v1/nulle-part", null, null, "fr");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("title", "Introuvable")
			.containsEntry("detail", "Rien à l’adresse /api/v1/nulle-part.");
	}

	@Test
	void aMethodNoEndpointTakesIsAProblemInTheCallersLanguage() {
		ResponseEntity<Map> french = request("PUT", "/api/v1/imports", MediaType.APPLICATION_JSON, "{}", "fr");
		assertThat(french.getStatusCode().value()).isEqualTo(405);
		assertThat(french.getBody()).containsEntry("title", "Méthode non autorisée")
			.containsEntry("detail", "La méthode PUT n’est pas acceptée à cette adresse.");
		ResponseEntity<Map> english = request("PUT", "/api/v1/imports", MediaType.APPLICATION_JSON, "{}", "en");
		assertThat(english.getBody()).containsEntry("title", "Method not allowed")
			.containsEntry("detail", "Method PUT is not accepted at this address.");
	}

	@Test
	void anAddressThatOnlyTakesAnotherMethodSaysSoRatherThanReadingItAsAnId() {
		ResponseEntity<Map> feed = request("GET", "/api/v1/cases/calendar-feed", null, null, "fr");
		assertThat(feed.getStatusCode().value()).isEqualTo(405);
		assertThat(feed.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(feed.getBody()).containsEntry("title", "Méthode non autorisée")
			.containsEntry("detail", "La méthode GET n’est pas acceptée à cette adresse.");
		ResponseEntity<Map> searches = request("PATCH", "/api/v1/prospects/searches", MediaType.APPLICATION_JSON, "{}",
				"en");
		assertThat(searches.getStatusCode().value()).isEqualTo(405);
		assertThat(searches.getHeaders().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);
		ResponseEntity<Map> validate = request("GET", "/api/v1/case-types/LEAD_ACHAT/workflows/validate", null, null,
				"fr");
		assertThat(validate.getStatusCode().value()).isEqualTo(405);
		assertThat(validate.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(
				request("PATCH", "/api/v1/cases/working-hours", MediaType.APPLICATION_JSON, "{}", "fr").getStatusCode()
					.value())
			.isEqualTo(405);
		// a word that is no id, where no other address is written out, is still an
		// invalid id
		ResponseEntity<Map> notAnId = request("GET", "/api/v1/cases/pas-un-id", null, null, "fr");
		assertThat(notAnId.getStatusCode().value()).isEqualTo(400);
		assertThat(notAnId.getBody()).containsEntry("detail",
				"Valeur invalide pour «\u00A0id\u00A0»\u00A0: «\u00A0pas-un-id\u00A0».");
	}

	@Test
	void anUploadSentAsJsonIsAProblem() {
		ResponseEntity<Map> response = request("POST", "/api/v1/imports", MediaType.APPLICATION_JSON, "{}", "fr");
		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertThat(response.getBody()).containsEntry("title", "Type de contenu non pris en charge");
		assertThat((String) response.getBody().get("detail")).startsWith("Le type de contenu «\u00A0application/json");
		// nothing sent at all names no type
		ResponseEntity<Map> empty = request("POST", "/api/v1/imports", null, null, "fr");
		assertThat(empty.getStatusCode().value()).isEqualTo(415);
		assertThat((String) empty.getBody().get("detail")).startsWith("La demande n’a pas de contenu")
			.doesNotContain("null");
		assertThat(empty.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}

	@Test
	void badValuesAndUnreadableBodiesAreExplained() {
		ResponseEntity<Map> page = request("GET", "/api/v1/prospects?page=abc", null, null, "fr");
		assertThat(page.getStatusCode().value()).isEqualTo(400);
		assertThat(page.getBody()).containsEntry("detail",
				"Valeur invalide pour «\u00A0page\u00A0»\u00A0: «\u00A0abc\u00A0».");
		ResponseEntity<Map> body = request("POST", "/api/v1/prospects/" + UUID.randomUUID() + "/merge",
				MediaType.APPLICATION_JSON, "{pas du json", "en");
		assertThat(body.getStatusCode().value()).isEqualTo(400);
		assertThat(body.getBody()).containsEntry("detail", "The request body cannot be read: send valid JSON.");
	}

	@Test
	void aValueOfTheWrongTypeNamesItsFieldAndWhatItExpects() {
		String anyCase = "/api/v1/cases/" + UUID.randomUUID();
		assertThat(fieldError(request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\",\"dueDate\":\"31/12/2026\"}", "fr")))
			.containsEntry("field", "dueDate")
			.containsEntry("code", "json.expected.date")
			.containsEntry("message", "Date attendue, au format AAAA-MM-JJ (par exemple 2026-12-31)");
		assertThat(fieldError(request("POST", anyCase + "/tasks", MediaType.APPLICATION_JSON,
				"{\"title\":\"Appeler\",\"dueAt\":\"demain\"}", "en")))
			.containsEntry("field", "dueAt")
			.containsEntry("code", "json.expected.date-time");
		assertThat(fieldError(
				request("PUT", "/api/v1/modules/cases", MediaType.APPLICATION_JSON, "{\"enabled\":\"yes\"}", "en")))
			.containsEntry("field", "enabled")
			.containsEntry("message", "true or false is expected (without quotes)");
		assertThat(fieldError(request("PUT", "/api/v1/members/" + this.tenant.userId() + "/roles",
				MediaType.APPLICATION_JSON, "{\"roles\":\"AGENT\"}", "fr")))
			.containsEntry("field", "roles")
			.containsEntry("code", "json.expected.list");
		// a nested field is named by its path
		assertThat(fieldError(request("PUT", "/api/v1/case-types/LEAD_ACHAT/assignment-rules",
				MediaType.APPLICATION_JSON, "{\"rules\":[{\"name\":\"Paris\",\"assignees\":[\"moi\"]}]}", "fr")))
			.containsEntry("field", "rules[0].assignees[0]")
			.containsEntry("code", "json.expected.uuid");
		// JSON that cannot be read at all is still said so
		ResponseEntity<Map> broken = request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON, "{\"dueDate\": 31/12",
				"fr");
		assertThat(broken.getStatusCode().value()).isEqualTo(400);
		assertThat(broken.getBody())
			.containsEntry("detail", "Le corps de la requête est illisible\u00A0: envoyez un JSON valide.")
			.doesNotContainKey("errors");
	}

	/** A hole in a list reached each endpoint's code, which failed with a 500. */
	@Test
	void aNullInsideAListNamesItsPlace() {
		assertThat(fieldError(request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\",\"tags\":[\"vip\",null]}", "fr")))
			.containsEntry("field", "tags[1]")
			.containsEntry("code", "json.expected.text");
		assertThat(fieldError(request("PUT", "/api/v1/members/" + this.tenant.userId() + "/roles",
				MediaType.APPLICATION_JSON, "{\"roles\":[null]}", "en")))
			.containsEntry("field", "roles[0]");
		// a list sent empty, or left out, is still a list
		assertThat(request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\",\"tags\":[]}", "fr")
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	/** No JDBC timestamp holds the year 999999999: the task failed with a 500. */
	@Test
	void aDateBeyondTheYear9999IsRefused() {
		Map<String, Object> created = request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\"}", "fr")
			.getBody();
		assertThat(fieldError(request("POST", "/api/v1/cases/" + created.get("id") + "/tasks",
				MediaType.APPLICATION_JSON, "{\"title\":\"Relancer\",\"dueAt\":\"+999999999-12-31T00:00:00Z\"}", "fr")))
			.containsEntry("field", "dueAt")
			.containsEntry("code", "json.expected.date-time");
		assertThat(fieldError(request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\",\"dueDate\":\"+10000-01-01\"}", "en")))
			.containsEntry("field", "dueDate")
			.containsEntry("code", "json.expected.date");
		assertThat(request("POST", "/api/v1/cases/" + created.get("id") + "/tasks", MediaType.APPLICATION_JSON,
				"{\"title\":\"Relancer\",\"dueAt\":\"9999-12-31T00:00:00Z\"}", "fr")
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	/** Jackson reads 1e400 as infinity: it was stored, and read back as "Infinity". */
	@Test
	void aNumberPastWhatADoubleHoldsIsRefused() {
		assertThat(fieldError(request("POST", "/api/v1/cases", MediaType.APPLICATION_JSON,
				"{\"caseType\":\"LEAD_ACHAT\",\"title\":\"T\",\"fields\":{\"budget\":1e400}}", "fr")))
			.containsEntry("field", "fields.budget")
			.containsEntry("code", "case.field.invalid-number");
	}

	private static Map<String, Object> fieldError(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	@Test
	void aFileWhereTextIsExpectedIsTheCallersMistake() {
		String boundary = "atlas-boundary";
		String body = "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"format\"; filename=\"format.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\ncsv\r\n--" + boundary + "--\r\n";
		MediaType multipart = MediaType.parseMediaType("multipart/form-data; boundary=" + boundary);
		ResponseEntity<Map> export = request("GET", "/api/v1/prospects/export", multipart, body, "fr");
		assertThat(export.getStatusCode().value()).isEqualTo(400);
		assertThat(export.getBody()).containsEntry("title", "Requête invalide")
			.containsEntry("detail", "Le paramètre «\u00A0format\u00A0» doit être un texte, pas un fichier.");
		ResponseEntity<Map> english = request("GET", "/api/v1/prospects/export", multipart, body, "en");
		assertThat(english.getBody()).containsEntry("detail", "Parameter \"format\" must be text, not a file.");
	}

	@Test
	void anUnreadableMultipartBodyIsTheCallersMistake() {
		ResponseEntity<Map> noBoundary = request("POST", "/api/v1/imports",
				MediaType.parseMediaType("multipart/form-data"), "n'importe quoi", "fr");
		assertThat(noBoundary.getStatusCode().value()).isEqualTo(400);
		assertThat(noBoundary.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat((String) noBoundary.getBody().get("detail")).startsWith("Le corps multipart de la requête");
		String cutOff = "--atlas\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nRaison sociale\nAgence";
		ResponseEntity<Map> english = request("POST", "/api/v1/imports",
				MediaType.parseMediaType("multipart/form-data; boundary=atlas"), cutOff, "en");
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat((String) english.getBody().get("detail")).startsWith("The request's multipart body cannot be read");
	}

	@Test
	void aSearchForANulCharacterOrForPunctuationFindsNothingRatherThanFailing() {
		new fr.atlas.prospects.ProspectsApi(this.api).importAndWait(this.tenant.token(), "a.csv", """
				Raison sociale;Ville
				Agence du Port;Brest
				Cabinet 100% Immo;Brest
				""");
		// a NUL character is dropped (PostgreSQL could not compare text holding one): an
		// empty search
		for (String q : new String[] { "%00", "Agence%00", "%25", "_", "%27", "@", "%5C" }) {
			ResponseEntity<Map> response = request("GET",
					java.net.URI.create("http://localhost:" + this.port + "/api/v1/prospects?q=" + q).toString(), null,
					null, "fr");
			assertThat(response.getStatusCode().value()).as(q).isEqualTo(200);
			assertThat(((Number) response.getBody().get("total")).intValue()).as(q)
				.isLessThanOrEqualTo(q.equals("%00") ? 2 : 1);
		}
		ResponseEntity<Map> percent = request("GET", "/api/v1/prospects?q={q}", null, null, "fr", "100%");
		assertThat(percent.getBody()).containsEntry("total", 1);
		// a "%" between words separates them as a space does (ADR 0081): the agency of
		// both words; alone ("%25" above) it is no pattern that finds every agency
		ResponseEntity<Map> between = request("GET", "/api/v1/prospects?q={q}", null, null, "fr", "Cabinet%Immo");
		assertThat(between.getBody()).containsEntry("total", 1);
	}

	@Test
	void pagesKeepTheirOwnErrors() {
		var response = this.api.raw()
			.get()
			.uri("/nulle-part")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isNotEqualTo(200);
		assertThat(response.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private ResponseEntity<Map> request(String method, String path, MediaType type, String body, String language,
			Object... variables) {
		var request = this.api.raw().method(HttpMethod.valueOf(method));
		var spec = (path.startsWith("http") ? request.uri(java.net.URI.create(path)) : request.uri(path, variables))
			.headers((headers) -> {
				headers.setBearerAuth(this.tenant.token());
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
			});
		if (type != null) {
			spec = spec.contentType(type).body(body);
		}
		return spec.retrieve().toEntity(Map.class);
	}

}
