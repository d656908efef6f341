package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's standard case types come in the language of the member who signed it
 * up, French unless they asked for English; the workflow page says delays in the reader's
 * language.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseTypeSeedingIntegrationTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void seedsTasksAndNoticesInTheSigningUpMembersLanguage() throws Exception {
		String english = signUp("en");
		assertThat(entryActionNames(english))
			.contains("First contact with the buyer",
					"Offer received: tell the seller and prepare the preliminary contract")
			.doesNotContain("Premier contact avec l’acheteur");
		String french = signUp(null);
		assertThat(entryActionNames(french))
			.contains("Premier contact avec l’acheteur", "Offre reçue : prévenez le vendeur et préparez le compromis")
			.doesNotContain("First contact with the buyer");
	}

	@Test
	void theWorkflowPageSaysDelaysInTheReadersLanguage() throws Exception {
		String englishEmail = "owner-" + UUID.randomUUID() + "@example.test";
		signUp("en", englishEmail);
		String page = new CasePagesIntegrationTests.Session(this.port, englishEmail)
			.get("/cases/types/LEAD_ACHAT/workflow")
			.body();
		assertThat(page).contains("2 d", "7 d", "14 d").doesNotContain("2 j", "14 j");
		String frenchEmail = "owner-" + UUID.randomUUID() + "@example.test";
		signUp(null, frenchEmail);
		assertThat(new CasePagesIntegrationTests.Session(this.port, frenchEmail).get("/cases/types/LEAD_ACHAT/workflow")
			.body()).contains("2 j", "14 j");
	}

	private List<String> entryActionNames(String token) {
		Map<String, Object> export = this.api.get(token, "/api/v1/case-types/LEAD_ACHAT").getBody();
		return ((List<Map<String, Object>>) ((Map) export.get("workflow")).get("states")).stream()
			.flatMap((state) -> ((List<Map<String, Object>>) state.getOrDefault("onEnter", List.of())).stream())
			.map((action) -> (String) action.get("name"))
			.toList();
	}

	private String signUp(String language) {
		String email = "owner-" + UUID.randomUUID() + "@example.test";
		signUp(language, email);
		return this.api.token(email, ApiClient.PASSWORD);
	}

	private void signUp(String language, String email) {
		var response = this.api.raw().post().uri("/api/v1/signup").headers((h) -> {
			if (language != null) {
				h.set("Accept-Language", language);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("organisation", "Agence " + language, "name", "Owner", "email", email, "password",
					ApiClient.PASSWORD))
			.retrieve()
			.toBodilessEntity();
		assertThat(response.getStatusCode().value()).isEqualTo(201);
	}

}
