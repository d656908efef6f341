package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * An agency that a file's rows reached by the hundred has as many contacts: its details
 * carry the first ones and their number, and the rest come a page at a time, in the API
 * and in the pages, to the organisation only (ADR 0124).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class AgencyContactPagesIntegrationTests {

	/** More than the details carry (200). */
	static final int CONTACTS = 250;

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

	@BeforeAll
	void oneAgencyReachedByEveryRow() {
		this.tenant = this.api.newOrganisation("Réseau");
		StringBuilder file = new StringBuilder("Raison sociale;SIRET;Prénom;Nom;E-mail\n");
		for (int i = 0; i < CONTACTS; i++) {
			file.append("Agence Centrale;732 829 320 00074;Prénom")
				.append(i)
				.append(";Nom")
				.append(i % 7)
				.append(";personne")
				.append(i)
				.append("@centrale.fr\n");
		}
		Map<String, Object> job = this.prospects.importAndWait(this.tenant.token(), "siege.csv", file.toString());
		assertThat(job).containsEntry("created", 1).containsEntry("merged", CONTACTS - 1);
		this.agency = this.prospects.idOf(this.tenant.token(), "centrale");
	}

	@Test
	void theDetailsCarryTheFirstContactsAndHowManyThereAre() {
		Map<String, Object> detail = this.api.get(this.tenant.token(), "/api/v1/prospects/" + this.agency).getBody();
		assertThat((List<?>) detail.get("contacts")).hasSize(200);
		assertThat(detail).containsEntry("contactCount", CONTACTS);
		assertThat(ids((List<Map<String, Object>>) detail.get("contacts")))
			.isEqualTo(ids(page("?size=200").get("items")));
	}

	@Test
	void pagesNeitherRepeatNorSkipAContact() {
		Set<Object> seen = new HashSet<>();
		List<Object> inOrder = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			Map<String, Object> contacts = page("?size=100&page=" + page);
			assertThat(contacts).containsEntry("total", CONTACTS)
				.containsEntry("page", page)
				.containsEntry("size", 100);
			List<Object> items = ids((List<Map<String, Object>>) contacts.get("items"));
			assertThat(items).hasSize((page < 2) ? 100 : 50);
			seen.addAll(items);
			inOrder.addAll(items);
		}
		assertThat(seen).hasSize(CONTACTS);
		// by last name, as the agency's page lists them
		List<Object> names = ((List<Map<String, Object>>) page("?size=200").get("items")).stream()
			.map((c) -> c.get("lastName"))
			.toList();
		assertThat(names).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
		assertThat(inOrder.subList(0, 200)).isEqualTo(ids(page("?size=200").get("items")));
	}

	@Test
	void pageAndSizeOutOfBoundsAreBroughtBack() {
		assertThat(page("")).containsEntry("size", 50).containsEntry("page", 0);
		assertThat(page("?size=5000")).containsEntry("size", 200);
		assertThat(page("?size=0")).containsEntry("size", 1);
		assertThat(page("?page=-3")).containsEntry("page", 0);
		assertThat((List<?>) page("?page=99").get("items")).isEmpty();
		assertThat(page("?page=99")).containsEntry("total", CONTACTS);
	}

	@Test
	void anotherOrganisationSeesNoneOfThem() throws Exception {
		var other = this.api.newOrganisation("Voisine");
		assertThat(
				this.api.get(other.token(), "/api/v1/prospects/" + this.agency + "/contacts").getStatusCode().value())
			.isEqualTo(404);
		PageSession stranger = new PageSession(this.port).login(other.email());
		assertThat(stranger.get("/prospects/" + this.agency + "/contacts").statusCode()).isEqualTo(404);
	}

	@Test
	void theAgencyPageShowsTheFirstAndLinksToAllOfThemAPageAtATime() throws Exception {
		// a viewer reads them too: only the changes are an agent's
		var viewer = this.members.addSignedIn(this.api, this.tenant, "Lectrice", "VIEWER");
		PageSession session = new PageSession(this.port).login(viewer.email());
		String page = session.get("/prospects/" + this.agency).body();
		assertThat(count(page, "<strong>Prénom")).isEqualTo(20);
		assertThat(page).contains("Voir les 250\u00A0contacts (cette page en montre 20)")
			.contains("href=\"/prospects/" + this.agency + "/contacts\"");

		HttpResponse<String> first = session.get("/prospects/" + this.agency + "/contacts");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Contacts · Agence Centrale")
			.contains("250\u00A0contacts")
			.contains("Page 1 sur 13")
			.doesNotContain("Modifier</a>");
		assertThat(count(first.body(), "<strong>Prénom")).isEqualTo(20);
		String last = session.get("/prospects/" + this.agency + "/contacts?page=12").body();
		assertThat(last).contains("Page 13 sur 13");
		assertThat(count(last, "<strong>Prénom")).isEqualTo(10);
	}

	private Map<String, Object> page(String query) {
		var answer = this.api.get(this.tenant.token(), "/api/v1/prospects/" + this.agency + "/contacts" + query);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		return answer.getBody();
	}

	private static List<Object> ids(Object contacts) {
		return ((List<Map<String, Object>>) contacts).stream().map((c) -> c.get("id")).toList();
	}

	private static long count(String html, String text) {
		return Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
	}

}
