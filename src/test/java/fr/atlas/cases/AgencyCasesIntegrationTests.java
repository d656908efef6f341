package fr.atlas.cases;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.AtOnce;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency's page lists the cases it is a party to, with their state, and only its own
 * organisation's; the panel goes with the cases module.
 */
@WebIntegrationTest
class AgencyCasesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	@SuppressWarnings("unchecked")
	void anAgencysPageListsItsCasesAndNoOtherOrganisations() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence aux dossiers");
		Tenant other = this.api.newOrganisation("Agence voisine aux dossiers");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Lac;04 50 00 00 01;74000;Annecy
				Cabinet Sans Dossier;04 50 00 00 02;74000;Annecy
				""");
		List<Map<String, Object>> agencies = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?sort=name")
			.getBody()
			.get("items");
		String lac = (String) agencies.get(0).get("id");
		String alone = (String) agencies.get(1).get("id");
		String caseId = newCase(tenant, "Prospection du Lac");
		link(tenant, caseId, lac);
		// another organisation cannot name the same id in a case of its own
		assertThat(this.api
			.post(other.token(), "/api/v1/cases/" + newCase(other, "Dossier voisin") + "/parties",
					Map.of("type", "AGENCY", "id", lac, "label", "Agence du Lac"))
			.getStatusCode()
			.value()).isEqualTo(400);

		PageSession session = new PageSession(this.port).login(tenant.email());
		String page = session.get("/prospects/" + lac).body();
		assertThat(page)
			.contains("<h2>Dossiers</h2>", "href=\"/cases/" + caseId + "\"", "Prospection du Lac", "Nouveau")
			.doesNotContain("Dossier voisin");
		assertThat(session.get("/prospects/" + alone).body()).contains("Cette agence n’est partie à aucun dossier.");

		// without the cases module, no panel
		assertThat(this.api.put(tenant.token(), "/api/v1/modules/cases", Map.of("enabled", false))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(session.get("/prospects/" + lac).body()).doesNotContain("<h2>Dossiers</h2>", "Prospection du Lac");
	}

	@Test
	@SuppressWarnings("unchecked")
	void opensTheAgencysProspectionCaseFromItsPageOnce() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence qui prospecte");
		Tenant other = this.api.newOrganisation("Agence qui regarde");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;SIREN;E-mail;Code postal;Ville;Nom du contact;Prénom
				AGENCE DES CIMES;732829320;cimes@agence.fr;74000;ANNECY;Garnier;Léa
				""");
		String cimes = this.prospects.idOf(tenant.token(), "cimes");
		PageSession session = new PageSession(this.port).login(tenant.email());
		String page = session.get("/prospects/" + cimes).body();
		assertThat(page).contains("action=\"/cases/from-agency\"", "Ouvrir un dossier de prospection");
		Map<String, String> form = new java.util.HashMap<>(hiddenFields(page));
		assertThat(form.keySet()).containsAll(fr.atlas.platform.web.AgencyPanel.Action.FIELDS);
		assertThat(form).containsEntry("agencyId", cimes)
			.containsEntry("agencyName", "Agence des Cimes")
			.containsEntry("siren", "732829320")
			.containsEntry("city", "Annecy")
			.containsEntry("email", "cimes@agence.fr")
			.containsEntry("contactName", "Léa Garnier");

		var opened = session.post("/cases/from-agency", form, false);
		assertThat(opened.statusCode()).isEqualTo(302);
		String casePath = PageSession.location(opened);
		assertThat(casePath).matches("/cases/[0-9a-f-]{36}");
		String caseId = casePath.substring("/cases/".length());
		assertThat(session.get(casePath).body()).contains(
				"Dossier de prospection ouvert pour «\u00a0Agence des Cimes\u00a0».",
				"href=\"/prospects/" + cimes + "\">Agence des Cimes</a>");
		Map<String, Object> created = this.api.get(tenant.token(), "/api/v1/cases/" + caseId).getBody();
		assertThat(created).containsEntry("caseType", "PROSPECTION")
			.containsEntry("title", "Agence des Cimes (Annecy)")
			.containsEntry("assigneeId", tenant.userId().toString());
		assertThat((Map<String, Object>) created.get("fields")).containsEntry("agencyName", "Agence des Cimes")
			.containsEntry("siren", "732829320")
			.containsEntry("email", "cimes@agence.fr")
			.containsEntry("contactName", "Léa Garnier");
		// the agency in prospection shows its case, without the button
		assertThat(session.get("/prospects/" + cimes).body()).contains("href=\"/cases/" + caseId + "\"")
			.doesNotContain("action=\"/cases/from-agency\"");

		// a second click finds the open case rather than opening another
		var again = session.post("/cases/from-agency", form, false);
		assertThat(PageSession.location(again)).isEqualTo(casePath);
		assertThat(session.get(casePath).body())
			.contains("«\u00a0Agence des Cimes\u00a0» a déjà un dossier de prospection ouvert");
		List<Object> cases = (List<Object>) this.api.get(tenant.token(), "/api/v1/cases?type=PROSPECTION")
			.getBody()
			.get("items");
		assertThat(cases).hasSize(1);

		// another organisation opening a case under the same agency id, not its own,
		// opens none, and sees none of this one
		PageSession neighbour = new PageSession(this.port).login(other.email());
		form.put("_csrf", PageSession.csrf(neighbour.get("/cases").body()));
		var theirs = neighbour.post("/cases/from-agency", form, false);
		assertThat(PageSession.location(theirs)).isEqualTo("/prospects/" + cimes);
		assertThat((List<Object>) this.api.get(other.token(), "/api/v1/cases?type=PROSPECTION").getBody().get("items"))
			.isEmpty();
		assertThat(this.api.get(other.token(), "/api/v1/cases/" + caseId).getStatusCode().value()).isEqualTo(404);
	}

	/**
	 * Clicks that arrive together (a double click, two tabs) take turns on the agency's
	 * lock: the first opens the case, the others find it.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void clicksAtOnceOpenOneCase() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence pressée");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Code postal;Ville
				Agence du Lac;lac@agence.fr;74000;Annecy
				""");
		String lac = this.prospects.idOf(tenant.token(), "lac");
		PageSession session = new PageSession(this.port).login(tenant.email());
		Map<String, String> form = hiddenFields(session.get("/prospects/" + lac).body());
		List<String> opened = AtOnce.run(6, () -> {
			var response = session.post("/cases/from-agency", form, false);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			return PageSession.location(response);
		});
		assertThat(java.util.Set.copyOf(opened)).singleElement().asString().matches("/cases/[0-9a-f-]{36}");
		assertThat((List<Object>) this.api.get(tenant.token(), "/api/v1/cases?type=PROSPECTION").getBody().get("items"))
			.hasSize(1);
	}

	/** The hidden fields of the page's form that posts to the cases module. */
	private static Map<String, String> hiddenFields(String page) {
		Matcher form = Pattern.compile("(?s)<form[^>]*action=\"/cases/from-agency\".*?</form>").matcher(page);
		assertThat(form.find()).isTrue();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
			.matcher(form.group());
		while (input.find()) {
			fields.put(input.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(input.group(2)));
		}
		return fields;
	}

	private String newCase(Tenant tenant, String title) {
		var response = this.api.post(tenant.token(), "/api/v1/cases",
				Map.of("caseType", "PROSPECTION", "title", title));
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return (String) response.getBody().get("id");
	}

	private void link(Tenant tenant, String caseId, String agency) {
		assertThat(this.api
			.post(tenant.token(), "/api/v1/cases/" + caseId + "/parties",
					Map.of("type", "AGENCY", "id", agency, "label", "Agence du Lac"))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

}
