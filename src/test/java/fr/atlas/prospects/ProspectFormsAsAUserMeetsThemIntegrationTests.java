package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sales user met in the agency's forms, the case opened from an agency and the
 * review queue's pairs decided together, in a browser (ADR 0129): domains with accents in
 * the edit form and in a new case, a row's choice lost by the queue's "decide several
 * pairs".
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectFormsAsAUserMeetsThemIntegrationTests {

	private static final String ACCENTED = """
			Raison sociale;E-mail;Site web;Code postal;Ville
			Agence Côté Mer;contact@agence-côté.fr;www.agence-côté.fr;06000;Nice
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TenantSql sql;

	PageSession session;

	@BeforeEach
	void setUp() {
		this.session = new PageSession(this.port);
	}

	@Test
	void theEditFormShowsDomainsWithTheirAccentsAndSentBackUnchangedRecordsNoEdit() throws Exception {
		Tenant tenant = this.api.newOrganisation("Formulaire accentué");
		this.prospects.importAndWait(tenant.token(), "a.csv", ACCENTED);
		String id = this.prospects.idOf(tenant.token(), "mer");
		this.session.login(tenant.email());

		String form = this.session.get("/prospects/" + id + "/edit").body();
		assertThat(form).contains("value=\"agence-côté.fr\"", ">contact@agence-côté.fr</textarea>")
			.doesNotContain("xn--");

		// sent back as shown: nothing is recorded as the user's, and the page says so
		HttpResponse<String> unchanged = this.session.post("/prospects/" + id + "/edit", fields(form), false);
		assertThat(unchanged.statusCode()).isEqualTo(302);
		assertThat(this.session.get(PageSession.location(unchanged)).body())
			.contains("Rien n’a changé\u00A0: l’agence est telle qu’elle était.")
			.doesNotContain("Agence modifiée.");
		assertThat(userSources(tenant, id)).isEmpty();
		assertThat(
				(Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody().get("agency"))
			.containsEntry("version", 0)
			.containsEntry("website", "xn--agence-ct-j4a3j.fr");

		// a real change is one, stored as DNS writes it
		List<Map.Entry<String, String>> changed = fields(form);
		changed
			.replaceAll((field) -> field.getKey().equals("website") ? Map.entry("website", "agence-côte.fr") : field);
		HttpResponse<String> saved = this.session.post("/prospects/" + id + "/edit", changed, false);
		assertThat(this.session.get(PageSession.location(saved)).body()).contains("Agence modifiée.");
		assertThat(userSources(tenant, id)).containsExactly("website_domain=xn--agence-cte-ybb.fr");
	}

	@Test
	void aStoredDomainTheFormCannotTypeBackIsNotRefusedWhenLeftAlone() throws Exception {
		// a file gave the DNS form of a name with a letter newer than the IDN tables
		// (ⱥ, Unicode 5): shown with it, which those tables do not write back
		Tenant tenant = this.api.newOrganisation("Formulaire récent");
		this.prospects.importAndWait(tenant.token(), "b.csv", """
				Raison sociale;E-mail;Site web;Code postal;Ville
				Agence Récente;contact@xn--agence-uh8d.fr;www.xn--agence-uh8d.fr;06000;Nice
				""");
		String id = this.prospects.idOf(tenant.token(), "récente");
		this.session.login(tenant.email());
		String form = this.session.get("/prospects/" + id + "/edit").body();
		assertThat(form).contains("value=\"agenceⱥ.fr\"", ">contact@agenceⱥ.fr</textarea>");

		HttpResponse<String> unchanged = this.session.post("/prospects/" + id + "/edit", fields(form), false);
		assertThat(unchanged.statusCode()).isEqualTo(302);
		assertThat(userSources(tenant, id)).isEmpty();
	}

	@Test
	void theContactFormShowsDomainsWithTheirAccentsAndSentBackUnchangedRecordsNothing() throws Exception {
		Tenant tenant = this.api.newOrganisation("Contact accentué");
		this.prospects.importAndWait(tenant.token(), "a.csv", ACCENTED);
		String id = this.prospects.idOf(tenant.token(), "mer");
		Map<String, Object> created = this.api
			.post(tenant.token(), "/api/v1/prospects/" + id + "/contacts",
					Map.of("firstName", "Léa", "lastName", "Martin", "emails", List.of("lea@agence-côté.fr")))
			.getBody();
		String contact = (String) created.get("id");
		this.session.login(tenant.email());
		String form = this.session.get("/prospects/" + id + "/contacts/" + contact + "/edit").body();
		assertThat(form).contains(">lea@agence-côté.fr</textarea>").doesNotContain("xn--");

		HttpResponse<String> unchanged = this.session.post("/prospects/" + id + "/contacts/" + contact,
				fields(form, "contact-form"), false);
		assertThat(this.session.get(PageSession.location(unchanged)).body())
			.contains("Rien n’a changé\u00A0: le contact est tel qu’il était.");
		// the contact's addition alone
		assertThat(userSources(tenant, id)).containsExactly("contact_added=Léa Martin");

		List<Map.Entry<String, String>> changed = fields(form, "contact-form");
		changed.replaceAll((field) -> field.getKey().equals("role") ? Map.entry("role", "Gérante") : field);
		HttpResponse<String> saved = this.session.post("/prospects/" + id + "/contacts/" + contact, changed, false);
		assertThat(this.session.get(PageSession.location(saved)).body()).contains("Contact modifié.");
		assertThat(userSources(tenant, id)).containsExactly("contact_added=Léa Martin", "contact_updated=Léa Martin");
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody().toString())
			.contains("lea@xn--agence-ct-j4a3j.fr");
	}

	@Test
	void aCaseOpenedFromAnAgencyKeepsItsAddressReadable() throws Exception {
		Tenant tenant = this.api.newOrganisation("Dossier accentué");
		this.prospects.importAndWait(tenant.token(), "a.csv", ACCENTED + """
				Cabinet Étoile;contact@étoile-immo.fr;;69002;Lyon
				""");
		String id = this.prospects.idOf(tenant.token(), "mer");
		this.session.login(tenant.email());
		String page = this.session.get("/prospects/" + id).body();
		assertThat(page).contains("name=\"email\" value=\"contact@agence-côté.fr\"");

		// the panel's button posts what the page holds
		Matcher panel = Pattern.compile("<form[^>]*action=\"/cases/from-agency\"[^>]*>(.*?)</form>", Pattern.DOTALL)
			.matcher(page);
		assertThat(panel.find()).isTrue();
		HttpResponse<String> opened = this.session.post("/cases/from-agency", inputs(panel.group(1)), false);
		String casePage = this.session.get(PageSession.location(opened)).body();
		assertThat(casePage).contains("contact@agence-côté.fr").doesNotContain("xn--");

		// and the list's "open a case for each"
		String etoile = this.prospects.idOf(tenant.token(), "étoile");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/prospects/bulk",
					Map.of("ids", List.of(etoile), "startWork", "prospection-case"))
			.getStatusCode()
			.value()).isEqualTo(200);
		List<Map<String, Object>> cases = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/cases?type=PROSPECTION&size=100")
			.getBody()
			.get("items");
		assertThat(cases).extracting((c) -> ((Map<String, Object>) c.get("fields")).get("email"))
			.containsExactlyInAnyOrder("contact@agence-côté.fr", "contact@étoile-immo.fr");
	}

	@Test
	void undoingAMergeAsksAboutTheAgencyItRestores() throws Exception {
		Tenant tenant = this.api.newOrganisation("Fusion nommée");
		String kept = create(tenant, "Agence Bordelaise", "05 56 00 00 01");
		String first = create(tenant, "Cabinet Aquitaine", "05 56 00 00 02");
		String latest = create(tenant, "Immobilier Garonne", "05 56 00 00 03");
		for (String other : List.of(first, latest)) {
			assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge", Map.of("otherId", other))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		this.session.login(tenant.email());
		// the latest merge is the one undone, and the question names it
		assertThat(this.session.get("/prospects/" + kept).body())
			.containsPattern("data-confirm=\"Annuler la fusion de «\u00A0Immobilier Garonne\u00A0» du "
					+ "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} et rétablir les deux agences\u202F\\?\"");
	}

	private String create(Tenant tenant, String name, String phone) {
		return (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", name, "postcode", "33000", "city", "Bordeaux", "phones", List.of(phone)))
			.getBody()
			.get("agency")).get("id");
	}

	/** The USER sources of an agency, as "field=value". */
	private List<String> userSources(Tenant tenant, String id) {
		return this.sql.strings(tenant,
				"select field || '=' || value from field_source where agency_id = :id and kind = 'USER' order by field",
				Map.of("id", UUID.fromString(id)));
	}

	/** What the agency's edit form sends as it is shown. */
	private static List<Map.Entry<String, String>> fields(String page) {
		return fields(page, "agency-edit");
	}

	/** What a form of the page sends as it is shown: its fields, with their values. */
	private static List<Map.Entry<String, String>> fields(String page, String formId) {
		int start = page.indexOf("<form id=\"" + formId + "\"");
		String form = page.substring(start, page.indexOf("</form>", start));
		List<Map.Entry<String, String>> fields = inputs(form);
		Matcher area = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(form);
		while (area.find()) {
			fields.add(Map.entry(area.group(1), unescape(area.group(2))));
		}
		Matcher select = Pattern.compile("<select name=\"([^\"]+)\">(.*?)</select>", Pattern.DOTALL).matcher(form);
		while (select.find()) {
			Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(2));
			fields.add(Map.entry(select.group(1), chosen.find() ? chosen.group(1) : ""));
		}
		return fields;
	}

	private static List<Map.Entry<String, String>> inputs(String html) {
		List<Map.Entry<String, String>> inputs = new ArrayList<>();
		Matcher input = Pattern.compile("<input([^>]*)>").matcher(html);
		while (input.find()) {
			Matcher name = Pattern.compile(" name=\"([^\"]+)\"").matcher(input.group(1));
			Matcher value = Pattern.compile(" value=\"([^\"]*)\"").matcher(input.group(1));
			if (name.find()) {
				inputs.add(Map.entry(name.group(1), value.find() ? unescape(value.group(1)) : ""));
			}
		}
		return inputs;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
