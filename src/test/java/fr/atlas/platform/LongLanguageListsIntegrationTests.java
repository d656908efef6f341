package fr.atlas.platform;

import java.util.Collections;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Accept-Language} header with more than ten languages, as a browser set up
 * with six languages and their regions sends it, is read like a short one (ADR 0106):
 * Tomcat's limit of ten made every page and every problem of the API a 500.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class LongLanguageListsIntegrationTests {

	/** Eleven entries, English first. */
	private static final String POLYGLOT = "en-GB,en;q=0.9,fr-FR;q=0.8,fr;q=0.7,de-DE;q=0.6,de;q=0.5,es-ES;q=0.4,"
			+ "es;q=0.3,it-IT;q=0.2,it;q=0.1,nl;q=0.1";

	@Autowired
	ApiClient api;

	@Test
	void aLongListOfLanguagesIsReadByTheApiAndThePages() {
		ResponseEntity<Map> problem = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header(HttpHeaders.ACCEPT_LANGUAGE, POLYGLOT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.retrieve()
			.toEntity(Map.class);
		assertThat(problem.getStatusCode().value()).isEqualTo(400);
		assertThat(problem.getBody()).containsEntry("title", "Invalid input");

		ResponseEntity<Map> unauthorised = this.api.raw()
			.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de,es,it,pt,nl,pl,sv,da,fi,nb,cs,fr")
			.retrieve()
			.toEntity(Map.class);
		assertThat(unauthorised.getStatusCode().value()).isEqualTo(401);
		// none of them English: French, the default
		assertThat(unauthorised.getBody()).containsEntry("title", "Authentification requise");

		ResponseEntity<String> login = this.api.raw()
			.get()
			.uri("/login")
			.header(HttpHeaders.ACCEPT_LANGUAGE, POLYGLOT)
			.retrieve()
			.toEntity(String.class);
		assertThat(login.getStatusCode().value()).isEqualTo(200);
		assertThat(login.getBody()).contains("<html lang=\"en\"");

		// as many as the largest header holds
		String most = String.join(",", Collections.nCopies(3000, "en"));
		ResponseEntity<String> health = this.api.raw()
			.get()
			.uri("/actuator/health")
			.header(HttpHeaders.ACCEPT_LANGUAGE, most)
			.retrieve()
			.toEntity(String.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
	}

}
