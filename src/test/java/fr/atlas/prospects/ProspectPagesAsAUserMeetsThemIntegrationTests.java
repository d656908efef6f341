package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sales user met in the wizard's columns step, the upload and the agency pages in
 * a browser (ADR 0122): a saved mapping that recognises no agency, a name saved twice, a
 * mapping to delete, a sheet typed for a CSV file, a domain with accents.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectPagesAsAUserMeetsThemIntegrationTests {

	private static final String HEADER = "Raison sociale;E-mail;Ville\n";

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
	void aMappingThatRecognisesNoAgencyIsNotSavedAndItsNameStays() throws Exception {
		var tenant = this.api.newOrganisation("Correspondance vide");
		this.session.login(tenant.email());
		String job = draft("a.csv", HEADER + "Agence Martin;contact@martin.fr;Lyon\n");
		String token = PageSession.csrf(this.session.get(job + "/mapping").body());
		HttpResponse<String> ignored = this.session.post(job + "/presets", Map.of("column-0", "ignored", "column-1",
				"ignored", "column-2", "city", "presetName", "Pige été", "_csrf", token), true);
		assertThat(ignored.body()).contains("Cette correspondance ne reconnaît aucune agence")
			.containsPattern("id=\"presetName\"[^>]*value=\"Pige été\"")
			.doesNotContain("enregistrée\u00A0: elle sera proposée");
		assertThat(presets(tenant.token())).isEmpty();
	}

	@Test
	void aPresetThatRecognisesNoAgencyIsOfferedNotApplied() throws Exception {
		var tenant = this.api.newOrganisation("Correspondance ancienne");
		// saved before the save refused it: every column ignored
		this.sql.as(tenant, (jdbc) -> jdbc
			.sql("""
					insert into import_mapping_preset (org_id, id, name, mapping)
					values (:org, :id, 'Tout ignorer', '{"Raison sociale":"ignored","E-mail":"ignored","Ville":"ignored"}')""")
			.param("org", tenant.orgId())
			.param("id", UUID.randomUUID())
			.update());
		this.session.login(tenant.email());
		String page = this.session.get(draft("b.csv", HEADER + "Agence Martin;contact@martin.fr;Lyon\n") + "/mapping")
			.body();
		assertThat(page).contains("Tout ignorer (suggérée)")
			.doesNotContain("appliquée", "Aucune colonne du fichier n’a été reconnue")
			.containsPattern("<option value=\"name\" selected=\"selected\"[^>]*>");

		// a preset that recognises its agencies by a SIRET column alone, the rest of
		// its columns ignored, covers a file without that column: offered, not applied
		this.sql.as(tenant,
				(jdbc) -> jdbc.sql("delete from import_mapping_preset where org_id = :org")
					.param("org", tenant.orgId())
					.update());
		assertThat(this.api
			.post(tenant.token(), "/api/v1/imports/mapping-presets",
					Map.of("name", "Par SIRET", "mapping", Map.of("SIRET", "siret", "Raison sociale", "ignored",
							"E-mail", "ignored", "Ville", "ignored")))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		String other = this.session.get(draft("c.csv", HEADER + "Agence Durand;contact@durand.fr;Nice\n") + "/mapping")
			.body();
		assertThat(other).contains("Par SIRET (suggérée)")
			.doesNotContain("appliquée", "Aucune colonne du fichier n’a été reconnue")
			.containsPattern("<option value=\"name\" selected=\"selected\"[^>]*>");
	}

	@Test
	void aNameSavedAgainSaysItReplacesThePresetAndAPresetIsDeletedFromThePage() throws Exception {
		var tenant = this.api.newOrganisation("Correspondance remplacée");
		this.session.login(tenant.email());
		String job = draft("c.csv", HEADER + "Agence Martin;contact@martin.fr;Lyon\n");
		String token = PageSession.csrf(this.session.get(job + "/mapping").body());
		Map<String, String> columns = Map.of("column-0", "name", "column-1", "email", "column-2", "city");
		HttpResponse<String> first = this.session.post(job + "/presets", with(columns, "presetName", "Pige", token),
				true);
		assertThat(first.body()).contains("Correspondance «\u00A0Pige\u00A0» enregistrée", "id=\"preset-delete\"");
		HttpResponse<String> again = this.session.post(job + "/presets", with(columns, "presetName", "PIGE", token),
				true);
		assertThat(again.body()).contains("Correspondance «\u00A0PIGE\u00A0» remplacée par ces colonnes")
			.doesNotContain("» enregistrée");
		List<Map<String, Object>> saved = presets(tenant.token());
		assertThat(saved).singleElement().satisfies((p) -> assertThat(p).containsEntry("name", "PIGE"));

		// deleted from the columns step; the columns chosen on the page (the city
		// ignored) stay as they were
		HttpResponse<String> deleted = this.session.post(job + "/presets/delete",
				Map.of("preset", (String) saved.get(0).get("id"), "column-0", "name", "column-1", "email", "column-2",
						"ignored", "_csrf", token),
				true);
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(deleted.body()).contains("Correspondance «\u00A0PIGE\u00A0» supprimée", "id=\"preview\"")
			.doesNotContain("id=\"preset-apply\"")
			.containsPattern("id=\"column-2\"[^>]*>\\s*(<option[^>]*>[^<]*</option>\\s*)*"
					+ "<option value=\"ignored\" selected=\"selected\"");
		assertThat(presets(tenant.token())).isEmpty();
	}

	@Test
	void aSheetTypedForACsvFileIsRefusedInThePagesWordsAndStays() throws Exception {
		var tenant = this.api.newOrganisation("Feuille de CSV");
		this.session.login(tenant.email());
		String csrf = PageSession.csrf(this.session.get("/prospects/imports").body());
		HttpResponse<String> refused = multipart(csrf, "a.csv",
				(HEADER + "Agence Martin;contact@martin.fr;Lyon\n").getBytes(StandardCharsets.UTF_8), "Feuil2");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.contains("laissez le champ «\u00A0Feuille à lire\u00A0» vide (reçu «\u00A0Feuil2\u00A0»)")
			.doesNotContain("retirez «\u00A0sheet\u00A0»")
			.containsPattern("id=\"upload-sheet\"[^>]*value=\"Feuil2\"");
	}

	@Test
	void aDomainWithAccentsIsShownWithThemOnTheAgencyAndInTheList() throws Exception {
		var tenant = this.api.newOrganisation("Domaines accentués");
		this.prospects.importAndWait(tenant.token(), "a.csv", """
				Raison sociale;E-mail;Site web;Code postal;Ville
				Immobilière Côte;contact@immobilière-côte.fr;www.immobilière-côte.fr;06000;Nice
				""");
		this.session.login(tenant.email());
		String list = this.session.get("/prospects?lang=fr").body();
		assertThat(list).contains(">contact@immobilière-côte.fr<").doesNotContain("xn--");
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Immobilière Côte<").matcher(list);
		assertThat(link.find()).isTrue();
		String agency = this.session.get("/prospects/" + link.group(1)).body();
		assertThat(agency).contains("<dd>immobilière-côte.fr</dd>", "@<wbr>immobilière-côte.fr")
			.doesNotContain(">xn--", "@<wbr>xn--");
		// the API keeps the stored form, as DNS writes it
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + link.group(1)).getBody().toString())
			.contains("xn--");
	}

	private Map<String, String> with(Map<String, String> columns, String key, String value, String token) {
		Map<String, String> form = new java.util.HashMap<>(columns);
		form.put(key, value);
		form.put("_csrf", token);
		return form;
	}

	private List<Map<String, Object>> presets(String token) {
		return (List<Map<String, Object>>) this.api.raw()
			.get()
			.uri("/api/v1/imports/mapping-presets")
			.headers((h) -> h.setBearerAuth(token))
			.retrieve()
			.body(List.class);
	}

	/**
	 * Uploads a CSV through the wizard's first step: the draft's page, without
	 * "/mapping".
	 */
	private String draft(String fileName, String csv) throws Exception {
		String csrf = PageSession.csrf(this.session.get("/prospects/imports").body());
		return PageSession.location(multipart(csrf, fileName, csv.getBytes(StandardCharsets.UTF_8), null))
			.replace("/mapping", "");
	}

	private HttpResponse<String> multipart(String csrf, String fileName, byte[] content, String sheet)
			throws Exception {
		String boundary = "----atlas" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		if (sheet != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sheet\"\r\n\r\n" + sheet + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.session.send(HttpRequest.newBuilder(this.session.uri("/prospects/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

}
