package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's id of blanks ({@code /api/v1/prospects/%20}) is no id: its 400 came with
 * Spring's English detail, "Required path variable 'id' is not present.", under a French
 * title (ADR 0110).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class BlankIdIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void aBlankIdIsAMissingFieldInTheCallersLanguage() {
		var tenant = this.api.newOrganisation("Identifiant vide");
		Map<String, Object> french = problem(tenant.token(), HttpMethod.GET, "/api/v1/prospects/ ", "fr");
		assertThat(french).containsEntry("status", 400)
			.containsEntry("title", "Données invalides")
			.containsEntry("detail", "id\u00A0: champ obligatoire.");
		assertThat((List<Map<String, Object>>) french.get("errors")).singleElement()
			.satisfies(
					(error) -> assertThat(error).containsEntry("field", "id").containsEntry("code", "field.required"));
		Map<String, Object> english = problem(tenant.token(), HttpMethod.POST, "/api/v1/prospects/ /unmerge", "en");
		assertThat(english).containsEntry("status", 400)
			.containsEntry("title", "Invalid input")
			.containsEntry("detail", "id: required.");
	}

	/** {@code path} with a space, which the client sends as {@code %20}. */
	private Map<String, Object> problem(String token, HttpMethod method, String path, String language) {
		Map<String, Object> body = this.api.raw()
			.method(method)
			.uri(path)
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", language)
			.retrieve()
			.body(Map.class);
		return body;
	}

}
