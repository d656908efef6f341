package fr.atlas.tenancy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest names (an organisation's and a member's, 120; a token's, 80) count
 * characters, as the password's minimum does (ADR 0111): an emoji is one, where 61 of
 * them were "too long" for an organisation.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class NameLengthsCountCharactersIntegrationTests {

	private static final String EMOJI = "🏠";

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void anEmojiIsOneCharacterOfAName() {
		String email = "emoji-" + UUID.randomUUID() + "@example.test";
		ResponseEntity<Map> signedUp = this.api.post(null, "/api/v1/signup", Map.of("organisation", EMOJI.repeat(120),
				"name", EMOJI.repeat(120), "email", email, "password", ApiClient.PASSWORD));
		assertThat(signedUp.getStatusCode().value()).as(String.valueOf(signedUp.getBody())).isEqualTo(201);
		ResponseEntity<Map> token = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", email, "password", ApiClient.PASSWORD, "name", EMOJI.repeat(80)));
		assertThat(token.getStatusCode().value()).as(String.valueOf(token.getBody())).isEqualTo(201);
		String bearer = (String) token.getBody().get("token");
		assertThat((Map) this.api.get(bearer, "/api/v1/me").getBody().get("org")).containsEntry("name",
				EMOJI.repeat(120));

		// one more is too long, as it is in letters
		ResponseEntity<Map> longer = this.api.post(null, "/api/v1/signup",
				Map.of("organisation", EMOJI.repeat(121), "name", EMOJI.repeat(121), "email",
						"emoji-" + UUID.randomUUID() + "@example.test", "password", ApiClient.PASSWORD));
		assertThat(longer.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) longer.getBody().get("errors"))
			.extracting((error) -> error.get("field") + " " + error.get("code"))
			.containsExactlyInAnyOrder("organisation field.too-long", "name field.too-long");
		assertThat(this.api
			.post(bearer, "/api/v1/auth/tokens",
					Map.of("email", email, "password", ApiClient.PASSWORD, "name", EMOJI.repeat(81)))
			.getStatusCode()
			.value()).isEqualTo(400);
		ResponseEntity<Map> renamed = this.api.patch(bearer, "/api/v1/organisation",
				Map.of("name", "Agence " + EMOJI.repeat(113)));
		assertThat(renamed.getStatusCode().value()).as(String.valueOf(renamed.getBody())).isEqualTo(200);
		assertThat(this.api.patch(bearer, "/api/v1/organisation", Map.of("name", "Agence " + EMOJI.repeat(114)))
			.getStatusCode()
			.value()).isEqualTo(400);
	}

	/**
	 * A browser's {@code maxlength} counts UTF-16 units, two for an emoji: the pages' own
	 * limit is twice the name's, so that every name the server takes can be typed, and
	 * the server's count in characters says when one is too long (ADR 0114).
	 */
	@Test
	void thePagesLetANameOfEmojiThroughAndTheServerSaysWhenOneIsTooLong() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence des pages " + EMOJI);
		PageSession pages = new PageSession(this.port).login(tenant.email());
		String account = pages.get("/account?lang=fr").body();
		assertThat(account).containsPattern("id=\"member-name\"[^>]*maxlength=\"240\"")
			.containsPattern("id=\"organisation-name\"[^>]*maxlength=\"240\"");
		assertThat(pages.get("/account/tokens?lang=fr").body())
			.containsPattern("id=\"token-name\"[^>]*maxlength=\"160\"");

		HttpResponse<String> named = pages.post("/account/name",
				Map.of("_csrf", PageSession.csrf(account), "name", EMOJI.repeat(120)), false);
		assertThat(named.statusCode()).isEqualTo(302);
		HttpResponse<String> tooLong = pages.post("/account/name",
				Map.of("_csrf", PageSession.csrf(account), "name", "a".repeat(121)), false);
		assertThat(tooLong.body()).contains("id=\"member-name-error\"", "120 caractères au maximum");
	}

	@Test
	void anotherOrganisationsNameIsNotRenamedByThisOne() {
		Tenant one = this.api.newOrganisation("Agence " + EMOJI);
		Tenant other = this.api.newOrganisation("Agence voisine " + EMOJI);
		assertThat(this.api.patch(one.token(), "/api/v1/organisation", Map.of("name", EMOJI.repeat(100)))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat((Map) this.api.get(other.token(), "/api/v1/me").getBody().get("org")).containsEntry("name",
				"Agence voisine " + EMOJI);
	}

}
