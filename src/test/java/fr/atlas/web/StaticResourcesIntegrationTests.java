package fr.atlas.web;

import java.net.http.HttpResponse;

import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Style sheets, scripts and webjars are served from their own paths, and only links to
 * those go through the resource chain: a page's links to agencies and cases are not
 * looked up as files in the jar (two milliseconds each, a second for a page of many).
 */
@WebIntegrationTest
class StaticResourcesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void servesStaticFilesFromTheirOwnPathsOnly() throws Exception {
		assertThat(this.resources.getHandlerMap()).containsKeys("/css/**", "/js/**", "/img/**", "/webjars/**")
			.doesNotContainKey("/**");
		assertThat(this.resources.getForLookupPath("/prospects/0195e8a4-7b1e-7000-8000-000000000001/merge")).isNull();
		assertThat(this.resources.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
			.matches("/webjars/htmx\\.org/[\\d.]+/dist/htmx\\.min\\.js");

		PageSession anonymous = new PageSession(this.port);
		for (String path : new String[] { "/css/atlas.css", "/js/atlas.js", "/img/atlas.svg",
				"/webjars/htmx.org/dist/htmx.min.js" }) {
			HttpResponse<String> file = anonymous.get(path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.body()).as(path).isNotBlank();
		}
		// the pages name their icon
		assertThat(anonymous.get("/login").body())
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/atlas.svg\">");
	}

	/**
	 * A page or file that does not exist is the pages' own 404, in words, outside the
	 * API; the API keeps its problem details.
	 */
	@Test
	void aMissingPageOrFileIsThePagesOwn404() throws Exception {
		PageSession anonymous = new PageSession(this.port);
		HttpResponse<String> icon = anonymous.get("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(404);
		HttpResponse<String> missing = anonymous.get("/css/absent.css");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).doesNotContain("Exception", "at org.");
		assertThat(new PageSession(this.port).get("/api/v1/absent").headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

}
