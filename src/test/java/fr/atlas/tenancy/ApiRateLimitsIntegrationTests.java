package fr.atlas.tenancy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each organisation has its own API budget: using it up answers 429 to that organisation
 * only, and a costly endpoint runs out before the overall budget does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"atlas.rate-limits.api-requests-per-minute-per-organisation=" + ApiRateLimitsIntegrationTests.BUDGET,
		"atlas.rate-limits.endpoints[0].method=GET", "atlas.rate-limits.endpoints[0].path=/api/v1/prospects/duplicates",
		"atlas.rate-limits.endpoints[0].requests=2", "atlas.rate-limits.endpoints[0].per=1h" })
// a context of its own, closed after the class so that its connections go back to the
// database
@DirtiesContext
class ApiRateLimitsIntegrationTests {

	static final int BUDGET = 6;

	@LocalServerPort
	int port;

	HttpClient http;

	@BeforeEach
	void setUp() {
		this.http = HttpClient.newHttpClient();
	}

	@AfterEach
	void tearDown() {
		this.http.close();
	}

	@Test
	void anOrganisationThatUsedItsBudgetWaitsAndTheOthersDoNot() {
		ApiClient api = new ApiClient(this.port);
		Tenant busy = api.newOrganisation("Agence Pressée");
		Tenant quiet = api.newOrganisation("Agence Tranquille");

		for (int i = 1; i <= BUDGET; i++) {
			HttpResponse<String> response = get(busy, "/api/v1/me", "fr");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(BUDGET));
			assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(BUDGET - i));
		}
		HttpResponse<String> refused = get(busy, "/api/v1/me", "fr");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("\"status\":429")
			.contains("Trop de requêtes pour votre organisation")
			// the wait in words and the address, as the controllers' problems say them
			.containsPattern("\"detail\":\"Réessayez dans [0-9]+ secondes?\\.\"")
			.contains("\"instance\":\"/api/v1/me\"");
		assertThat(get(busy, "/api/v1/me", "en").body()).contains("Too many requests for your organisation")
			.containsPattern("\"detail\":\"Try again in [0-9]+ seconds?\\.\"");

		HttpResponse<String> other = get(quiet, "/api/v1/me", "fr");
		assertThat(other.statusCode()).as("another organisation keeps its own budget").isEqualTo(200);
		assertThat(other.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(BUDGET - 1));
	}

	@Test
	void aCostlyEndpointHasABudgetOfItsOwn() {
		Tenant org = new ApiClient(this.port).newOrganisation("Agence des Doublons");
		assertThat(get(org, "/api/v1/prospects/duplicates", "fr").statusCode()).isEqualTo(200);
		assertThat(get(org, "/api/v1/prospects/duplicates", "fr").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = get(org, "/api/v1/prospects/duplicates", "fr");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("2");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
		assertThat(get(org, "/api/v1/me", "fr").statusCode()).as("the rest of the API still answers").isEqualTo(200);
	}

	private HttpResponse<String> get(Tenant tenant, String path, String language) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + tenant.token())
			.header("Accept-Language", language)
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
