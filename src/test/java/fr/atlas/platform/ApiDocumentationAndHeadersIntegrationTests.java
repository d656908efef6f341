package fr.atlas.platform;

import java.net.URI;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
class ApiDocumentationAndHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishesTheOpenApiDocumentAndSwaggerUi() {
		var api = new ApiClient(this.port);
		var docs = api.getText(null, "/v3/api-docs");
		assertThat(docs.getStatusCode().value()).isEqualTo(200);
		assertThat(docs.getBody()).contains("/api/v1/signup", "/api/v1/auth/tokens", "/api/v1/me");
		// the prospects API, which other tools depend on, says what each address does
		assertThat(docs.getBody()).contains("/api/v1/imports/{id}/rows", "An import's row-by-row report",
				"Add an agency by hand", "\"name\":\"Prospects\"", "\"name\":\"Imports\"");
		// the list's filters, each its own query parameter
		assertThat(docs.getBody()).contains("\"name\":\"headcount\",\"in\":\"query\"",
				"\"name\":\"minRevenue\",\"in\":\"query\"", "\"name\":\"city\",\"in\":\"query\"",
				"/api/v1/prospects/searches");
		var ui = api.getText(null, "/swagger-ui/index.html");
		assertThat(ui.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		var login = new ApiClient(this.port).getText(null, "/login");
		assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-eval")
			.contains("frame-ancestors 'none'");
		assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.getBody()).doesNotContain("<script>");
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemInTheCallersLanguage() {
		var api = new ApiClient(this.port);
		var french = api.raw().get().uri(verbatim("/api/v1/cases//transitions")).retrieve().toEntity(String.class);
		assertThat(french.getStatusCode().value()).isEqualTo(400);
		assertThat(french.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(french.getBody()).contains("Adresse refusée").contains("bad-path");
		var english = api.raw()
			.get()
			.uri(verbatim("/api/v1/prospects//duplicates"))
			.header("Accept-Language", "en")
			.retrieve()
			.toEntity(String.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat(english.getBody()).contains("Address refused");
		var page = api.raw()
			.get()
			.uri(verbatim("/prospects//x"))
			.header("Accept", "text/html")
			.retrieve()
			.toEntity(String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(400);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
	}

	/** Spring's URI builder would fold the double slash the firewall is to see. */
	private URI verbatim(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void seedsNoDemoUsersOutsideDemoMode() {
		assertThat(this.jdbc.sql("select atlas_email_taken('owner@demo.atlas.test')").query(Boolean.class).single())
			.isFalse();
	}

}
