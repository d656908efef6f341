package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
 * and in the pages, to the organisation only (ADR 0124); its merged rows, the first ones
 * in sight (ADR 0128).
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
		// the rows merged into it alike: the first 200, and how many there are
		assertThat((List<?>) detail.get("matchReasons")).hasSize(200);
		assertThat(detail).containsEntry("matchReasonCount", CONTACTS - 1);
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
		// its merged rows: the first 20 in sight, the rest of the 200 a click away, and
		// how many there are
		String merged = page.substring(page.indexOf("id=\"merged-rows\""));
		assertThat(count(merged.substring(0, merged.indexOf("id=\"more-merged-rows\"")), "siege.csv · ligne"))
			.isEqualTo(20);
		assertThat(merged).contains("(249)", "Voir 180\u00A0lignes de plus",
				"Les 200\u00A0premières lignes sur 249 sont listées\u00A0; le rapport de chaque import les donne toutes.");
		String last = session.get("/prospects/" + this.agency + "/contacts?page=12").body();
		assertThat(last).contains("Page 13 sur 13");
		assertThat(count(last, "<strong>Prénom")).isEqualTo(10);
	}

	@Test
	void aChangeMadeFromTheListLeadsBackToItsPage() throws Exception {
		StringBuilder file = new StringBuilder("Raison sociale;E-mail;Prénom;Nom\n");
		for (int i = 0; i < 45; i++) {
			file.append("Agence Annexe;annexe@annexe-lyon.fr;Prénom").append(i).append(";Nom").append(i).append('\n');
		}
		this.prospects.importAndWait(this.tenant.token(), "annexe.csv", file.toString());
		String annexe = this.prospects.idOf(this.tenant.token(), "annexe");
		PageSession session = new PageSession(this.port).login(this.tenant.email());
		String second = session.get("/prospects/" + annexe + "/contacts?page=1").body();
		Matcher edit = Pattern.compile("href=\"(/prospects/" + annexe + "/contacts/[0-9a-f-]{36}/edit\\?listPage=1)\"")
			.matcher(second);
		assertThat(edit.find()).as(second).isTrue();

		// corrected: back to the second page of the list, which says so
		String form = session.get(edit.group(1)).body();
		assertThat(form).contains("name=\"listPage\" value=\"1\"")
			.contains("href=\"/prospects/" + annexe + "/contacts?page=1\"");
		Matcher contact = Pattern.compile("/contacts/([0-9a-f-]{36})/edit").matcher(edit.group(1));
		assertThat(contact.find()).isTrue();
		HttpResponse<String> changed = session.post("/prospects/" + annexe + "/contacts/" + contact.group(1),
				Map.of("_csrf", PageSession.csrf(form), "listPage", "1", "lastName", "Modifiée", "firstName", "Claire"),
				false);
		assertThat(PageSession.location(changed)).isEqualTo("/prospects/" + annexe + "/contacts?page=1");
		assertThat(session.get(PageSession.location(changed)).body()).contains("Contact modifié.");

		// removed: the same, with one contact fewer
		Matcher delete = Pattern
			.compile("action=\"(/prospects/" + annexe + "/contacts/[0-9a-f-]{36}/delete\\?listPage=1)\"")
			.matcher(second);
		assertThat(delete.find()).isTrue();
		HttpResponse<String> removed = session.post(delete.group(1), Map.of("_csrf", PageSession.csrf(second)), false);
		assertThat(PageSession.location(removed)).isEqualTo("/prospects/" + annexe + "/contacts?page=1");
		assertThat(session.get(PageSession.location(removed)).body()).contains("Contact supprimé.", "44\u00A0contacts");
		// from the agency's page, as before: back to it
		String agencyPage = session.get("/prospects/" + annexe).body();
		assertThat(agencyPage).doesNotContain("listPage");
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
