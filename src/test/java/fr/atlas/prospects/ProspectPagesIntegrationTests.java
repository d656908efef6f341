package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.AtOnce;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the pages as a logged-in member: the import wizard from upload to report, the
 * list, an agency, the review queue, in French and English.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	PageSession session;

	@BeforeEach
	void setUp() {
		this.session = new PageSession(this.port);
	}

	@Test
	void runsTheImportWizardFromUploadToReport() throws Exception {
		var tenant = this.api.newOrganisation("Assistant");
		login(tenant.email());

		HttpResponse<String> imports = get("/prospects/imports");
		assertThat(imports.statusCode()).isEqualTo(200);
		assertThat(imports.body()).contains("Importer des agences");
		String csv = """
				Raison sociale;E-mail;Téléphone;Code postal;Colonne X
				Agence de la Gare;contact@gare.fr;123456789;75008;a
				Cabinet Martin;pas-un-email;;13002;b
				""";
		HttpResponse<String> uploaded = multipart("/prospects/imports", csrf(imports.body()), "agences.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String mappingPath = location(uploaded);
		assertThat(mappingPath).matches("/prospects/imports/[0-9a-f-]{36}/mapping");
		String jobPath = mappingPath.replace("/mapping", "");

		HttpResponse<String> mapping = get(mappingPath);
		assertThat(mapping.statusCode()).isEqualTo(200);
		assertThat(mapping.body()).contains("Raison sociale", "Colonne X", "title=\"email:invalid\"",
				"E-mail invalide, ignoré", "column-4");
		// the columns' examples read as the import will read them, as the preview shows
		// them: the file's cell below when it differs
		assertThat(mapping.body())
			.contains(
					"class=\"example read-otherwise\" title=\"Dans le fichier\u00a0: 123456789\"><span class=\"read\">"
							+ "01 23 45 67 89</span><small class=\"raw\">123456789</small></span>")
			.contains("<span class=\"example\">contact@gare.fr</span>");
		// a draft is accepted work not yet started: the API shows it QUEUED, never DRAFT
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + jobPath.substring(jobPath.lastIndexOf('/') + 1))
			.getBody()).containsEntry("status", "QUEUED");
		// its upload is audited, as its discard would be: by the person, with the file's
		// name and never what it holds (ADR 0130)
		List<Map<String, Object>> uploads = (List<Map<String, Object>>) this.api
			.get(tenant.token(),
					"/api/v1/audit?action=import.uploaded&entityId=" + jobPath.substring(jobPath.lastIndexOf('/') + 1))
			.getBody()
			.get("items");
		assertThat(uploads).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("actorId", tenant.userId().toString())
				.containsEntry("summary",
						"Fichier agences.csv (2 lignes) envoyé à l’assistant d’import, pas encore lancé");
			assertThat(entry.toString()).doesNotContain("Agence de la Gare").doesNotContain("contact@gare.fr");
		});

		String token = csrf(mapping.body());
		HttpResponse<String> preview = post(jobPath + "/preview", Map.of("column-0", "name", "column-1", "email",
				"column-2", "phone", "column-3", "postcode", "column-4", "tags", "_csrf", token), true);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview\"").doesNotContain("<html");
		// each value as the import reads it, the file's own below it
		assertThat(preview.body()).contains(
				"title=\"Dans le fichier\u00a0: 123456789\" data-label=\"Téléphone\" class=\"number\"><span class=\"read\">01 23 45 67 89</span>"
						+ "<small class=\"raw\">123456789</small>")
			.doesNotContain("<small class=\"raw\">contact@gare.fr</small>");

		HttpResponse<String> started = post(jobPath + "/start", Map.of("column-0", "name", "column-1", "email",
				"column-2", "phone", "column-3", "postcode", "column-4", "tags", "_csrf", token), false);
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(location(started)).isEqualTo(jobPath);

		Instant deadline = Instant.now().plusSeconds(30);
		String fragment = "";
		while (Instant.now().isBefore(deadline) && !fragment.contains("Terminé")) {
			fragment = this.session.getFragment(jobPath).body();
			Thread.sleep(200);
		}
		assertThat(fragment).contains("Terminé", "rows.csv").doesNotContain("every 1s");
		// the report step says what went wrong, in words, with the rows concerned
		assertThat(fragment).contains("Problèmes relevés", "title=\"email:invalid\">E-mail invalide, ignoré</td>",
				"La ligne concernée", "Cabinet Martin;pas-un-email;;13002;b");
		HttpResponse<String> report = get(jobPath + "/rows.csv");
		assertThat(report.body()).startsWith("row,status,prospect_id,messages").contains("2,CREATED,");

		// the list of imports says when each file was sent, in Paris time
		String sentAt = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(ZoneId.of("Europe/Paris")));
		assertThat(get("/prospects/imports").body()).contains("<th>Envoyé le</th>", "<th>Par</th>")
			.containsPattern(">agences\\.csv</a></td>\\s*<td data-label=\"Envoyé le\">" + sentAt
					+ " \\d\\d:\\d\\d</td>\\s*<td data-label=\"Par\">Owner Assistant</td>");

		// from the report to the agencies this file ended in
		String jobId = jobPath.substring(jobPath.lastIndexOf('/') + 1);
		assertThat(fragment).contains("href=\"/prospects?importId=" + jobId + "\"");
		assertThat(get("/prospects?importId=" + jobId).body()).contains("Agences de l’import «\u00A0agences.csv\u00A0»",
				"name=\"importId\" value=\"" + jobId + "\"", "Agence de la Gare", "Cabinet Martin");
		// links keep the search's filters that have a value, and only those
		String filtered = get("/prospects?q=&city=L%C3%A9on&department=&importId=" + jobId + "&size=1").body();
		assertThat(filtered).contains("href=\"/prospects?city=L%C3%A9on\"")
			.doesNotContain("q=&amp;", "department=&amp;");
		// a search that finds agencies offers their export, with the same filters
		String found = get("/prospects?q=&postcode=75008&department=&importId=" + jobId + "&size=1").body();
		assertThat(found)
			.contains("href=\"/prospects/export?postcode=75008&amp;importId=" + jobId + "&amp;format=csv\"")
			.doesNotContain("q=&amp;", "department=&amp;");
		String paged = get("/prospects?importId=" + jobId + "&size=1").body();
		assertThat(paged).contains("href=\"/prospects?importId=" + jobId + "&amp;page=1&amp;size=1\"");

		HttpResponse<String> list = get("/prospects?sort=name");
		assertThat(list.body()).contains("Agence de la Gare", "Cabinet Martin");
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\"").matcher(list.body());
		assertThat(link.find()).isTrue();
		HttpResponse<String> detail = get("/prospects/" + link.group(1));
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("Provenance des valeurs", "agences.csv");
		assertThat(get("/prospects/duplicates").statusCode()).isEqualTo(200);
		assertThat(get("/prospects?q=gare").body()).contains("Agence de la Gare").doesNotContain("Cabinet Martin");
		assertThat(get("/prospects?lang=en").body()).contains("Import a file");

		// the same file through the wizard again, with the same columns: its draft
		// becomes a repeat that imports nothing, and its page says so (ADR 0055)
		String againPath = location(multipart("/prospects/imports", csrf(get("/prospects/imports").body()),
				"agences-copie.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.replace("/mapping", "");
		HttpResponse<String> again = post(againPath + "/start",
				Map.of("column-0", "name", "column-1", "email", "column-2", "phone", "column-3", "postcode", "column-4",
						"tags", "_csrf", csrf(get(againPath + "/mapping").body())),
				false);
		assertThat(location(again)).isEqualTo(againPath);
		assertThat(get(againPath + "?lang=fr").body()).contains("id=\"import-repeat\"", "Ce fichier a déjà été importé",
				"href=\"" + jobPath + "\"");
		assertThat(get(againPath + "/rows.csv").body()).contains("1,MERGED,", "2,MERGED,").doesNotContain("CREATED");
		assertThat(
				this.api.get(tenant.token(), "/api/v1/imports/" + againPath.substring(againPath.lastIndexOf('/') + 1))
					.getBody())
			.containsEntry("status", "DONE")
			.containsEntry("created", 0)
			.containsEntry("merged", 2);
	}

	@Test
	void savesAMappingAndAppliesItToTheNextFileWithTheSameColumns() throws Exception {
		var tenant = this.api.newOrganisation("Assistant préréglages");
		login(tenant.email());
		String csv = "Société;Courriel;Divers\nAgence Martin;contact@martin.fr;x\n";
		String jobPath = location(multipart("/prospects/imports", csrf(get("/prospects/imports").body()), "a.csv",
				csv.getBytes(StandardCharsets.UTF_8)))
			.replace("/mapping", "");
		String token = csrf(get(jobPath + "/mapping").body());
		HttpResponse<String> saved = post(jobPath + "/presets", Map.of("column-0", "trade_name", "column-1", "email",
				"column-2", "tags", "presetName", "Fichier maison", "_csrf", token), true);
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("Correspondance «\u00A0Fichier maison\u00A0» enregistrée", "id=\"preview\"");
		assertThat((List<Map<String, Object>>) this.api.raw()
			.get()
			.uri("/api/v1/imports/mapping-presets")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)).singleElement()
			.satisfies((p) -> assertThat(p).containsEntry("name", "Fichier maison")
				.containsEntry("mapping", Map.of("Société", "trade_name", "Courriel", "email", "Divers", "tags")));
		HttpResponse<String> blank = post(jobPath + "/presets",
				Map.of("column-0", "name", "presetName", " ", "_csrf", token), true);
		assertThat(blank.body()).contains("Donnez un nom à la correspondance");

		// a second file with the same columns gets the saved mapping at once
		String next = location(multipart("/prospects/imports", csrf(get("/prospects/imports").body()), "b.csv",
				"Société;Courriel;Divers\nCabinet Durand;durand@example.fr;y\n".getBytes(StandardCharsets.UTF_8)));
		String page = get(next).body();
		assertThat(page).contains("Correspondance «\u00A0Fichier maison\u00A0» appliquée", "Fichier maison (suggérée)");
		assertThat(page).containsPattern("<option value=\"tags\" selected=\"selected\"[^>]*>");
		assertThat(page).containsPattern("<option value=\"trade_name\" selected=\"selected\"[^>]*>");
	}

	@Test
	void letsTheUserPickAnotherSheetOfAWorkbook() throws Exception {
		var tenant = this.api.newOrganisation("Assistant feuilles");
		login(tenant.email());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet notes = workbook.createSheet("Notes");
			notes.createRow(0).createCell(0).setCellValue("Raison sociale");
			notes.createRow(1).createCell(0).setCellValue("Agence Note");
			Sheet agencies = workbook.createSheet("Agences");
			Row header = agencies.createRow(0);
			header.createCell(0).setCellValue("Enseigne");
			header.createCell(1).setCellValue("Ville");
			Row row = agencies.createRow(1);
			row.createCell(0).setCellValue("Agence Bellecour");
			row.createCell(1).setCellValue("Lyon");
			workbook.write(out);
		}
		String mappingPath = location(
				multipart("/prospects/imports", csrf(get("/prospects/imports").body()), "c.xlsx", out.toByteArray()));
		String first = get(mappingPath).body();
		assertThat(first).contains("Feuille du classeur", ">Notes</option>", ">Agences</option>", "Agence Note");
		HttpResponse<String> chosen = post(mappingPath.replace("/mapping", "/sheet"),
				Map.of("sheet", "1", "_csrf", csrf(first)), false);
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(location(chosen)).isEqualTo(mappingPath);
		String second = get(mappingPath).body();
		assertThat(second).contains("Enseigne", "Agence Bellecour").doesNotContain("Agence Note");
		assertThat(second).containsPattern("<option value=\"1\"\\s+selected=\"selected\">Agences</option>");
	}

	@Test
	void showsPhonesAsTheFrenchWriteThemAndTheBestSpellingOfNames() throws Exception {
		var tenant = this.api.newOrganisation("Affichage");
		this.prospects.importAndWait(tenant.token(), "capitales.csv", """
				Raison sociale;Téléphone;Portable;Code postal;Ville;Chiffre d'affaires
				AGENCE IMMO LAFAYETTE;01 23 45 67 89;06 12 34 56 78;75009;;1 032 000
				Agence Immo LaFayette;01 23 45 67 89;;75009;;
				CABINET DE LA GARE;+32 2 234 56 78;;13100;AIX-EN-PROVENCE;
				""");
		login(tenant.email());
		String list = get("/prospects?sort=name").body();
		assertThat(list)
			.contains(">01 23 45 67 89<", ">+32 2 234 56 78<", ">Cabinet de la Gare<", ">13100 Aix-en-Provence<")
			.doesNotContain(">+33123456789<", "CABINET DE LA GARE", "AIX-EN-PROVENCE");
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence Immo").matcher(list);
		assertThat(link.find()).isTrue();
		String detail = get("/prospects/" + link.group(1)).body();
		// why row 2 was merged, in words, the reason codes as tooltips
		assertThat(detail).contains("title=\"phone\">même téléphone, </span>",
				"title=\"same_postcode\">même code postal</span>");
		// the merged row names its file: an agency merged from two files has a row 1 in
		// each
		assertThat(detail).contains(">capitales.csv · ligne 2</a>\u00a0:");
		assertThat(detail).contains("<h1>Agence Immo LaFayette</h1>", ">01 23 45 67 89 (fixe)</span>, ",
				">06 12 34 56 78 (mobile)</span>");
		// provenance in the user's words: labelled fields, euros, phones as dialled
		assertThat(detail)
			.contains(">Chiffre d’affaires</td>", ">1 032 000 €</td>", ">Téléphones</td>",
					">01\u00a023\u00a045\u00a067\u00a089</td>", ">Raison sociale</td>")
			.doesNotContain(">revenue_cents<", ">103200000<", ">+33123456789<");
		// so does the list's download, for people (the API's export keeps E.164 for other
		// tools, ADR 0085)
		assertThat(get("/prospects/export?format=csv").body()).contains(";01 23 45 67 89 / 06 12 34 56 78;")
			.doesNotContain("+33");
	}

	@Test
	void refusesABadFileInlineAndHidesOtherOrganisationsAgencies() throws Exception {
		var owner = this.api.newOrganisation("Pages A");
		this.prospects.importAndWait(owner.token(), "a.csv", "Nom;Ville\nAgence Secrète;Lyon\n");
		String theirs = (String) ((java.util.List<Map<String, Object>>) this.api.get(owner.token(), "/api/v1/prospects")
			.getBody()
			.get("items")).get(0).get("id");
		var other = this.api.newOrganisation("Pages B");
		login(other.email());
		HttpResponse<String> imports = get("/prospects/imports");
		HttpResponse<String> refused = multipart("/prospects/imports", csrf(imports.body()), "entete.csv",
				"Nom;SIRET\n".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("qu’une ligne d’en-tête");
		assertThat(get("/prospects/" + theirs).statusCode()).isEqualTo(404);
		assertThat(get("/prospects").body()).doesNotContain("Agence Secrète");
	}

	@Test
	void editsAnAgencyFromItsPageWithReasonsForRefusedValues() throws Exception {
		var tenant = this.api.newOrganisation("Édition");
		this.prospects.importAndWait(tenant.token(), "e.csv", """
				Raison sociale;E-mail;Téléphone;Code postal;Ville;Chiffre d'affaires
				Agence du Vieux Port;port@agence.fr;04 91 00 00 01;13002;Marseille;1 500 000,50
				""");
		login(tenant.email());
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence du Vieux Port")
			.matcher(get("/prospects").body());
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		assertThat(get("/prospects/" + id).body()).contains("href=\"/prospects/" + id + "/edit\"");

		String form = get("/prospects/" + id + "/edit").body();
		assertThat(form).contains("value=\"Agence du Vieux Port\"", "value=\"1500000,50\"",
				">04 91 00 00 01</textarea>", "name=\"version\" value=\"0\"");
		Map<String, String> fields = new HashMap<>(Map.of("name", "Agence du Vieux-Port", "siret", "73282932000075",
				"emails", "port@agence.fr\nCONTACT@VIEUXPORT.FR", "phones", "04 91 00 00 01", "postcode", "13002",
				"city", "Marseille", "revenue", "1500000,50", "version", "0", "_csrf", csrf(form)));
		HttpResponse<String> refused = post("/prospects/" + id + "/edit", fields, false);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.contains("SIRET\u00A0: clé de contrôle fausse", "value=\"73282932000075\"",
					"value=\"Agence du Vieux-Port\"",
					"Rien n’a été enregistré\u00A0: corrigez les champs signalés ci-dessous.")
			.doesNotContain("ignoré");
		assertThat(get("/prospects/" + id).body()).contains("<h1>Agence du Vieux Port</h1>");

		fields.put("siret", "732 829 320 00074");
		HttpResponse<String> saved = post("/prospects/" + id + "/edit", fields, false);
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = get(location(saved)).body();
		assertThat(page).contains("Agence modifiée.", "<h1>Agence du Vieux-Port</h1>", ">732 829 320 00074</td>",
				"contact@vieuxport.fr", ">Saisie");

		// the same form again is a stale version now
		HttpResponse<String> stale = post("/prospects/" + id + "/edit", fields, false);
		assertThat(stale.body()).contains("L’agence a changé depuis que vous l’avez ouverte (version 1)");
	}

	@Test
	void sortsTheListByItsColumnHeadersEitherWay() throws Exception {
		var tenant = this.api.newOrganisation("Tri par colonne");
		this.prospects.importAndWait(tenant.token(), "t.csv", """
				Raison sociale;Ville;Nb annonces
				Agence Alpha;Annecy;12
				Agence Bravo;Lyon;140
				Agence Charlie;Brest;3
				""");
		login(tenant.email());
		String byName = get("/prospects?city=&sort=").body();
		// by name at first: its header sorts the other way, the others their usual way
		assertThat(byName).contains("aria-sort=\"ascending\"", "href=\"/prospects?sort=-name\"",
				"href=\"/prospects?sort=-listingCount\"", "href=\"/prospects?sort=city\"");
		assertThat(byName.indexOf("Agence Alpha")).isLessThan(byName.indexOf("Agence Charlie"));

		String byListings = get("/prospects?sort=-listingCount").body();
		assertThat(byListings).contains("aria-sort=\"descending\"", "href=\"/prospects?sort=listingCount\"",
				"<option value=\"-listingCount\" selected=\"selected\">Annonces (décroissant)</option>");
		assertThat(byListings.indexOf("Agence Bravo")).isLessThan(byListings.indexOf("Agence Alpha"));
		assertThat(byListings.indexOf("Agence Alpha")).isLessThan(byListings.indexOf("Agence Charlie"));

		// a filter is kept, the page is not
		String byTown = get("/prospects?sort=-city&q=agence&page=0").body();
		assertThat(byTown).contains("href=\"/prospects?q=agence&amp;sort=city\"");
		assertThat(byTown.indexOf("Agence Bravo")).isLessThan(byTown.indexOf("Agence Charlie"));
	}

	@Test
	void addsAnAgencyByHandUnlessTheBaseHasItAlready() throws Exception {
		var tenant = this.api.newOrganisation("Saisie à la main");
		this.prospects.importAndWait(tenant.token(), "e.csv", """
				Raison sociale;E-mail;Code postal;Ville
				Agence du Vieux Port;port@agence.fr;13002;Marseille
				""");
		login(tenant.email());
		assertThat(get("/prospects").body()).contains("href=\"/prospects/new\"", "Ajouter une agence");
		String form = get("/prospects/new").body();
		// the member who adds it owns it, unless they choose another
		assertThat(form).contains("<h1>Ajouter une agence</h1>", "action=\"/prospects\"", "name=\"source\"",
				"name=\"contact.lastName\"", "value=\"" + tenant.userId() + "\" selected");

		Map<String, String> fields = new HashMap<>(Map.of("name", "Vieux Port Immobilier", "emails", "PORT@agence.fr",
				"postcode", "13002", "siret", "73282932000075", "_csrf", csrf(form)));
		HttpResponse<String> refused = post("/prospects", fields, false);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("SIRET\u00A0: clé de contrôle fausse", "value=\"Vieux Port Immobilier\"")
			.doesNotContain("ignoré");

		fields.put("siret", "");
		HttpResponse<String> known = post("/prospects", fields, false);
		assertThat(known.statusCode()).isEqualTo(200);
		Matcher existing = Pattern
			.compile("href=\"/prospects/([0-9a-f-]{36})\">Ouvrir «\u00A0Agence du Vieux Port\u00A0»")
			.matcher(known.body());
		assertThat(existing.find()).isTrue();
		assertThat(known.body()).contains("«\u00A0Agence du Vieux Port\u00A0» est déjà dans votre base",
				"name=\"allowDuplicate\" value=\"true\"", "même e-mail");

		fields.put("allowDuplicate", "true");
		HttpResponse<String> added = post("/prospects", fields, false);
		assertThat(added.statusCode()).isEqualTo(302);
		String page = get(location(added)).body();
		assertThat(page).contains("Agence ajoutée. Elle ressemble à une agence de votre base",
				"<h1>Vieux Port Immobilier</h1>", "href=\"/prospects/" + existing.group(1) + "\"");

		fields.remove("allowDuplicate");
		fields.putAll(Map.of("name", "Immobilière des Calanques", "emails", "", "postcode", "13009", "source",
				"Salon RENT 2026", "contact.firstName", "Léa", "contact.lastName", "Garnier", "contact.emails",
				"LEA@CALANQUES"));
		HttpResponse<String> badContact = post("/prospects", fields, false);
		assertThat(badContact.statusCode()).isEqualTo(200);
		assertThat(badContact.body()).contains("E-mail du contact invalide", "value=\"Garnier\"",
				">LEA@CALANQUES</textarea>");
		fields.put("contact.emails", "LEA@CALANQUES.FR");
		HttpResponse<String> alone = post("/prospects", fields, false);
		String calanques = location(alone);
		assertThat(get(calanques).body()).contains("Agence ajoutée.", "<h1>Immobilière des Calanques</h1>",
				"<dd>Salon RENT 2026</dd>", "Léa Garnier", "lea@calanques.fr",
				"href=\"/audit?entityType=prospect&amp;entityId=" + calanques.substring("/prospects/".length()) + "\"");
		// the owner reads the agency's history in the audit log
		assertThat(get("/audit?entityType=prospect&entityId=" + calanques.substring("/prospects/".length())).body())
			.contains("Agence ajoutée à la main\u00A0: Immobilière des Calanques");
	}

	@Test
	void addsCorrectsAndRemovesAContactFromTheAgencyPage() throws Exception {
		var tenant = this.api.newOrganisation("Contacts");
		this.prospects.importAndWait(tenant.token(), "c.csv", "Raison sociale;Ville\nAgence des Quais;Bordeaux\n");
		login(tenant.email());
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence des Quais")
			.matcher(get("/prospects").body());
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		assertThat(get("/prospects/" + id).body()).contains("href=\"/prospects/" + id + "/contacts/new\"");

		String form = get("/prospects/" + id + "/contacts/new").body();
		assertThat(form).contains("Nouveau contact", "name=\"emails\"");
		Map<String, String> fields = new HashMap<>(Map.of("firstName", "Léa", "lastName", "Garnier", "role", "Gérante",
				"emails", "LEA@QUAIS", "phones", "05 56 00 00 01", "_csrf", csrf(form)));
		HttpResponse<String> refused = post("/prospects/" + id + "/contacts", fields, false);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("E-mail du contact invalide", "value=\"Garnier\"", ">LEA@QUAIS</textarea>");

		fields.put("emails", "LEA@QUAIS.FR");
		HttpResponse<String> saved = post("/prospects/" + id + "/contacts", fields, false);
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = get(location(saved)).body();
		assertThat(page).contains("Contact ajouté.", "Léa Garnier", "Gérante", "lea@quais.fr", ">05 56 00 00 01 (fixe)",
				">Contact ajouté</td>");
		// the same person twice is refused on the form
		String again = post("/prospects/" + id + "/contacts",
				Map.of("lastName", "Autre", "emails", "lea@quais.fr", "_csrf", csrf(form)), false)
			.body();
		assertThat(again).contains("Cette agence a déjà ce contact\u00A0: Léa Garnier", "value=\"Autre\"");
		Matcher edit = Pattern.compile("href=\"/prospects/" + id + "/contacts/([0-9a-f-]{36})/edit\"").matcher(page);
		assertThat(edit.find()).isTrue();
		String contactId = edit.group(1);

		String editForm = get("/prospects/" + id + "/contacts/" + contactId + "/edit").body();
		assertThat(editForm).contains("Modifier le contact", "value=\"Léa\"", ">05 56 00 00 01</textarea>");
		fields.put("role", "Directrice");
		fields.put("_csrf", csrf(editForm));
		HttpResponse<String> changed = post("/prospects/" + id + "/contacts/" + contactId, fields, false);
		assertThat(get(location(changed)).body()).contains("Contact modifié.", "Directrice").doesNotContain("Gérante");

		HttpResponse<String> removed = post("/prospects/" + id + "/contacts/" + contactId + "/delete",
				Map.of("_csrf", csrf(editForm)), false);
		assertThat(get(location(removed)).body()).contains("Contact supprimé.", "Aucun contact")
			.doesNotContain("Directrice");
	}

	@Test
	void tagsAndHandsOutTheAgenciesTickedOrAllThoseOfASearch() throws Exception {
		var tenant = this.api.newOrganisation("Groupes");
		this.prospects.importAndWait(tenant.token(), "g.csv", ProspectBulkApiIntegrationTests.FILE);
		login(tenant.email());
		String list = get("/prospects?department=13").body();
		assertThat(list).contains("id=\"bulk-form\"", "les 2 agences de cette recherche", "form=\"bulk-form\"",
				"name=\"dealTo\" value=\"" + tenant.userId() + "\"");
		Matcher parc = Pattern.compile("name=\"ids\" form=\"bulk-form\" value=\"([0-9a-f-]{36})\"").matcher(list);
		assertThat(parc.find()).isTrue();

		HttpResponse<String> all = post("/prospects/bulk", Map.of("scope", "all", "department", "13", "addTag", "Sud",
				"newOwner", tenant.userId().toString(), "_csrf", csrf(list)), false);
		assertThat(all.statusCode()).isEqualTo(302);
		assertThat(location(all)).contains("department=13");
		assertThat(get(location(all)).body()).contains("2 agences modifiées (2 choisies).");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=sud&owner=me"))
			.containsExactlyInAnyOrder("Agence du Parc", "Cabinet Voisin");

		HttpResponse<String> one = post("/prospects/bulk",
				Map.of("scope", "selected", "ids", parc.group(1), "removeTag", "SUD", "_csrf", csrf(list)), false);
		assertThat(get(location(one)).body()).contains("1 agence modifiée (1 choisie).");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=sud")).hasSize(1);

		// dealt out among the members ticked (here the only one): every agency of the
		// search is theirs
		HttpResponse<String> dealt = post("/prospects/bulk",
				Map.of("scope", "all", "dealTo", tenant.userId().toString(), "_csrf", csrf(list)), false);
		assertThat(get(location(dealt)).body()).contains("1 agence modifiée (3 choisies).");

		HttpResponse<String> none = post("/prospects/bulk",
				Map.of("scope", "selected", "addTag", "x", "_csrf", csrf(list)), false);
		// the page comes back at the refusal, not at its top
		assertThat(location(none)).endsWith("#bulk-errors");
		assertThat(get(location(none)).body()).contains("Cochez au moins une agence", "id=\"bulk-errors\"");
	}

	@Test
	void archivesAnAgencyWithItsReasonAndRestoresIt() throws Exception {
		var tenant = this.api.newOrganisation("Classement");
		this.prospects.importAndWait(tenant.token(), "r.csv",
				"Raison sociale;Ville\nAgence des Remparts;Vannes\nAgence du Port;Vannes\n");
		login(tenant.email());
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence des Remparts")
			.matcher(get("/prospects").body());
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		assertThat(get("/prospects/" + id).body()).contains("<dd id=\"agency-owner\">Personne</dd>");
		this.api.post(tenant.token(), "/api/v1/prospects/bulk", Map.of("ids", List.of(id), "owner", "me"));
		String page = get("/prospects/" + id).body();
		assertThat(page)
			.contains("action=\"/prospects/" + id + "/archive\"", "Archiver cette agence",
					"<dd id=\"agency-owner\">Owner Classement</dd>")
			// provenance names the member, not their id
			.containsPattern("<td>Responsable</td>\\s*<td title=\"" + tenant.userId()
					+ "\"\\s+data-label=\"Valeur\">Owner Classement</td>");

		HttpResponse<String> archived = post("/prospects/" + id + "/archive",
				Map.of("reason", "Fermée depuis juin", "_csrf", csrf(page)), false);
		assertThat(archived.statusCode()).isEqualTo(302);
		String after = get(location(archived)).body();
		assertThat(after).containsPattern("<td>Statut</td>\\s*<td data-label=\"Valeur\">Archivée</td>");
		assertThat(after)
			.contains("Agence archivée.", ">Archivée<", "Archivée le ", "par Owner Classement",
					"— motif\u00A0: Fermée depuis juin", "action=\"/prospects/" + id + "/restore\"")
			.doesNotContain("action=\"/prospects/" + id + "/archive\"", "/edit\"", "/contacts/new");
		assertThat(get("/prospects").body()).doesNotContain("Agence des Remparts").contains("Agence du Port");
		assertThat(get("/prospects?status=ARCHIVED").body()).contains("Agence des Remparts")
			.doesNotContain("Agence du Port");

		HttpResponse<String> again = post("/prospects/" + id + "/archive", Map.of("_csrf", csrf(after)), false);
		assertThat(get(location(again)).body()).contains("Cette agence est archivée\u00A0: restaurez-la d’abord.");
		HttpResponse<String> restored = post("/prospects/" + id + "/restore", Map.of("_csrf", csrf(after)), false);
		assertThat(get(location(restored)).body()).contains("Agence restaurée.", "Archiver cette agence")
			.doesNotContain("motif :");
		String list = get("/prospects").body();
		assertThat(list).contains("Agence des Remparts", "name=\"archiving\" value=\"archive\"");

		// from the list: the ticked ones archived with a reason, then all of the archived
		// list restored
		HttpResponse<String> bulk = post("/prospects/bulk", Map.of("scope", "selected", "ids", id, "archiving",
				"archive", "reason", "Doublon d’un autre fichier", "_csrf", csrf(list)), false);
		// said archived, and where they are now (ADR 0129): "modifiée" as it left the
		// list
		assertThat(get(location(bulk)).body())
			.contains("1 agence archivée (1 choisie). Les agences archivées quittent la liste des actives\u00A0: "
					+ "le statut «\u00A0Archivée\u00A0» les montre, pour les restaurer.")
			// and a link to them
			.contains("<a id=\"see-archived\" href=\"/prospects?status=ARCHIVED\">Voir les agences archivées</a>")
			.doesNotContain("Agence des Remparts");
		String archivedList = get("/prospects?status=ARCHIVED").body();
		assertThat(archivedList).contains("Agence des Remparts", "name=\"archiving\" value=\"restore\"")
			.doesNotContain("name=\"addTag\"");
		assertThat(get("/prospects/" + id).body()).contains("— motif\u00A0: Doublon d’un autre fichier");
		HttpResponse<String> back = post("/prospects/bulk",
				Map.of("scope", "all", "status", "ARCHIVED", "archiving", "restore", "_csrf", csrf(archivedList)),
				false);
		assertThat(location(back)).contains("status=ARCHIVED");
		assertThat(get(location(back)).body())
			.contains(
					"1 agence restaurée (1 choisie). Les agences restaurées sont de nouveau dans la liste des actives.")
			.doesNotContain("id=\"see-archived\"");
		assertThat(get("/prospects").body()).contains("Agence des Remparts");
	}

	@Test
	void offersAViewerNoButtonThatWouldChangeAgenciesOrImports() throws Exception {
		var tenant = this.api.newOrganisation("Lecture");
		this.prospects.importAndWait(tenant.token(), "l.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence du Lac;04 50 00 00 01;74000;Annecy
				Agence du Lac Bleu;;74000;Annecy
				""");
		String viewer = "viewer-" + UUID.randomUUID() + "@example.test";
		this.members.add(tenant, UUID.randomUUID(), viewer, "Véra Lecture", "VIEWER");
		login(viewer);
		String list = get("/prospects").body();
		assertThat(list).contains("Agence du Lac").doesNotContain("href=\"/prospects/imports\"", "bulk-form");
		// a viewer opens the saved searches but saves none
		this.api.post(tenant.token(), "/api/v1/prospects/searches",
				Map.of("name", "Annecy", "filters", Map.of("city", "Annecy")));
		assertThat(get("/prospects?city=Annecy").body()).contains(">Annecy</a>")
			.doesNotContain("id=\"save-search\"", "/delete\"");
		assertThat(post("/prospects/searches",
				Map.of("searchName", "Lac", "city", "Annecy", "_csrf", csrf(get("/prospects").body())), false)
			.statusCode()).isEqualTo(403);
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence du Lac<").matcher(list);
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		String detail = get("/prospects/" + id).body();
		assertThat(detail).contains("<h1>Agence du Lac</h1>", "Agence du Lac Bleu")
			.doesNotContain("/edit\"", "/merge\"", "/dismiss", "/contacts/new", "/archive\"", "agency-audit",
					"/cases/from-agency", "href=\"/prospects/new\"");
		assertThat(get("/prospects/duplicates").body()).contains("Agence du Lac Bleu", "pas de les modifier")
			.doesNotContain("/merge\"", "/dismiss", "pair-decisions");
		assertThat(get("/prospects/imports").body()).contains("pas de les modifier").doesNotContain("type=\"file\"");
		// the server refuses what the page no longer offers
		assertThat(get("/prospects/" + id + "/edit").statusCode()).isEqualTo(403);
		assertThat(
				post("/prospects/duplicates/decisions",
						Map.of("_csrf", csrf(get("/prospects").body()), "scope", "checked", "pairs",
								UUID.randomUUID().toString(), "decision", "DISMISS"),
						false)
					.statusCode())
			.isEqualTo(403);
		assertThat(get("/prospects/" + id + "/contacts/new").statusCode()).isEqualTo(403);

		// the owner, on the same organisation, is offered all of it
		this.session = new PageSession(this.port);
		login(tenant.email());
		assertThat(get("/prospects").body()).contains("href=\"/prospects/imports\"");
		assertThat(get("/prospects/" + id).body()).contains("/edit\"", "/merge\"", "/dismiss")
			.doesNotContain("pas de les modifier");
		// a similar name's score in the French way
		assertThat(get("/prospects/duplicates").body())
			.containsPattern("title=\"name:0\\.\\d\\d\">nom proche \\(0,\\d\\d\\)");
	}

	@Test
	void filtersTheListByHowAgenciesCanBeReachedAndTheirListings() throws Exception {
		var tenant = this.api.newOrganisation("Liste joignable");
		this.prospects.importAndWait(tenant.token(), "r.csv", """
				Raison sociale;E-mail;Téléphone;Nb annonces
				Agence Courriel;contact@courriel.fr;;12
				Agence Portable;;06 12 34 56 78;80
				Agence Muette;;;90
				""");
		login(tenant.email());

		String mobiles = get("/prospects?reachable=mobile&minListings=50").body();
		assertThat(mobiles).contains("Agence Portable", "1 agence")
			.doesNotContain(">Agence Courriel<", ">Agence Muette<")
			.containsPattern("<option value=\"mobile\" selected=\"selected\">Avec portable</option>")
			// the bulk form and the exports keep the filters
			.contains("name=\"reachable\" value=\"mobile\"", "name=\"minListings\" value=\"50\"",
					"reachable=mobile&amp;minListings=50");
		assertThat(get("/prospects?reachable=none&lang=en").body())
			.contains("Agence Muette", "Neither e-mail nor phone")
			.doesNotContain(">Agence Portable<");
		// a count the search cannot read is said in words, the form as typed, and no list
		// as if the search had found nothing
		HttpResponse<String> unreadable = get("/prospects?minListings=beaucoup&lang=fr");
		assertThat(unreadable.statusCode()).isEqualTo(200);
		assertThat(unreadable.body())
			.contains("Nombre d’annonces minimum\u00A0: indiquez un nombre entier",
					"name=\"minListings\" size=\"4\" inputmode=\"numeric\" value=\"beaucoup\"")
			.doesNotContain(">Agence Portable<", "/prospects/export", "Aucune agence ne correspond");
	}

	@Test
	void filtersTheListBySpecialtyAndNamesItOnTheAgencyPage() throws Exception {
		var tenant = this.api.newOrganisation("Liste spécialités");
		this.prospects.importAndWait(tenant.token(), "s.csv", """
				Raison sociale;E-mail;Spécialité
				Agence Locative;contact@locative.fr;Gestion locative
				Cabinet Ventes;contact@ventes.fr;Transaction
				Immo Viager;contact@viager.fr;Viager
				""");
		login(tenant.email());

		String rental = get("/prospects?specialty=rental&lang=fr").body();
		assertThat(rental).contains("Agence Locative", "1 agence")
			.doesNotContain(">Cabinet Ventes<", ">Immo Viager<")
			.contains("<option value=\"rental\" selected=\"selected\">Location</option>",
					"<option value=\"residential\">Résidentiel (transaction)</option>")
			// the bulk form keeps the filter
			.contains("name=\"specialty\" value=\"rental\"");
		// a word of a file chooses its specialty; a text that names none is kept as typed
		assertThat(get("/prospects?specialty=Location").body())
			.contains("<option value=\"rental\" selected=\"selected\">Location</option>", "Agence Locative");
		assertThat(get("/prospects?specialty=viager").body())
			.contains("<option value=\"viager\" selected=\"selected\">viager</option>", "Immo Viager")
			.doesNotContain(">Agence Locative<");

		String page = get("/prospects/" + this.prospects.idOf(tenant.token(), "locative") + "?lang=en").body();
		assertThat(page).contains(">Rental</span>", ">Property management</span>", "gestion locative");
		// the forms suggest the specialties by their labels
		assertThat(get("/prospects/new?lang=fr").body()).contains("list=\"specialty-words\"",
				"<option value=\"Location\"></option>", "<option value=\"Gestion, syndic\"></option>");
	}

	@Test
	void filtersTheListByHeadcountAndWordsItOnTheAgencyPage() throws Exception {
		var tenant = this.api.newOrganisation("Liste effectifs");
		this.prospects.importAndWait(tenant.token(), "e.csv", """
				Raison sociale;E-mail;Tranche d'effectif
				Agence Moyenne;contact@moyenne.fr;12
				Cabinet Seul;contact@seul.fr;NN
				Immo Familiale;contact@familiale.fr;3 salariés
				""");
		login(tenant.email());

		// the headcount is one of the filters shown once "more filters" is opened, open
		// at once when one of them is set
		assertThat(get("/prospects?lang=fr").body()).contains("<details class=\"more-filters\" id=\"more-filters\">",
				"<span>Plus de filtres</span></summary>");
		String middle = get("/prospects?headcount=20-49&lang=fr").body();
		assertThat(middle).contains("<details class=\"more-filters\" id=\"more-filters\" open=\"open\">",
				"<span>Plus de filtres</span> (<span>1</span>)");
		assertThat(middle).contains("Agence Moyenne", "1 agence")
			.doesNotContain(">Cabinet Seul<", ">Immo Familiale<")
			.contains("<option value=\"20-49\" selected=\"selected\">20 à 49 salariés</option>",
					"<option value=\"0\">Aucun salarié</option>",
					"<option value=\"250+\">250 salariés ou plus</option>")
			// the bulk form keeps the filter
			.contains("name=\"headcount\" value=\"20-49\"");
		// a range the menu does not offer is offered as it came, in words
		assertThat(get("/prospects?headcount=2-4&lang=en").body())
			.contains("<option value=\"2-4\" selected=\"selected\">2 to 4 employees</option>", "Immo Familiale")
			.doesNotContain(">Agence Moyenne<");

		String page = get("/prospects/" + this.prospects.idOf(tenant.token(), "moyenne") + "?lang=fr").body();
		assertThat(page).contains(">20 à 49 salariés</span>", ">20-49</span>");
		assertThat(get("/prospects/" + this.prospects.idOf(tenant.token(), "seul") + "?lang=en").body())
			.contains(">No employees</span>");
		// the text as the file wrote it is not said twice when the words say it already
		assertThat(get("/prospects/" + this.prospects.idOf(tenant.token(), "familiale") + "?lang=fr").body())
			.contains(">3 salariés</span>")
			.doesNotContain("class=\"help\">3 salariés</span>");
	}

	/**
	 * A column whose header names no band holds INSEE's codes when the wizard says so:
	 * "12" is then 20 to 49 people, not twelve (ADR 0042).
	 */
	@Test
	void aHeadcountColumnMappedByHandToBandsReadsInseeCodes() throws Exception {
		var tenant = this.api.newOrganisation("Effectif à la main");
		login(tenant.email());
		String jobPath = draft("taille.csv", """
				Raison sociale;E-mail;Effectif
				Agence Moyenne;contact@moyenne.fr;12
				Cabinet Seul;contact@seul.fr;NN
				""");
		String mapping = get(jobPath + "/mapping?lang=fr").body();
		assertThat(mapping).contains("<option value=\"headcount\" selected=\"selected\">Effectif</option>",
				"<option value=\"headcount_band\">Tranche d’effectif (code INSEE)</option>");
		post(jobPath + "/start",
				Map.of("column-0", "name", "column-1", "email", "column-2", "headcount_band", "_csrf", csrf(mapping)),
				false);
		String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
		assertThat(this.prospects.waitFor(tenant.token(), id)).containsEntry("status", "DONE")
			.containsEntry("created", 2);
		assertThat(get("/prospects?headcount=20-49&lang=fr").body()).contains("Agence Moyenne", "1 agence")
			.doesNotContain(">Cabinet Seul<");
		assertThat(get("/prospects/" + this.prospects.idOf(tenant.token(), "moyenne") + "?lang=fr").body())
			.contains(">20 à 49 salariés</span>");
	}

	@Test
	void saysTheFirstRowsConcernedOnlyWhenTheReportHoldsMore() throws Exception {
		var tenant = this.api.newOrganisation("Deux lignes");
		login(tenant.email());
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "deux.csv", """
				Raison sociale;E-mail
				Agence A;pas-un-email
				Agence B;toujours@pas@un
				""");
		String report = get("/prospects/imports/" + done.get("id")).body();
		// before, "Les 2 premières lignes concernées": there are no others
		assertThat(report).contains("Les 2 lignes concernées").doesNotContain("premières lignes");
	}

	@Test
	@SuppressWarnings("unchecked")
	void findsAnAgencyToMergeThatNoImportPairedFromTheAgencyPage() throws Exception {
		var tenant = this.api.newOrganisation("Fusion cherchée");
		login(tenant.email());
		String first = (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Immobilière du Lac", "city", "Évian-les-Bains", "postcode", "74500"))
			.getBody()
			.get("agency")).get("id");
		String second = (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Lac Immobilier Évian", "emails", "contact@lac-evian.fr"))
			.getBody()
			.get("agency")).get("id");
		// before, a pair the matcher had not queued could be merged through the API only
		assertThat(get("/prospects/" + first + "?lang=fr").body()).contains("Fusionner avec une autre agence…",
				"name=\"mergeWith\"");
		String found = this.session.getFragment("/prospects/" + first + "?mergeWith=lac%20evian").body();
		assertThat(found)
			.contains(">Lac Immobilier Évian</a>", "href=\"/prospects/" + first + "/merge?otherId=" + second + "\"")
			.doesNotContain("<html", "href=\"/prospects/" + first + "/merge?otherId=" + first + "\"");
		assertThat(get("/prospects/" + first + "?mergeWith=lac%20evian").body()).contains("<html",
				"href=\"/prospects/" + first + "/merge?otherId=" + second + "\"");
		assertThat(this.session.getFragment("/prospects/" + first + "?mergeWith=bastille").body())
			.contains("Aucune autre agence active ne correspond.");
		assertThat(get("/prospects/" + first + "/merge?otherId=" + second).statusCode()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void offersToUndoAMergeOnlyWhileThereIsOneToUndo() throws Exception {
		var tenant = this.api.newOrganisation("Fusion à défaire");
		login(tenant.email());
		String first = (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Agence Lumière", "city", "Annecy", "emails", "contact@lumiere.fr"))
			.getBody()
			.get("agency")).get("id");
		String second = (String) ((Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Lumière Immobilier", "city", "Annecy", "emails", "bonjour@lumiere-immo.fr"))
			.getBody()
			.get("agency")).get("id");
		String undo = "/prospects/" + first + "/unmerge";
		assertThat(get("/prospects/" + first + "?lang=fr").body()).doesNotContain(undo);
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + first + "/merge", Map.of("otherId", second))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(get("/prospects/" + first + "?lang=fr").body()).contains(undo, "Annuler la dernière fusion");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + first + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(get("/prospects/" + first + "?lang=fr").body()).contains("annulée")
			.doesNotContain("Annuler la dernière fusion");
		assertThat(get("/prospects/" + second + "?lang=fr").body()).doesNotContain("Annuler la dernière fusion");
	}

	@Test
	void aPagePastTheLastShowsTheLastAndABadFilterNoEmptyList() throws Exception {
		var tenant = this.api.newOrganisation("Pages au-delà");
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail\n");
		for (int i = 1; i <= 30; i++) {
			csv.append("Agence ").append(i).append(";contact@agence-").append(i).append(".fr\n");
		}
		this.prospects.importAndWait(tenant.token(), "trente.csv", csv.toString());
		login(tenant.email());
		assertThat(get("/prospects?page=99&lang=fr").body()).contains("30 agences", "Page 2 sur 2")
			.doesNotContain("Aucune agence ne correspond", "Page 100");
		String refused = get("/prospects?minListings=-3&lang=fr").body();
		assertThat(refused).contains("role=\"alert\"")
			.doesNotContain("Aucune agence ne correspond", "0 agence", "id=\"save-search\"");
		// every filter it cannot read is said at once, in words
		String twice = get("/prospects?minRevenue=abc&minListings=-3&sort=taille&lang=fr").body();
		assertThat(twice).contains(
				"data-field=\"minRevenue\">Chiffre d’affaires minimum\u00A0: indiquez un montant en euros, par exemple 500 000, 500 k€ ou 1,5 M€.</p>",
				"data-field=\"minListings\">Nombre d’annonces minimum\u00A0: indiquez un nombre entier, par exemple 20.</p>",
				"data-field=\"sort\">Tri inconnu «\u00A0taille\u00A0»");
		assertThat(get("/prospects?minRevenue=abc&minListings=-3&lang=en").body()).contains(
				"data-field=\"minRevenue\">Minimum revenue: give an amount in euros",
				"data-field=\"minListings\">Minimum number of listings: give a whole number");
		get("/prospects?lang=fr");
	}

	@Test
	void marksEachFilterInErrorOnTheFormAndCountsTheFiltersSet() throws Exception {
		var tenant = this.api.newOrganisation("Filtres marqués");
		this.prospects.importAndWait(tenant.token(), "m.csv", """
				Raison sociale;E-mail;Ville
				Agence Marquée;contact@marquee.fr;Lyon
				""");
		login(tenant.email());
		// the page drawn whole: each field in error marked and pointing to its message,
		// the others not; the panel a phone folds stays open to show them
		String refused = get("/prospects?minRevenue=abc&minListings=-3&sort=taille&city=Lyon&lang=fr").body();
		assertThat(refused).contains(
				"name=\"minRevenue\" size=\"8\" placeholder=\"500 k€\" value=\"abc\" aria-invalid=\"true\" aria-describedby=\"filter-error-minRevenue\">",
				"value=\"-3\" aria-invalid=\"true\" aria-describedby=\"filter-error-minListings\">",
				"<select name=\"sort\" aria-invalid=\"true\" aria-describedby=\"filter-error-sort\">",
				"<p id=\"filter-error-minRevenue\" data-field=\"minRevenue\">Chiffre d’affaires minimum",
				"<p id=\"filter-error-minListings\" data-field=\"minListings\">",
				"<p id=\"filter-error-sort\" data-field=\"sort\">Tri inconnu «\u00A0taille\u00A0»",
				"<details class=\"filter-panel\" id=\"filter-panel\" open>", "3 filtres actifs")
			.doesNotContain("<select name=\"reachable\" aria-invalid", "name=\"city\" value=\"Lyon\" aria-invalid",
					"id=\"filter-panel\" open data-close-narrow");
		// htmx redraws the results alone: their messages name their fields, for atlas.js
		// to mark them, and the summary's count comes with them out of band
		String fragment = this.session.getFragment("/prospects?minRevenue=abc&reachable=email&lang=fr").body();
		assertThat(fragment).doesNotContain("<form id=\"prospect-search\"")
			.contains("<p id=\"filter-error-minRevenue\" data-field=\"minRevenue\">",
					"<span id=\"active-filters\" hx-swap-oob=\"true\">2 filtres actifs</span>");
		// a search it reads: nothing marked, the panel closed on a phone, its count in
		// English too
		String read = get("/prospects?city=Lyon&status=active&q=Agence&sort=city&lang=en").body();
		assertThat(read)
			.contains("Agence Marquée", "id=\"filter-panel\" open data-close-narrow=\"true\"",
					"<span id=\"active-filters\">1 active filter</span>")
			.doesNotContain("aria-invalid", "filter-error-", "hx-swap-oob");
		assertThat(get("/prospects?lang=fr").body()).contains("<span id=\"active-filters\">aucun filtre actif</span>");
	}

	@Test
	void pagesThroughTheListFromTheFirstToTheLastWithItsSearchAndOrder() throws Exception {
		var tenant = this.api.newOrganisation("Mille pages");
		StringBuilder csv = new StringBuilder("Raison sociale;E-mail\n");
		for (int i = 1; i <= 1000; i++) {
			csv.append("Agence ").append(i).append(";contact@agence-").append(i).append(".fr\n");
		}
		csv.append("Cabinet Seul;contact@cabinet-seul.fr\n");
		this.prospects.importAndWait(tenant.token(), "mille.csv", csv.toString());
		login(tenant.email());

		// a page in the middle: the first, previous, next and last pages, each link
		// keeping the search, its order and the page size; the counts in French
		String middle = get("/prospects?q=Agence&sort=-name&page=4&size=1&lang=fr").body();
		assertThat(middle).containsPattern("Page 5 sur 1\\h000<")
			.contains("<a class=\"first\" href=\"/prospects?q=Agence&amp;sort=-name&amp;size=1\">«\u00A0Première</a>",
					"<a class=\"previous\" rel=\"prev\" href=\"/prospects?q=Agence&amp;sort=-name&amp;page=3&amp;size=1\">",
					"<a class=\"next\" rel=\"next\" href=\"/prospects?q=Agence&amp;sort=-name&amp;page=5&amp;size=1\">",
					"<a class=\"last\" href=\"/prospects?q=Agence&amp;sort=-name&amp;page=999&amp;size=1\">Dernière\u00A0»</a>",
					// a filter changed from the form keeps the page size
					"<input type=\"hidden\" name=\"size\" value=\"1\">");
		// the last page has the last agency of the order, and no link further
		String last = get("/prospects?q=Agence&sort=-name&page=999&size=1&lang=fr").body();
		assertThat(last).containsPattern("Page 1\\h000 sur 1\\h000<")
			.contains(">Agence 1<", "class=\"first\"")
			.doesNotContain("class=\"next\"", "class=\"last\"", "Cabinet Seul");
		// the first has none back, and the second's "previous" is the first's address
		String first = get("/prospects?q=Agence&sort=-name&size=1&lang=fr").body();
		assertThat(first).contains(">Agence 999<", "class=\"last\"")
			.doesNotContain("class=\"first\"", "class=\"previous\"");
		assertThat(get("/prospects?q=Agence&sort=-name&page=1&size=1").body())
			.contains("<a class=\"previous\" rel=\"prev\" href=\"/prospects?q=Agence&amp;sort=-name&amp;size=1\">");
		assertThat(get("/prospects?q=Agence&size=1&lang=en").body()).containsPattern("Page 1 of 1,000<")
			.contains(">Last »</a>");
	}

	@Test
	void aFileWhoseHeadersNameNothingKnownIsMappedInTheColumnsStep() throws Exception {
		var tenant = this.api.newOrganisation("En-têtes inconnus");
		login(tenant.email());
		// before, the upload was refused with "indiquez la correspondance des colonnes",
		// on a page that has nowhere to indicate it
		String jobPath = draft("liste-achetee.csv", """
				Col A;Col B;Col C
				Agence Opéra;75009;contact@opera-immo.fr
				Cabinet Bastille;75011;bastille@immo.fr
				""");
		assertThat(jobPath).matches("/prospects/imports/[0-9a-f-]{36}");
		String mapping = get(jobPath + "/mapping?lang=fr").body();
		assertThat(mapping).contains("Aucune colonne du fichier n’a été reconnue", "id=\"column-0\"", "Agence Opéra");
		HttpResponse<String> started = post(jobPath + "/start",
				Map.of("column-0", "name", "column-1", "postcode", "column-2", "email", "_csrf", csrf(mapping)), false);
		assertThat(started.statusCode()).isEqualTo(302);
		String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
		assertThat(this.prospects.waitFor(tenant.token(), id)).containsEntry("status", "DONE")
			.containsEntry("created", 2);
		// the API, which has its mapping part for this, still refuses such a file
		assertThat(this.prospects.upload(tenant.token(), "liste.csv", "Col A;Col B\nAgence X;75009\n")
			.getStatusCode()
			.value()).isEqualTo(400);
	}

	@Test
	void aMappingThatIdentifiesNoAgencyIsSentBackToTheColumnsStep() throws Exception {
		var tenant = this.api.newOrganisation("Tout ignoré");
		login(tenant.email());
		String jobPath = draft("ignore.csv", """
				Raison sociale;Ville
				Agence Alpha;Lyon
				""");
		HttpResponse<String> refused = post(jobPath + "/start?lang=fr",
				Map.of("column-0", "ignored", "column-1", "city", "_csrf", csrf(get(jobPath + "/mapping").body())),
				false);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Aucune colonne reconnue", "id=\"column-0\"");
		String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + id).getBody()).containsEntry("status", "QUEUED")
			.containsEntry("processedRows", 0);
	}

	/**
	 * "Lancer l'import" clicked twice (or in two tabs) starts the import once: one job,
	 * queued once, its rows written once.
	 */
	@Test
	void startsAnImportOnceWhenStartedSeveralTimesAtOnce() throws Exception {
		var tenant = this.api.newOrganisation("Double clic");
		login(tenant.email());
		String jobPath = draft("clic.csv", """
				Raison sociale;E-mail
				Agence Alpha;alpha@a.fr
				Agence Bravo;bravo@b.fr
				""");
		Map<String, String> form = Map.of("column-0", "name", "column-1", "email", "_csrf",
				csrf(get(jobPath + "/mapping").body()));
		for (HttpResponse<String> response : AtOnce.run(4, () -> post(jobPath + "/start", form, false))) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			assertThat(location(response)).isEqualTo(jobPath);
		}
		String id = jobPath.substring(jobPath.lastIndexOf('/') + 1);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), id);
		assertThat(done).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("merged", 0);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Agence Alpha",
				"Agence Bravo");
		Map<String, Object> queued = this.api.get(tenant.token(), "/api/v1/audit?action=import.queued&entityId=" + id)
			.getBody();
		assertThat(queued).containsEntry("total", 1);
	}

	@Test
	void savesTheSearchShownAndOpensItAgainInOneClick() throws Exception {
		var tenant = this.api.newOrganisation("Vues enregistrées");
		this.prospects.importAndWait(tenant.token(), "v.csv", """
				Raison sociale;E-mail;Ville;Effectif
				Agence Alpha;alpha@a.fr;Lyon;12
				Agence Bravo;bravo@b.fr;Lyon;3
				Agence Charlie;charlie@c.fr;Annecy;15
				""");
		login(tenant.email());
		// nothing chosen, nothing to save
		assertThat(get("/prospects?lang=fr").body()).doesNotContain("id=\"save-search\"", "id=\"saved-searches\"");
		String lyon = get("/prospects?city=Lyon&headcount=10-19&lang=fr").body();
		assertThat(lyon).contains("id=\"save-search\"", "Enregistrer cette recherche");
		HttpResponse<String> saved = post("/prospects/searches",
				Map.of("searchName", "Lyon moyennes", "city", "Lyon", "headcount", "10-19", "_csrf", csrf(lyon)),
				false);
		assertThat(location(saved)).contains("city=Lyon", "headcount=10-19");
		String back = get(location(saved)).body();
		assertThat(back).contains("Recherche «\u00A0Lyon moyennes\u00A0» enregistrée.", "Agence Alpha")
			.contains("href=\"/prospects?city=Lyon&amp;headcount=10-19\">Lyon moyennes</a>")
			.doesNotContain(">Agence Bravo<");
		// listed on every search of the list, as a link to its own
		String annecy = get("/prospects?city=Annecy").body();
		assertThat(annecy).contains(">Lyon moyennes</a>", "Agence Charlie").doesNotContain("saved-search current");
		assertThat(back).contains("<span class=\"saved-search current\">");
		// one's own, ticked "Pour moi seul·e": marked so in the list
		HttpResponse<String> personal = post("/prospects/searches",
				Map.of("searchName", "Mes Annecy", "city", "Annecy", "personal", "true", "_csrf", csrf(annecy)), false);
		assertThat(get(location(personal)).body()).contains("Recherche «\u00A0Mes Annecy\u00A0» enregistrée.")
			.containsPattern(">Mes Annecy</a>\\s*<small class=\"personal\"[^>]*>perso</small>");

		// a filter the list cannot read is said, nothing saved
		HttpResponse<String> refused = post("/prospects/searches",
				Map.of("searchName", "Illisible", "minRevenue", "beaucoup", "_csrf", csrf(annecy)), false);
		assertThat(get(location(refused)).body()).contains("Chiffre d’affaires minimum")
			.doesNotContain(">Illisible</a>");

		// deleted from its button, back to the search shown
		Matcher delete = Pattern.compile("action=\"(/prospects/searches/[0-9a-f-]{36}/delete)\"").matcher(annecy);
		assertThat(delete.find()).isTrue();
		HttpResponse<String> deleted = post(delete.group(1), Map.of("city", "Annecy", "_csrf", csrf(annecy)), false);
		assertThat(location(deleted)).contains("city=Annecy");
		assertThat(get(location(deleted)).body()).contains("Recherche enregistrée supprimée.")
			.doesNotContain(">Lyon moyennes</a>");
	}

	@Test
	void showsTheTwoAgenciesOfEachPairFieldByField() throws Exception {
		var tenant = this.api.newOrganisation("Comparaison");
		this.prospects.importAndWait(tenant.token(), "c.csv", """
				Raison sociale;Téléphone;E-mail;Adresse;Code postal;Ville;Nb annonces
				Cabinet Girard;04 77 22 45 47;contact@cabinetgirard.fr;9 rue Garibaldi;69007;Lyon;120
				Cabinet Girardin;04 78 42 15 60;;9, RUE GARIBALDI;69007;Lyon;
				""");
		login(tenant.email());

		String queue = get("/prospects/duplicates").body();

		assertThat(queue).contains("1 paire à examiner", "même valeur des deux côtés", "la paire de cette page");
		// the address agrees whatever its case and punctuation, the phones contradict
		// each other, the e-mail and the listings are on one side only
		assertThat(queue).containsPattern("<dd class=\"agreement-SAME\">9 rue Garibaldi, 69007 Lyon</dd>")
			.containsPattern("<dd class=\"agreement-SAME\">9, RUE GARIBALDI, 69007 Lyon</dd>")
			.containsPattern("<dd class=\"agreement-DIFFERENT\" title=\"Contredit l’autre agence\">04 77 22 45 47</dd>")
			.containsPattern("<dd class=\"agreement-DIFFERENT\" title=\"Contredit l’autre agence\">04 78 42 15 60</dd>")
			.contains("<dd class=\"agreement-ONE_SIDE\">contact<wbr>@cabinetgirard<wbr>.fr</dd>")
			.containsPattern("<dd class=\"agreement-ONE_SIDE\">120</dd>");
		assertThat(Pattern.compile("<dt>Téléphone</dt>").matcher(queue).results().count()).isEqualTo(2);
		// the agency's page compares each possible duplicate with it
		Matcher girard = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Cabinet Girard<").matcher(queue);
		assertThat(girard.find()).isTrue();
		assertThat(get("/prospects/" + girard.group(1)).body()).contains(">Cabinet Girardin</a>")
			.containsPattern("<dd class=\"agreement-SAME\">9, RUE GARIBALDI, 69007 Lyon</dd>")
			.containsPattern("<dd class=\"agreement-DIFFERENT\" title=\"Contredit l’autre agence\">04 78 42 15 60</dd>")
			.doesNotContain(">04 77 22 45 47</dd>");

		// "keep the second" merges the first into the second: its name and address stay
		// (the button sends the first's id to the second's address)
		Matcher keepSecond = Pattern
			.compile("name=\"otherId\" value=\"([0-9a-f-]{36})\" formaction=\"/prospects/([0-9a-f-]{36})/merge\"")
			.matcher(queue);
		assertThat(keepSecond.find()).isTrue();
		HttpResponse<String> merged = post("/prospects/" + keepSecond.group(2) + "/merge",
				Map.of("_csrf", csrf(queue), "otherId", keepSecond.group(1), "queuePage", "0"), false);
		assertThat(location(merged)).endsWith("/prospects/duplicates");
		Map<String, Object> survivor = this.api.get(tenant.token(), "/api/v1/prospects/" + keepSecond.group(2))
			.getBody();
		assertThat((Map<String, Object>) survivor.get("agency")).containsEntry("name", "Cabinet Girardin")
			.containsEntry("address", "9, RUE GARIBALDI")
			.containsEntry("emails", List.of("contact@cabinetgirard.fr"));

		// another organisation's queue shows none of it
		var other = this.api.newOrganisation("Comparaison voisine");
		this.session = new PageSession(this.port);
		login(other.email());
		assertThat(get("/prospects/duplicates").body()).doesNotContain("Garibaldi", "Girard")
			.contains("Aucun doublon possible");
	}

	@Test
	void reviewsThePairsOneImportFoundFromItsReport() throws Exception {
		var tenant = this.api.newOrganisation("Revue par import");
		this.prospects.importAndWait(tenant.token(), "avant.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Agence Lumière;04 69 35 57 45;74000;Annecy
				Agence Lumiere;04 50 27 33 18;74000;Annecy
				""");
		String job = (String) this.prospects.importAndWait(tenant.token(), "girard.csv", """
				Raison sociale;Téléphone;Code postal;Ville
				Cabinet Girard;04 77 22 45 47;69007;Lyon
				Cabinet Girardin;;69007;Lyon
				""").get("id");
		login(tenant.email());

		String report = get("/prospects/imports/" + job).body();
		assertThat(report).contains("href=\"/prospects/duplicates?importId=" + job + "\"",
				"1 doublon possible à examiner");
		String queue = get("/prospects/duplicates?importId=" + job).body();
		assertThat(queue)
			.contains("Paires trouvées par l’import «\u00A0girard.csv\u00A0»", "1 paire à examiner", "Cabinet Girardin")
			.doesNotContain("Agence Lumi");
		assertThat(get("/prospects/duplicates").body()).contains("2 paires à examiner", "Agence Lumi");
		// setting the pair aside comes back to the import's pairs, now none
		Matcher dismiss = Pattern.compile("action=\"(/prospects/duplicates/[0-9a-f-]{36}/dismiss)\"").matcher(queue);
		assertThat(dismiss.find()).isTrue();
		HttpResponse<String> dismissed = post(dismiss.group(1), Map.of("_csrf", csrf(queue), "importId", job), false);
		assertThat(location(dismissed)).endsWith("/prospects/duplicates?importId=" + job);
		String afterDismissal = get(location(dismissed)).body();
		assertThat(afterDismissal).contains("Paires trouvées par l’import", "Aucun doublon possible",
				"Paire écartée\u00A0: ces deux agences restent séparées.");
		// a click on the wrong pair is undone from the notice
		Matcher reopen = Pattern.compile("action=\"(/prospects/duplicates/[0-9a-f-]{36}/reopen)\"")
			.matcher(afterDismissal);
		assertThat(reopen.find()).isTrue();
		HttpResponse<String> reopened = post(reopen.group(1), Map.of("_csrf", csrf(afterDismissal), "importId", job),
				false);
		assertThat(location(reopened)).endsWith("/prospects/duplicates?importId=" + job);
		assertThat(get(location(reopened)).body()).contains("La paire est de nouveau à examiner.", "1 paire à examiner",
				"Cabinet Girardin");
		post(dismiss.group(1), Map.of("_csrf", csrf(queue), "importId", job), false);
		assertThat(get("/prospects/imports/" + job).body()).doesNotContain("doublon possible à examiner");
		// an id that is no import of ours shows the whole queue
		assertThat(get("/prospects/duplicates?importId=pas-un-id").body()).contains("1 paire à examiner")
			.doesNotContain("Paires trouvées par l’import");
	}

	@Test
	void decidesThePairsTickedOrAllThoseOfThePage() throws Exception {
		var tenant = this.api.newOrganisation("Décisions");
		this.prospects.importAndWait(tenant.token(), "d.csv", PairDecisionsIntegrationTests.pairs(3));
		login(tenant.email());
		String queue = get("/prospects/duplicates").body();
		assertThat(queue).contains("Décider plusieurs paires", "les 3 paires de cette page");
		List<String> pairs = Pattern.compile("name=\"pairs\" value=\"([0-9a-f-]{36})\" form=\"pair-decisions\"")
			.matcher(queue)
			.results()
			.map((m) -> m.group(1))
			.toList();
		assertThat(pairs).hasSize(3);

		// the pair ticked is merged, the others stay
		HttpResponse<String> merged = post("/prospects/duplicates/decisions", List.of(Map.entry("_csrf", csrf(queue)),
				Map.entry("scope", "checked"), Map.entry("pairs", pairs.get(0)), Map.entry("decision", "MERGE")),
				false);
		assertThat(merged.statusCode()).isEqualTo(302);
		assertThat(PageSession.location(merged)).isEqualTo("/prospects/duplicates");
		String after = get("/prospects/duplicates").body();
		assertThat(after).contains(
				"Paires fusionnées\u00A0: 1\u202F; écartées\u00A0: 0\u202F; laissées de côté\u00A0: 0",
				"les 2 paires de cette page", "Annuler ces fusions");
		// undone from the notice, the pair is back; merged again
		List<Map.Entry<String, String>> undo = new ArrayList<>(List.of(Map.entry("_csrf", csrf(after))));
		Pattern.compile("name=\"merges\" value=\"([0-9a-f-]{36})\"")
			.matcher(after)
			.results()
			.forEach((m) -> undo.add(Map.entry("merges", m.group(1))));
		assertThat(undo).hasSize(2);
		post("/prospects/duplicates/undo", undo, false);
		assertThat(get("/prospects/duplicates").body()).contains("Fusions annulées\u00A0: 1.",
				"les 3 paires de cette page");
		post("/prospects/duplicates/decisions", List.of(Map.entry("_csrf", csrf(after)), Map.entry("scope", "checked"),
				Map.entry("pairs", pairs.get(0)), Map.entry("decision", "MERGE")), false);
		after = get("/prospects/duplicates").body();
		assertThat(after).contains("les 2 paires de cette page");

		// every pair of the page dismissed, the one merged before left aside
		List<Map.Entry<String, String>> page = new ArrayList<>(
				List.of(Map.entry("_csrf", csrf(after)), Map.entry("scope", "page"), Map.entry("decision", "DISMISS")));
		pairs.forEach((id) -> page.add(Map.entry("pagePairs", id)));
		post("/prospects/duplicates/decisions", page, false);
		assertThat(get("/prospects/duplicates").body())
			.contains("Paires fusionnées\u00A0: 0\u202F; écartées\u00A0: 2\u202F; laissées de côté\u00A0: 1",
					"Aucun doublon possible")
			.doesNotContain("id=\"pair-decisions\"");
		// narrowed to one reason: the menu counts each, links and forms keep it
		this.prospects.importAndWait(tenant.token(), "e.csv", """
				Raison sociale;E-mail;Code postal;Ville
				Immo Martin;contact@martin-immo.fr;02000;Laon
				Agence Martin Laon;contact@martin-immo.fr;02000;Laon
				""");
		String all = get("/prospects/duplicates").body();
		assertThat(all).contains("<option value=\"email\">même e-mail (1)</option>");
		String emails = get("/prospects/duplicates?reason=email").body();
		assertThat(emails)
			.contains("Agence Martin Laon", "<option value=\"email\" selected=\"selected\">",
					"name=\"reason\" value=\"email\"", "name=\"queueReason\" value=\"email\"")
			.doesNotContain(">Cabinet Martin<");
		Matcher dismissEmail = Pattern.compile("action=\"(/prospects/duplicates/[0-9a-f-]{36}/dismiss)\"")
			.matcher(emails);
		assertThat(dismissEmail.find()).isTrue();
		HttpResponse<String> back = post(dismissEmail.group(1), Map.of("_csrf", csrf(emails), "reason", "email"),
				false);
		assertThat(PageSession.location(back)).isEqualTo("/prospects/duplicates?reason=email");
		// its last pair decided, the reason says so rather than "the queue is empty"
		assertThat(get("/prospects/duplicates?reason=email").body())
			.contains("Plus aucune paire à examiner pour cette raison\u00A0:",
					"<a href=\"/prospects/duplicates\">voir toutes les paires</a>")
			.doesNotContain("Aucun doublon possible à examiner.");
		// nothing ticked: said, nothing decided
		post("/prospects/duplicates/decisions",
				List.of(Map.entry("_csrf", csrf(after)), Map.entry("scope", "checked"), Map.entry("decision", "MERGE")),
				false);
		assertThat(get("/prospects/duplicates").body()).contains("Cochez au moins une paire.");
	}

	@Test
	void pagesThroughAReviewQueueLongerThanAPage() throws Exception {
		var tenant = this.api.newOrganisation("File d’attente");
		assertThat(this.prospects.importAndWait(tenant.token(), "q.csv", PairDecisionsIntegrationTests.pairs(101)))
			.containsEntry("created", 202);
		assertThat((List<?>) this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates?limit=100&offset=100")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class)).hasSize(1);

		login(tenant.email());
		String first = get("/prospects/duplicates").body();
		assertThat(first).contains("101 paires à examiner", "Page 1 sur 2", "href=\"/prospects/duplicates?page=1\"");
		assertThat(Pattern.compile("/dismiss\"").matcher(first).results().count()).isEqualTo(100);
		String second = get("/prospects/duplicates?page=1").body();
		// the first page's link carries no page number
		assertThat(second).contains("Page 2 sur 2", "href=\"/prospects/duplicates\">← Précédente");
		assertThat(Pattern.compile("/dismiss\"").matcher(second).results().count()).isEqualTo(1);
		assertThat(get("/prospects/duplicates?page=9").body()).contains("Page 2 sur 2");
		// setting a pair aside on page 2 comes back to page 2
		Matcher dismiss = Pattern.compile("action=\"(/prospects/duplicates/[0-9a-f-]{36}/dismiss)\"").matcher(second);
		assertThat(dismiss.find()).isTrue();
		HttpResponse<String> dismissed = post(dismiss.group(1), Map.of("_csrf", csrf(second), "page", "1"), false);
		assertThat(location(dismissed)).endsWith("/prospects/duplicates?page=1");
		String afterDismiss = get("/prospects/duplicates").body();
		assertThat(afterDismiss).contains("100 paires à examiner");
		// "same agency" from the queue merges and comes back to the queue, with a link
		// to the agency where the merge can be undone
		Matcher merge = Pattern.compile("action=\"/prospects/([0-9a-f-]{36})/merge\"").matcher(afterDismiss);
		assertThat(merge.find()).isTrue();
		Matcher other = Pattern.compile("name=\"otherId\" value=\"([0-9a-f-]{36})\"").matcher(afterDismiss);
		assertThat(other.find()).isTrue();
		HttpResponse<String> merged = post("/prospects/" + merge.group(1) + "/merge",
				Map.of("_csrf", csrf(afterDismiss), "otherId", other.group(1), "queuePage", "0"), false);
		assertThat(location(merged)).endsWith("/prospects/duplicates");
		String queue = get("/prospects/duplicates").body();
		assertThat(queue).contains("99 paires à examiner", "ne font plus qu’une",
				"href=\"/prospects/" + merge.group(1) + "\"");
		assertThat(get("/prospects/duplicates").body()).doesNotContain("ne font plus qu’une");
	}

	@Test
	void givesTheReportInWordsForASpreadsheetBesideTheTechnicalOne() throws Exception {
		var tenant = this.api.newOrganisation("Rapport lisible");
		String job = (String) this.prospects.importAndWait(tenant.token(), "agences.csv", """
				Raison sociale;SIRET;E-mail;Code postal
				Agence Dupont;12345678901234;pas-un-email;75008
				Cabinet Martin;;contact@martin.fr;13002
				;;;75001
				=1+1;;;
				;;;
				Agence Finale;;;
				""").get("id");
		login(tenant.email());

		String page = get("/prospects/imports/" + job).body();
		// an empty row has no line to show: no empty box under its label on a phone
		assertThat(page).contains("Ligne vide, rejetée").doesNotContain("<code></code>");
		assertThat(page).contains("id=\"import-report\" href=\"/prospects/imports/" + job + "/report.csv\"",
				"id=\"import-technical-report\" href=\"/prospects/imports/" + job + "/rows.csv\"");
		HttpResponse<String> report = get("/prospects/imports/" + job + "/report.csv");
		assertThat(report.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(report.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("rapport-import-agences.csv"));
		// for French Excel: a BOM, semicolons, the problems in words, the agency by name
		// with its page, and the row as the file had it, to correct and send again
		assertThat(report.body()).startsWith("\uFEFFLigne;Statut;Agence;Lien;Problèmes;Ligne du fichier\r\n")
			.containsPattern("\r\n1;Créée;Agence Dupont;http://localhost:" + this.port
					+ "/prospects/[0-9a-f-]{36};SIRET\u00A0: clé de contrôle fausse, ignoré · E-mail invalide, ignoré;"
					+ "\"Agence Dupont;12345678901234;pas-un-email;75008\"\r\n")
			.containsPattern("\r\n2;Créée;Cabinet Martin;http://localhost:" + this.port
					+ "/prospects/[0-9a-f-]{36};;\"Cabinet Martin;;contact@martin.fr;13002\"\r\n")
			.contains("\r\n3;Rejetée;;;Ligne rejetée\u00A0: ni nom, ni e-mail, ni téléphone, ni SIRET")
			// a line a spreadsheet would run as a formula is shown as text
			.contains("\"'=1+1;;;\"")
			.doesNotContain("siret:invalid_checksum", "CREATED");
		// the technical report keeps the API's format exactly
		assertThat(get("/prospects/imports/" + job + "/rows.csv").body())
			.startsWith("row,status,prospect_id,messages\n")
			.containsPattern("\n1,CREATED,[0-9a-f-]{36},siret:invalid_checksum\\|email:invalid\n");
		// in English, with the commas English Excel expects
		HttpResponse<String> english = get("/prospects/imports/" + job + "/report.csv?lang=en");
		assertThat(english.body()).startsWith("\uFEFFRow,Status,Agency,Link,Problems,Line of the file\r\n")
			.contains("\r\n1,Created,Agence Dupont,http://",
					"SIRET: wrong check digit, left out · Invalid e-mail, left out")
			.doesNotContain("Créée");
		assertThat(english.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("import-report-agences.csv"));
		get("/prospects?lang=fr");
		// another organisation's import has no report here
		var other = this.api.newOrganisation("Autre rapport");
		PageSession stranger = new PageSession(this.port);
		stranger.login(other.email());
		assertThat(stranger.get("/prospects/imports/" + job + "/report.csv").statusCode()).isEqualTo(404);
	}

	@Test
	void anAgencyPageSaysWhichValuesItsImportLeftOut() throws Exception {
		var tenant = this.api.newOrganisation("Valeurs écartées");
		String job = (String) this.prospects.importAndWait(tenant.token(), "agences.csv", """
				Raison sociale;SIRET;E-mail;Code postal
				Agence Dupont;12345678901234;pas-un-email;75008
				Cabinet Martin;;contact@martin.fr;13002
				""").get("id");
		login(tenant.email());
		String list = get("/prospects?sort=name").body();
		Matcher dupont = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Agence Dupont<").matcher(list);
		Matcher martin = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Cabinet Martin<").matcher(list);
		assertThat(dupont.find()).isTrue();
		assertThat(martin.find()).isTrue();

		String page = get("/prospects/" + dupont.group(1)).body();
		assertThat(page).contains("id=\"import-problems\"", "Valeurs écartées à l’import",
				"href=\"/prospects/imports/" + job + "\">agences.csv · ligne 1</a>",
				"title=\"siret:invalid_checksum\">SIRET\u00A0: clé de contrôle fausse, ignoré · </span>",
				"E-mail invalide, ignoré",
				"<code class=\"original\">Agence Dupont;12345678901234;pas-un-email;75008</code>");
		// a list with nothing in it says so, as the other facts do
		assertThat(page).containsPattern("<dt>E-mails</dt><dd>—</dd>")
			.containsPattern("<dt>Téléphones</dt>\\s*<dd>—</dd>")
			.containsPattern("<dt>Étiquettes</dt><dd>—</dd>");
		assertThat(get("/prospects/" + martin.group(1)).body()).doesNotContain("id=\"import-problems\"")
			.contains("contact@martin.fr");

		// the agency a merge absorbed is one click away from the one that kept it
		this.api.post(tenant.token(), "/api/v1/prospects/" + martin.group(1) + "/merge",
				Map.of("otherId", dupont.group(1)));
		String survivor = get("/prospects/" + martin.group(1)).body();
		assertThat(survivor).contains("class=\"merged-agency\" href=\"/prospects/" + dupont.group(1) + "\"",
				"voir sa fiche");
		// and its page, one click away, still says what the import left out
		assertThat(get("/prospects/" + dupont.group(1)).body()).contains("id=\"import-problems\"",
				"agences.csv · ligne 1");
	}

	@Test
	void aDraftIsLeftForTheListOfImportsWithoutCountsItHasNotYet() throws Exception {
		var tenant = this.api.newOrganisation("Brouillon");
		login(tenant.email());
		String draft = draft("brouillon.csv", """
				Raison sociale;Code postal
				Agence Opéra;75009
				Agence Bastille;75011
				""");
		assertThat(get(draft + "/mapping").body())
			.contains("<a id=\"mapping-back\" href=\"/prospects/imports\">← Imports</a>");
		assertThat(get("/prospects/imports").body())
			.containsPattern("(?s)>brouillon\\.csv</a>.*?Brouillon</span></td>\\s*"
					+ "<td data-label=\"Lignes\">2</td>\\s*<td data-label=\"Créées\">—</td>\\s*"
					+ "<td data-label=\"Fusionnées\">—</td>\\s*<td data-label=\"Rejetées\">—</td>");
	}

	@Test
	void anEmptyBaseSaysHowToFillItAndAnEmptySearchHowToWidenIt() throws Exception {
		var tenant = this.api.newOrganisation("Premier jour");
		login(tenant.email());
		String first = get("/prospects").body();
		assertThat(first)
			.contains("id=\"empty-base\"", "Aucune agence pour l’instant.",
					"<a class=\"button primary\" href=\"/prospects/imports\">Importer un fichier</a>")
			.doesNotContain("Aucune agence ne correspond", "/prospects/export");
		assertThat(get("/prospects?sort=-city&status=ACTIVE").body()).contains("id=\"empty-base\"");

		this.prospects.importAndWait(tenant.token(), "agences.csv", """
				Raison sociale;Code postal
				Agence Opéra;75009
				""");
		String none = get("/prospects?q=bastille").body();
		assertThat(none)
			.contains("Aucune agence ne correspond.",
					"<a id=\"clear-filters\" href=\"/prospects\">Effacer les filtres</a>")
			// nothing to export: a file of headers alone is no answer to a search
			.doesNotContain("id=\"empty-base\"", "/prospects/export");
		assertThat(get("/prospects").body()).contains("Agence Opéra", "/prospects/export")
			.doesNotContain("id=\"empty-base\"");
	}

	@Test
	void showsSirenAndSiretInGroupsAsTheFrenchWriteThem() throws Exception {
		var tenant = this.api.newOrganisation("Numéros groupés");
		this.prospects.importAndWait(tenant.token(), "agences.csv", """
				Raison sociale;SIRET;Code postal;Téléphone
				Immo Lumière;73282932000074;75004;06 12 34 56 78
				""");
		login(tenant.email());
		String list = get("/prospects").body();
		assertThat(list).contains("<td data-label=\"SIRET\" class=\"registry-number\">732 829 320 00074</td>");
		// the number as the page shows it finds the agency
		assertThat(get("/prospects?q=732+829+320+00074").body()).contains("Immo Lumière", "1 agence");
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Immo Lumière<").matcher(list);
		assertThat(link.find()).isTrue();
		// lines as they come, whatever their indentation
		String detail = get("/prospects/" + link.group(1)).body().replaceAll("\n\\s+", "\n");
		assertThat(detail).contains("<dt>SIREN</dt><dd>732 829 320</dd>", "<dt>SIRET</dt><dd>732 829 320 00074</dd>");
		// the provenance table writes them the same way, and the phone as dialled
		assertThat(detail)
			.contains(">SIREN</td>\n<td data-label=\"Valeur\">732 829 320</td>",
					">SIRET</td>\n<td data-label=\"Valeur\">732 829 320 00074</td>",
					">Téléphones</td>\n<td data-label=\"Valeur\">06\u00a012\u00a034\u00a056\u00a078</td>")
			.doesNotContain(">732829320<", ">73282932000074<", ">+33612345678<");
	}

	@Test
	void writesAmountsAndColonsTheEnglishWayOnAnEnglishAgencyPage() throws Exception {
		var tenant = this.api.newOrganisation("Page anglaise");
		this.prospects.importAndWait(tenant.token(), "agences.csv", """
				Raison sociale;SIRET;Chiffre d'affaires
				Immo Lumière;73282932000074;1 032 000
				Immo Lumiere;73282932000074;
				""");
		login(tenant.email());
		Matcher link = Pattern.compile("href=\"/prospects/([0-9a-f-]{36})\">Immo Lumière<")
			.matcher(get("/prospects").body());
		assertThat(link.find()).isTrue();
		String french = get("/prospects/" + link.group(1)).body();
		assertThat(french).contains("<dd>1 032 000 €</dd>", ">1 032 000 €</td>", ">agences.csv · ligne 2</a>\u00a0:");
		String english = get("/prospects/" + link.group(1) + "?lang=en").body();
		assertThat(english).contains("<dd>€1,032,000</dd>", ">€1,032,000</td>", ">agences.csv · row 2</a>:")
			.doesNotContain("1 032 000 €", "</a> :");
		get("/prospects?lang=fr");
	}

	private void login(String email) throws Exception {
		this.session.login(email);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.session.get(path);
	}

	private HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) throws Exception {
		return this.session.post(path, form, htmx);
	}

	private HttpResponse<String> post(String path, List<Map.Entry<String, String>> form, boolean htmx)
			throws Exception {
		return this.session.post(path, form, htmx);
	}

	private HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] content) throws Exception {
		String boundary = "----atlas" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.session.send(HttpRequest.newBuilder(this.session.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static String location(HttpResponse<?> response) {
		return PageSession.location(response);
	}

	private static String csrf(String html) {
		return PageSession.csrf(html);
	}

	/**
	 * Uploads a CSV through the wizard's first step, as the signed-in member: the draft
	 * import's page, without "/mapping".
	 */
	private String draft(String fileName, String csv) throws Exception {
		String imports = get("/prospects/imports").body();
		return location(multipart("/prospects/imports", csrf(imports), fileName, csv.getBytes(StandardCharsets.UTF_8)))
			.replace("/mapping", "");
	}

}
