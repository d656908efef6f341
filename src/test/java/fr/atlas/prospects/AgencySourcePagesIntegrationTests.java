package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an agency's values came from: about ten for each row that reached it. The details
 * carry the first 500 and how many there are, the rest come a page at a time in the API
 * and in the pages, to the organisation only (ADR 0132 follows ADR 0124).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class AgencySourcePagesIntegrationTests {

	/** Rows of one agency, four values each (name, SIRET, city, phone): 1,200 sources. */
	static final int ROWS = 300;

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	ApiClient.Tenant tenant;

	String agency;

	long total;

	@BeforeAll
	void oneAgencyReachedByEveryRowThenEditedByHand() {
		this.tenant = this.api.newOrganisation("Réseau des sources");
		StringBuilder file = new StringBuilder("Raison sociale;SIRET;Ville;Téléphone\n");
		for (int i = 0; i < ROWS; i++) {
			file.append("Agence Centrale;732 829 320 00074;Lyon;04 72 00 ")
				.append(String.format("%02d %02d", i / 100, i % 100))
				.append('\n');
		}
		Map<String, Object> job = this.prospects.importAndWait(this.tenant.token(), "siege.csv", file.toString());
		assertThat(job).containsEntry("created", 1).containsEntry("merged", ROWS - 1);
		this.agency = this.prospects.idOf(this.tenant.token(), "centrale");
		// a person's edit, recorded after the import: the last source of all
		assertThat(this.api.patch(this.tenant.token(), "/api/v1/prospects/" + this.agency, Map.of("listingCount", 42))
			.getStatusCode()
			.value()).isEqualTo(200);
		this.total = ((Number) page("?size=1").get("total")).longValue();
	}

	@Test
	void theDetailsCarryTheFirstSourcesAndHowManyThereAre() {
		assertThat(this.total).isGreaterThanOrEqualTo(ROWS * 4 + 1);
		Map<String, Object> detail = this.api.get(this.tenant.token(), "/api/v1/prospects/" + this.agency).getBody();
		assertThat((List<?>) detail.get("sources")).hasSize(500);
		assertThat(((Number) detail.get("sourceCount")).longValue()).isEqualTo(this.total);
		assertThat(keys((List<Map<String, Object>>) detail.get("sources")))
			.isEqualTo(keys((List<Map<String, Object>>) page("?size=500").get("items")));
	}

	@Test
	void pagesNeitherRepeatNorSkipASourceAndKeepTheirOrder() {
		Set<String> seen = new HashSet<>();
		List<Map<String, Object>> inOrder = new ArrayList<>();
		int pages = (int) ((this.total + 499) / 500);
		for (int page = 0; page < pages; page++) {
			Map<String, Object> sources = page("?size=500&page=" + page);
			assertThat(((Number) sources.get("total")).longValue()).isEqualTo(this.total);
			List<Map<String, Object>> items = (List<Map<String, Object>>) sources.get("items");
			assertThat(items).hasSize((page < pages - 1) ? 500 : (int) (this.total - 500L * (pages - 1)));
			seen.addAll(keys(items));
			inOrder.addAll(items);
		}
		assertThat(seen).hasSize((int) this.total);
		assertThat(inOrder).extracting((s) -> Instant.parse((String) s.get("recordedAt")))
			.isSortedAccordingTo(Instant::compareTo);
		// the edit by hand came after the import: it is on the last page, last
		Map<String, Object> last = inOrder.get(inOrder.size() - 1);
		assertThat(last).containsEntry("field", "listing_count").containsEntry("value", "42");
		assertThat(inOrder.get(0)).containsEntry("kind", "IMPORT").containsEntry("row", 1);
	}

	@Test
	void pageAndSizeOutOfBoundsAreBroughtBack() {
		assertThat(page("")).containsEntry("size", 100).containsEntry("page", 0);
		assertThat(page("?size=5000")).containsEntry("size", 500);
		assertThat(page("?size=0")).containsEntry("size", 1);
		assertThat(page("?page=-3")).containsEntry("page", 0);
		assertThat((List<?>) page("?page=99").get("items")).isEmpty();
		assertThat(((Number) page("?page=99").get("total")).longValue()).isEqualTo(this.total);
	}

	@Test
	void anotherOrganisationSeesNoneOfThem() throws Exception {
		var other = this.api.newOrganisation("Voisine des sources");
		assertThat(this.api.get(other.token(), "/api/v1/prospects/" + this.agency + "/sources").getStatusCode().value())
			.isEqualTo(404);
		PageSession stranger = new PageSession(this.port).login(other.email());
		assertThat(stranger.get("/prospects/" + this.agency + "/sources").statusCode()).isEqualTo(404);
	}

	@Test
	void theAgencyPageShowsTheFirstAndLinksToAllOfThemAPageAtATime() throws Exception {
		var viewer = this.members.addSignedIn(this.api, this.tenant, "Lecteur", "VIEWER");
		PageSession session = new PageSession(this.port).login(viewer.email());
		String page = session.get("/prospects/" + this.agency).body();
		String panel = page.substring(page.indexOf("id=\"sources\""), page.indexOf("id=\"all-sources\""));
		assertThat(count(panel, "siege.csv · ligne")).isEqualTo(50);
		String shownTotal = String.format("%,d", this.total).replace(',', '\u202F');
		assertThat(panel).contains("(" + shownTotal + ")");
		assertThat(page).contains("Voir la provenance des " + shownTotal + "\u00A0valeurs (cette page en montre 50)")
			.contains("href=\"/prospects/" + this.agency + "/sources\"");

		HttpResponse<String> first = session.get("/prospects/" + this.agency + "/sources");
		assertThat(first.statusCode()).isEqualTo(200);
		int pages = (int) ((this.total + 49) / 50);
		assertThat(first.body()).contains("Provenance des valeurs · Agence Centrale")
			.contains(shownTotal + "\u00A0valeurs")
			.contains("Page 1 sur " + pages);
		assertThat(count(first.body(), "siege.csv · ligne")).isEqualTo(50);
		String sources = "/prospects/" + this.agency + "/sources";
		assertThat(first.body()).contains("rel=\"next\" href=\"" + sources + "?page=1\"")
			.contains("href=\"" + sources + "?page=" + (pages - 1) + "\"")
			.doesNotContain("rel=\"prev\"");
		// the second page leads back to the first by its address without a page
		assertThat(session.get(sources + "?page=1").body()).contains("rel=\"prev\" href=\"" + sources + "\"")
			.contains("Page 2 sur " + pages);
		String last = session.get("/prospects/" + this.agency + "/sources?page=" + (pages - 1)).body();
		assertThat(last).contains("Page " + pages + " sur " + pages).contains("Nombre d’annonces");
	}

	private Map<String, Object> page(String query) {
		var answer = this.api.get(this.tenant.token(), "/api/v1/prospects/" + this.agency + "/sources" + query);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		return answer.getBody();
	}

	/** What tells two sources apart: no two have the same field of the same row. */
	private static List<String> keys(List<Map<String, Object>> sources) {
		return sources.stream()
			.map((s) -> s.get("kind") + ":" + s.get("importId") + ":" + s.get("row") + ":" + s.get("field") + ":"
					+ s.get("recordedAt"))
			.toList();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
