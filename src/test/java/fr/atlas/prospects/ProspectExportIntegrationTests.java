package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.prospects.internal.ColumnMapping;
import fr.atlas.prospects.internal.ImportField;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloading the agency base is for managers and above, through the API and the pages,
 * and every export leaves an audit entry: who, which format, how many agencies, which
 * filters.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ProspectExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void onlyManagersAndAboveExportThroughTheApiAndEachExportIsAudited() {
		Tenant org = this.api.newOrganisation("Agence Exportatrice");
		Tenant other = this.api.newOrganisation("Agence Voisine Exportatrice");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String viewer = member(org, "VIEWER");
		String agent = member(org, "AGENT");
		String manager = member(org, "MANAGER");

		for (String token : List.of(this.api.token(viewer, ApiClient.PASSWORD),
				this.api.token(agent, ApiClient.PASSWORD))) {
			for (String format : List.of("csv", "xlsx")) {
				var refused = this.api.getText(token, "/api/v1/prospects/export?format=" + format);
				assertThat(refused.getStatusCode().value()).isEqualTo(403);
				assertThat(refused.getBody()).doesNotContain("Agence de la Gare");
			}
		}
		assertThat(exports(org)).as("a refused export is no export").isEmpty();

		String managerToken = this.api.token(manager, ApiClient.PASSWORD);
		var csv = this.api.getText(managerToken, "/api/v1/prospects/export?format=csv&city=Paris&sort=-name");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getBody().lines().skip(1)).hasSize(2);
		assertThat(this.api.getText(org.token(), "/api/v1/prospects/export?format=xlsx").getStatusCode().value())
			.isEqualTo(200);

		List<Map<String, Object>> entries = exports(org);
		assertThat(entries).hasSize(2);
		// newest first: the owner's whole base, then the manager's Parisian agencies
		assertThat(entries.get(0)).containsEntry("actorLabel", org.email())
			.containsEntry("entityType", "prospect")
			.containsEntry("summary", "Export XLSX de 5 agences, sans filtre (toute la base)");
		assertThat(entries.get(1)).containsEntry("actorLabel", manager)
			.containsEntry("summary", "Export CSV de 2 agences (Ville\u00A0: Paris)");
		assertThat(entries.get(1).get("clientIp")).isNotNull();
		assertThat(exports(other)).as("another organisation's log").isEmpty();
	}

	/**
	 * The filters of an export are said in words in the reader's language: each one as
	 * the list's form names it, a choice as the list offers it, a member by name.
	 */
	@Test
	void anExportsFiltersReadInWordsInTheReadersLanguage() {
		Tenant org = this.api.newOrganisation("Agence aux Filtres Lisibles");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		var csv = this.api.getText(org.token(), "/api/v1/prospects/export?format=csv&city=Paris&status=ALL"
				+ "&reachable=email&owner=me&work=no-prospection-case&minListings=2&sort=-name");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		String owner = "Owner Agence aux Filtres Lisibles";
		assertThat(exports(org)).singleElement()
			.satisfies((entry) -> assertThat(entry)
				.containsEntry("summary", "Export CSV de 0 agence (Ville\u00A0: Paris, Responsable\u00A0: " + owner
						+ ", Statut\u00A0: Toutes, "
						+ "Annonces (min.)\u00A0: 2, Joignable\u00A0: Avec e-mail, Dossier de prospection ouvert\u00A0: non)"));
		var english = this.api.raw()
			.get()
			.uri("/api/v1/audit?action=prospect.exported")
			.headers((h) -> h.setBearerAuth(org.token()))
			.header("Accept-Language", "en")
			.retrieve()
			.toEntity(Map.class);
		assertThat((List<Map<String, Object>>) english.getBody().get("items")).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("summary"))
				.startsWith("CSV export of 0 agency (Town: Paris, Owner: " + owner + ", Status: All, ")
				.contains("Listings (min.): 2, Reachable: With an e-mail, Prospection case opened: no)")
				.doesNotContain("=")
				.doesNotContain("reachable")
				.doesNotContain(org.userId().toString()));
	}

	@Test
	void thePagesOfferTheExportToManagersOnly() throws Exception {
		Tenant org = this.api.newOrganisation("Agence aux Boutons");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		for (String role : List.of("VIEWER", "AGENT")) {
			PageSession session = new PageSession(this.port).login(member(org, role));
			assertThat(session.get("/prospects").body()).as(role)
				.contains("Agence de la Gare")
				.doesNotContain("/prospects/export");
			HttpResponse<String> refused = session.get("/prospects/export?format=csv");
			assertThat(refused.statusCode()).as(role).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("Agence de la Gare");
		}
		PageSession manager = new PageSession(this.port).login(member(org, "MANAGER"));
		assertThat(manager.get("/prospects?city=Marseille").body()).contains("/prospects/export?city=Marseille");
		HttpResponse<String> csv = manager.get("/prospects/export?city=Marseille&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("Cabinet Martin").doesNotContain("Agence de la Gare");
		assertThat(exports(org)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("summary",
					"Export CSV de 2 agences (Ville\u00A0: Marseille)"));
	}

	/**
	 * The list's download is for people opening it in a spreadsheet: headers in their
	 * language that the import reads back as the same fields, French phones as dialled
	 * (no apostrophe before them), foreign ones international and still defused, SIRETs
	 * in groups. Sent back in, it maps every column and creates nothing; the API's export
	 * keeps its keys and E.164 numbers for the tools that read it.
	 */
	@Test
	void theListsDownloadReadsInThePeoplesLanguageAndComesBackInAsTheSameAgencies() throws Exception {
		Tenant org = this.api.newOrganisation("Agence aux Colonnes Lisibles");
		this.prospects.importAndWait(org.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		this.prospects.importAndWait(org.token(), "b.csv",
				"""
						Raison sociale;SIRET;E-mail;Téléphone;Portable;Chiffre d'affaires;Tranche d'effectif;Tags;Spécialité
						Agence Double;73282932000074;un@double.fr, deux@double.fr;01 23 45 67 00;06 12 34 56 78;1 250 000,50;20 à 49 salariés;Relance, VIP;Gestion locative
						Immo Bruxelles;;contact@immo-bruxelles.be;+32 2 234 56 78;;;;;
						""");
		PageSession manager = new PageSession(this.port).login(member(org, "MANAGER"));
		String csv = manager.get("/prospects/export?format=csv").body();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFIdentifiant Atlas;Raison sociale;Enseigne;SIREN;SIRET;Code NAF;"
				+ "Adresse;Code postal;Ville;Département;Site web;E-mails;Téléphones;Spécialité;Nb annonces;"
				+ "Chiffre d’affaires (€);Effectif;Étiquettes;Statut;Responsable;Créée le;Spécialités reconnues;"
				+ "Effectif min.;Effectif max.");
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).contains(";Agence Double;;732 829 320;732 829 320 00074;",
					";un@double.fr, deux@double.fr;01 23 45 67 00 / 06 12 34 56 78;",
					";1250000,5;20 à 49 salariés;Relance, VIP;Active;", ";Location · Gestion, syndic;20;49"))
			.anySatisfy((line) -> assertThat(line).contains(";'+32 2 234 56 78;"))
			.anySatisfy((line) -> assertThat(line).contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";"))
			.noneSatisfy((line) -> assertThat(line).contains("'0", "+33"));
		// every column is one the import reads as the field it holds, or leaves out
		List<ImportField> fields = List.of(ImportField.IGNORED, ImportField.NAME, ImportField.TRADE_NAME,
				ImportField.SIREN, ImportField.SIRET, ImportField.NAF, ImportField.ADDRESS, ImportField.POSTCODE,
				ImportField.CITY, ImportField.IGNORED, ImportField.WEBSITE, ImportField.EMAIL, ImportField.PHONE,
				ImportField.SPECIALTY, ImportField.LISTING_COUNT, ImportField.REVENUE, ImportField.HEADCOUNT,
				ImportField.TAGS, ImportField.IGNORED, ImportField.IGNORED, ImportField.IGNORED, ImportField.IGNORED,
				ImportField.IGNORED, ImportField.IGNORED);
		assertThat(ColumnMapping.detect(List.of(lines.get(0).substring(1).split(";")), Map.of()).fields())
			.isEqualTo(fields);
		// in English for a member reading English, with the commas English Excel expects
		String english = new PageSession(this.port).login(member(org, "MANAGER"))
			.get("/prospects/export?format=csv&lang=en")
			.body();
		String englishHeader = english.lines().findFirst().orElseThrow();
		assertThat(englishHeader).startsWith("\uFEFFAtlas ID,Company name,Trade name,SIREN,SIRET,NAF code,Address,");
		assertThat(ColumnMapping.detect(List.of(englishHeader.substring(1).split(",")), Map.of()).fields())
			.isEqualTo(fields);
		assertThat(english).contains(",01 23 45 67 00 / 06 12 34 56 78,", ",1250000.5,");

		// sent back in: the same agencies, nothing created, nothing lost or queued
		List<String> before = contactDetails(org.token());
		String pairs = this.api.getText(org.token(), "/api/v1/prospects/duplicates").getBody();
		Map<String, Object> again = this.prospects.importAndWait(org.token(), "prospects.csv", csv);
		assertThat(again).containsEntry("created", 0)
			.containsEntry("rejected", 0)
			.containsEntry("warnings", 0)
			.containsEntry("merged", 7);
		assertThat(contactDetails(org.token())).isEqualTo(before);
		assertThat(this.api.getText(org.token(), "/api/v1/prospects/duplicates").getBody()).isEqualTo(pairs);
		Tenant other = this.api.newOrganisation("Agence aux Colonnes Relues");
		assertThat(this.prospects.importAndWait(other.token(), "prospects.csv", english)).containsEntry("created", 7)
			.containsEntry("rejected", 0)
			.containsEntry("warnings", 0);
		assertThat(contactDetails(other.token())).isEqualTo(before)
			.anySatisfy((line) -> assertThat(line).startsWith(
					"Agence Double [deux@double.fr, un@double.fr] [+33123456700, +33612345678] 20 à 49 salariés 73282932000074 125000050"));

		// the Excel download has the same headers, its counts and amounts as numbers
		byte[] xlsx = manager.bytes("/prospects/export?format=xlsx&q=double");
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Raison sociale");
			assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("01 23 45 67 00 / 06 12 34 56 78");
			assertThat(sheet.getRow(1).getCell(15).getNumericCellValue()).isEqualTo(1_250_000.5);
		}
		// another organisation's download holds none of them
		Tenant neighbour = this.api.newOrganisation("Agence aux Colonnes Voisines");
		String theirs = new PageSession(this.port).login(member(neighbour, "MANAGER"))
			.get("/prospects/export?format=csv")
			.body();
		assertThat(theirs.lines()).hasSize(1);
		assertThat(theirs).doesNotContain("Agence Double", "Bruxelles");
		// the API's export is the tools' as before
		String tools = this.api.getText(org.token(), "/api/v1/prospects/export?format=csv").getBody();
		assertThat(tools).startsWith("\uFEFFid;name;trade_name;siren;siret").contains("'+33123456700 +33612345678");
	}

	/**
	 * The API's export keeps its {@code headcount_band} column for the tools that read
	 * it, which holds the headcount as stored ("12" people); the import reads a column so
	 * named as INSEE's codes, where "12" is 20 to 49 people. The export also writes the
	 * stored headcount under {@code headcount}, a count the import prefers: sent to
	 * another organisation, each agency comes back with the headcount it went out with.
	 */
	@Test
	void theApisExportComesBackInWithTheHeadcountsItWentOutWith() {
		Tenant org = this.api.newOrganisation("Agence aux Effectifs Exportés");
		this.prospects.importAndWait(org.token(), "effectifs.csv", """
				Raison sociale;Ville;Effectif
				Agence des Douze;Annecy;12
				Agence des Vingt;Annecy;20 à 49 salariés
				Agence Sans Effectif;Annecy;
				""");
		this.prospects.importAndWait(org.token(), "tranches.csv", """
				Raison sociale;Ville;Tranche d'effectif salarié
				Agence Codée;Annecy;03
				Agence du Code Douze;Annecy;12
				""");
		List<String> before = headcounts(org.token());
		assertThat(before).containsExactlyInAnyOrder("Agence Codée 6-9 {min=6, max=9}",
				"Agence des Douze 12 {min=12, max=12}", "Agence des Vingt 20 à 49 salariés {min=20, max=49}",
				"Agence du Code Douze 20-49 {min=20, max=49}", "Agence Sans Effectif null null");
		String tools = this.api.getText(org.token(), "/api/v1/prospects/export?format=csv").getBody();
		Tenant other = this.api.newOrganisation("Agence aux Effectifs Relus");
		assertThat(this.prospects.importAndWait(other.token(), "prospects.csv", tools)).containsEntry("created", 5)
			.containsEntry("rejected", 0);
		assertThat(headcounts(other.token())).isEqualTo(before);
		List<String> header = List.of(tools.lines().findFirst().orElseThrow().substring(1).split(";"));
		assertThat(header).as("the columns the tools read stay where they were")
			.startsWith("id", "name", "trade_name", "siren", "siret", "naf", "address", "postcode", "city",
					"department", "website", "emails", "phones", "specialty", "listing_count", "revenue_eur",
					"headcount_band", "tags", "status", "owner", "created_at", "specialties", "headcount_min",
					"headcount_max")
			.endsWith("headcount");
		assertThat(tools.lines()).anySatisfy(
				(line) -> assertThat(line).contains(";Agence des Douze;").contains(";12;").endsWith(";12;12;12"));
	}

	private List<String> headcounts(String token) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api.get(token, "/api/v1/prospects?size=100")
			.getBody()
			.get("items");
		return items.stream()
			.map((item) -> item.get("name") + " " + item.get("headcountBand") + " " + item.get("headcount"))
			.sorted()
			.toList();
	}

	/** Each agency's name, e-mails, phones and headcount, sorted. */
	private List<String> contactDetails(String token) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api.get(token, "/api/v1/prospects?size=100")
			.getBody()
			.get("items");
		return items.stream()
			.map((item) -> item.get("name") + " " + sorted(item.get("emails")) + " "
					+ sorted(((List<Map<String, Object>>) item.get("phones")).stream()
						.map((phone) -> phone.get("number"))
						.toList())
					+ " " + item.get("headcountBand") + " " + item.get("siret") + " " + item.get("revenueCents") + " "
					+ sorted(item.get("tags")) + " " + item.get("specialty"))
			.sorted()
			.toList();
	}

	private static List<String> sorted(Object values) {
		return ((List<Object>) values).stream().map(String::valueOf).sorted().toList();
	}

	private String member(Tenant org, String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
		this.members.add(org, UUID.randomUUID(), email, "Membre " + role, role);
		return email;
	}

	private List<Map<String, Object>> exports(Tenant org) {
		var page = this.api.get(org.token(), "/api/v1/audit?action=prospect.exported");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) page.getBody().get("items");
	}

}
