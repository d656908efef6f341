package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.AtOnce;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportApiIntegrationTests {

	static final String AGENCIES = """
			Raison sociale;SIRET;E-mail;Téléphone;Code postal;Ville;Site web;Nb annonces;Chiffre d'affaires
			SARL Agence de la Gare;542 051 180 00066;CONTACT@GARE.FR;01.23.45.67.89;75008;Paris;www.gare.fr;42;1,5 M€
			Agence Gare;;contact@gare.fr;;75008;Paris;;;
			Century 21 Agence du Port;;;04 91 00 00 01;13002;Marseille;;12;
			Century 21 Agence du Port;;;02 98 00 00 01;29200;Brest;;7;
			;;;;75001;Paris;;;
			Immo Sud;54205118000067;pas-un-email;;13008;Marseille;;;
			""";

	static final Set<String> CONTRACT_STATUSES = Set.of("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED");

	@Autowired
	ProspectImports imports;

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ProspectsApi prospects;

	@Test
	void importsACsvFileAndReportsEveryRow() {
		var tenant = this.api.newOrganisation("Import CSV");
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "agences.csv", AGENCIES);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		String id = (String) accepted.getBody().get("id");
		assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/imports/" + id);
		assertThat(accepted.getBody()).containsKeys("id", "status");

		Map<String, Object> status = this.prospects.waitFor(tenant.token(), id);
		assertThat(status).containsEntry("status", "DONE")
			.containsEntry("totalRows", 6)
			.containsEntry("processedRows", 6)
			.containsEntry("created", 4)
			.containsEntry("merged", 1)
			.containsEntry("rejected", 1)
			.containsEntry("warnings", 2);

		ResponseEntity<String> report = this.api.getText(tenant.token(), "/api/v1/imports/" + id + "/rows");
		assertThat(report.getHeaders().getContentType().toString()).startsWith("text/csv");
		List<String> lines = report.getBody().lines().toList();
		assertThat(lines.get(0)).isEqualTo("row,status,prospect_id,messages");
		assertThat(lines).hasSize(7);
		assertThat(lines.get(1)).startsWith("1,CREATED,");
		String gare = lines.get(1).split(",")[2];
		assertThat(lines.get(2)).isEqualTo("2,MERGED," + gare + ",");
		assertThat(lines.get(3)).startsWith("3,CREATED,");
		assertThat(lines.get(4)).startsWith("4,CREATED,");
		assertThat(lines.get(5)).isEqualTo("5,REJECTED,,row:no_identity");
		assertThat(lines.get(6)).matches("6,CREATED,[0-9a-f-]{36},siret:invalid_checksum\\|email:invalid");
	}

	@Test
	void exposesOnlyTheContractStatusesWizardDraftsIncluded() throws Exception {
		var tenant = this.api.newOrganisation("Statuts");
		OrgId org = OrgId.of(tenant.orgId());
		UUID draft = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("assistant.csv", new ByteArrayInputStream(AGENCIES.getBytes(StandardCharsets.UTF_8)),
							Map.of(), tenant.userId(), false)
					.job()
					.id());
		Map<String, Object> drafted = this.api.get(tenant.token(), "/api/v1/imports/" + draft).getBody();
		assertThat(drafted).containsEntry("status", "QUEUED").containsEntry("processedRows", 0);

		Set<Object> seen = new HashSet<>();
		String id = (String) this.prospects.upload(tenant.token(), "agences.csv", AGENCIES).getBody().get("id");
		Object status = null;
		for (int i = 0; i < 600 && !"DONE".equals(status); i++) {
			status = this.api.get(tenant.token(), "/api/v1/imports/" + id).getBody().get("status");
			seen.add(status);
			Thread.sleep(50);
		}
		assertThat(status).isEqualTo("DONE");
		ResponseEntity<Map> cancelled = this.api.post(tenant.token(), "/api/v1/imports/" + draft + "/cancel", Map.of());
		seen.add(cancelled.getBody().get("status"));
		seen.add(this.api.get(tenant.token(), "/api/v1/imports/" + draft).getBody().get("status"));
		assertThat(seen).contains("DONE", "CANCELLED").isSubsetOf(CONTRACT_STATUSES);
	}

	@Test
	@SuppressWarnings("unchecked")
	void importingTheSameFileTwiceCreatesNothingNew() {
		var tenant = this.api.newOrganisation("Idempotent");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "a.csv", AGENCIES);
		assertThat(first).containsEntry("created", 4).containsEntry("merged", 1).containsEntry("rejected", 1);
		Object agencies = this.api.get(tenant.token(), "/api/v1/prospects").getBody().get("total");

		// sent again once done: an import of its own that imports nothing, each row
		// ending in the agency the first put it in (ADR 0055)
		ResponseEntity<Map> again = this.prospects.upload(tenant.token(), "copie.csv", AGENCIES);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getHeaders().getLocation()).hasToString("/api/v1/imports/" + again.getBody().get("id"));
		assertThat(again.getBody().get("id")).isNotEqualTo(first.get("id"));
		Map<String, Object> repeat = this.prospects.waitFor(tenant.token(), (String) again.getBody().get("id"));
		assertThat(repeat).containsEntry("status", "DONE")
			.containsEntry("totalRows", 6)
			.containsEntry("processedRows", 6)
			.containsEntry("created", 0)
			.containsEntry("merged", 5)
			.containsEntry("rejected", 1)
			.containsEntry("warnings", first.get("warnings"));
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects").getBody().get("total")).isEqualTo(agencies);
		String firstRows = this.api.getText(tenant.token(), "/api/v1/imports/" + first.get("id") + "/rows").getBody();
		String repeatRows = this.api.getText(tenant.token(), "/api/v1/imports/" + repeat.get("id") + "/rows").getBody();
		assertThat(repeatRows).isEqualTo(firstRows.replace(",CREATED,", ",MERGED,")).doesNotContain("CREATED");
		// its agencies are the first one's
		List<Map<String, Object>> firstAgencies = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?importId=" + first.get("id"))
			.getBody()
			.get("items");
		assertThat((List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?importId=" + repeat.get("id"))
			.getBody()
			.get("items")).extracting((a) -> a.get("id"))
			.containsExactlyInAnyOrderElementsOf(firstAgencies.stream().map((a) -> a.get("id")).toList())
			.hasSize(4);
		// a third time is another repeat of the first, not of the repeat
		Map<String, Object> third = this.prospects.importAndWait(tenant.token(), "copie-2.csv", AGENCIES);
		assertThat(third.get("id")).isNotIn(first.get("id"), repeat.get("id"));
		assertThat(third).containsEntry("created", 0).containsEntry("merged", 5).containsEntry("rejected", 1);

		// the same file with the website column left out is another import: it runs,
		// and its rows merge into what the first created
		ResponseEntity<Map> remapped = this.prospects.upload(tenant.token(), "a.csv",
				AGENCIES.getBytes(StandardCharsets.UTF_8), "{\"Site web\":\"ignore\"}", null);
		assertThat(remapped.getBody().get("id")).isNotEqualTo(first.get("id"));
		assertThat(this.prospects.waitFor(tenant.token(), (String) remapped.getBody().get("id")))
			.containsEntry("status", "DONE")
			.containsEntry("created", 0)
			.containsEntry("merged", 5)
			.containsEntry("rejected", 1);
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects").getBody().get("total")).isEqualTo(agencies);
	}

	@Test
	void theSameFileSentWhileItsImportRunsIsThatImport() {
		var tenant = this.api.newOrganisation("Envoi répété");
		UUID held = holdImports(tenant);
		ResponseEntity<Map> first = this.prospects.upload(tenant.token(), "a.csv", AGENCIES);
		// a client's retry while it waits: that import, not a second one
		ResponseEntity<Map> again = this.prospects.upload(tenant.token(), "a.csv", AGENCIES);
		assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + first.getBody().get("id")).getBody())
			.containsEntry("status", "QUEUED");
		release(tenant, held);
		assertThat(this.prospects.waitFor(tenant.token(), (String) first.getBody().get("id"))).containsEntry("created",
				4);
		assertThat(this.api.getList(tenant.token(), "/api/v1/imports").getBody()).hasSize(2);
	}

	@Test
	void theSameFileSentSeveralTimesAtOnceIsQueuedOnce() throws Exception {
		var tenant = this.api.newOrganisation("Envois simultanés");
		// none runs before all are answered: sent again once done, a file would be a
		// repeat
		UUID held = holdImports(tenant);
		List<ResponseEntity<Map>> answers = AtOnce.run(3,
				() -> this.prospects.upload(tenant.token(), "x.csv", AGENCIES));
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value()).containsOnly(202);
		assertThat(answers).extracting((answer) -> answer.getBody().get("id"))
			.containsOnly(answers.get(0).getBody().get("id"));
		release(tenant, held);
		assertThat(this.api.getList(tenant.token(), "/api/v1/imports").getBody()).hasSize(2);
	}

	/**
	 * Another node seems to be running an import of the organisation's: none of its other
	 * imports is started until {@link #release}.
	 */
	private UUID holdImports(ApiClient.Tenant tenant) {
		OrgId org = OrgId.of(tenant.orgId());
		UUID held = CurrentTenant.callAs(org,
				() -> this.imports
					.submit("ailleurs.csv",
							new ByteArrayInputStream(
									"Raison sociale\nAgence Ailleurs\n".getBytes(StandardCharsets.UTF_8)),
							Map.of(), null, false)
					.job()
					.id());
		CurrentTenant.runAs(org, () -> this.tx.executeWithoutResult((s) -> this.jdbc.sql(
				"update import_job set status = 'RUNNING', worker = 'autre-noeud', heartbeat_at = now() where id = :id")
			.param("id", held)
			.update()));
		return held;
	}

	private void release(ApiClient.Tenant tenant, UUID held) {
		CurrentTenant.runAs(OrgId.of(tenant.orgId()), () -> this.tx.executeWithoutResult((s) -> this.jdbc
			.sql("update import_job set status = 'CANCELLED', worker = null, heartbeat_at = null where id = :id")
			.param("id", held)
			.update()));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAgencyListsAtMostFiftyEmailsAndPhonesHoweverManyRowsMergeIntoIt() {
		var tenant = this.api.newOrganisation("Réseau de mandataires");
		// a network's agents, each given its head office's SIRET: every row is the one
		// agency, within a batch, then from the database in a second file
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agents.csv", agents(0, 30));
		assertThat(first).containsEntry("created", 1).containsEntry("merged", 29);
		Map<String, Object> second = this.prospects.importAndWait(tenant.token(), "agents-2.csv", agents(30, 130));
		assertThat(second).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("merged", 100);

		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?q=44296855800027")
			.getBody()
			.get("items");
		assertThat(items).hasSize(1);
		Map<String, Object> agency = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + items.get(0).get("id"))
			.getBody()
			.get("agency");
		List<String> emails = (List<String>) agency.get("emails");
		assertThat(emails).hasSize(50).startsWith("agent0@reseau.fr", "agent1@reseau.fr").endsWith("agent49@reseau.fr");
		assertThat((List<String>) agency.get("phones")).hasSize(50);
		// the others are still in the rows' provenance
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + second.get("id") + "/rows").getBody())
			.contains("MERGED");
	}

	private static String agents(int from, int to) {
		StringBuilder csv = new StringBuilder("Raison sociale;SIRET;E-mail;Téléphone;Code postal\n");
		for (int i = from; i < to; i++) {
			csv.append("Réseau Mandataires;44296855800027;agent")
				.append(i)
				.append("@reseau.fr;06 12 34 ")
				.append(String.format("%02d %02d", i / 100, i % 100))
				.append(";75011\n");
		}
		return csv.toString();
	}

	@Test
	void readsWindows1252AndTabs() {
		var tenant = this.api.newOrganisation("Encodage");
		byte[] latin = "Raison sociale\tVille\nAgence Forêt Élysée\tSète\n".getBytes(Charset.forName("windows-1252"));
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "latin.csv", latin, null, null);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("created", 1);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + status.get("id") + "/rows").getBody();
		assertThat(report).contains("1,CREATED,");
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsAUtf8FileWithAStrayWindows1252Byte() {
		var tenant = this.api.newOrganisation("Encodage mêlé");
		java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
		file.writeBytes("Raison sociale;Ville;Téléphone\nMixte Agence;Besan".getBytes(StandardCharsets.UTF_8));
		file.writeBytes("ç".getBytes(Charset.forName("windows-1252")));
		file.writeBytes("on;01 52 52 52 52\nMixte Deux;Orléans;01 52 52 52 53\n".getBytes(StandardCharsets.UTF_8));
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "mixte.csv", file.toByteArray(), null,
				null);
		assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
			.containsEntry("created", 2);
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?sort=name")
			.getBody()
			.get("items");
		assertThat(items).extracting((item) -> item.get("city")).containsExactlyInAnyOrder("Besançon", "Orléans");
	}

	/**
	 * A CR+LF file converted to Windows line ends once more ends its lines with CR CR LF:
	 * one line end, for the upload's count, the wizard's preview and the import alike; a
	 * blank line in it is still a numbered row:empty, and the lines of separators that
	 * Excel writes below the data are left out.
	 */
	@Test
	void readsLinesEndedTwiceByAConversionAsOneLineEnd() throws Exception {
		var tenant = this.api.newOrganisation("Fins de ligne");
		String file = "Raison sociale;Téléphone;Ville\r\r\nAgence Retour;01 23 45 67 81;Paris\r\r\n"
				+ "Agence Chariot;01 23 45 67 82;Lyon\r\r\n\r\r\nAgence Ligne;01 23 45 67 83;Nice\r\r\n"
				+ ";;\r\r\n;;\r\r\n";
		byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "deux-fois.csv", bytes, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("totalRows", 4).containsEntry("created", 3).containsEntry("rejected", 1);
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + status.get("id") + "/rows").getBody().lines())
			.extracting((line) -> line.replaceAll(",[0-9a-f-]{36},", ",id,"))
			.containsExactly("row,status,prospect_id,messages", "1,CREATED,id,", "2,CREATED,id,",
					"3,REJECTED,,row:empty", "4,CREATED,id,");

		OrgId org = OrgId.of(tenant.orgId());
		ProspectImports.Preview preview = CurrentTenant.callAs(org, () -> {
			UUID draft = this.imports
				.submit("assistant.csv", new ByteArrayInputStream(bytes), Map.of(), tenant.userId(), false)
				.job()
				.id();
			return this.imports.preview(draft, Map.of());
		});
		assertThat(preview.rows()).extracting(ProspectImports.PreviewRow::number).containsExactly(1, 2, 3, 4);
		assertThat(preview.rows()).extracting((row) -> row.cell(0))
			.containsExactly("Agence Retour", "Agence Chariot", "", "Agence Ligne");
		assertThat(preview.job().totalRows()).isEqualTo(4);
	}

	@Test
	void takesTheDelimiterLineOfAFileWrittenForExcel() {
		var tenant = this.api.newOrganisation("Séparateur Excel");
		byte[] file = "sep=,\r\nRaison sociale,Téléphone,Ville\r\nAgence Séparée,01 23 45 67 80,Paris\r\n"
			.getBytes(StandardCharsets.UTF_8);
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "excel.csv", file, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("totalRows", 1).containsEntry("created", 1).containsEntry("warnings", 0);
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + status.get("id") + "/rows").getBody())
			.contains("1,CREATED,");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Agence Séparée");
	}

	@Test
	void findsTheHeaderBelowTheTitleOfAnExport() {
		var tenant = this.api.newOrganisation("Export titré");
		byte[] file = ("Export des agences du 12/03/2024\r\n\r\nRaison sociale;Téléphone;Ville\r\n"
				+ "Agence Titrée;01 23 45 67 81;Paris\r\nAgence Titrée;01.23.45.67.81;Paris\r\n")
			.getBytes(StandardCharsets.UTF_8);
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "export.csv", file, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("totalRows", 2).containsEntry("created", 1).containsEntry("merged", 1);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + status.get("id") + "/rows").getBody();
		assertThat(report.lines().skip(1).map((line) -> line.substring(0, line.indexOf(',', 2))))
			.containsExactly("1,CREATED", "2,MERGED");
	}

	/**
	 * A list of names, one column: its header holds no delimiter, so the delimiter was
	 * read from the names, and "Dupont, Martin et Associés" became "Dupont" (its other
	 * cells ignored), merged with another "Dupont".
	 */
	@Test
	void readsAFileOfOneColumnWhoseNamesHoldADelimiterWhole() {
		var tenant = this.api.newOrganisation("Une colonne");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "noms.csv", """
				Raison sociale
				Dupont, Martin et Associés
				Cabinet Dupont
				"Leroy; Fils"
				Agence du Lac | Annecy
				""");
		assertThat(done).containsEntry("created", 4).containsEntry("merged", 0).containsEntry("warnings", 0);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=name"))
			.containsExactly("Agence du Lac | Annecy", "Cabinet Dupont", "Dupont, Martin et Associés", "Leroy; Fils");
	}

	@Test
	void readsUtf16AsExcelSavesUnicodeText() {
		var tenant = this.api.newOrganisation("Texte Unicode");
		String text = "Raison sociale\tVille\r\nAgence Forêt Élysée\tSète\r\nImmobilière Côte d’Azur\tNice\r\n";
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] marked = new byte[body.length + 2];
		marked[0] = (byte) 0xFF;
		marked[1] = (byte) 0xFE;
		System.arraycopy(body, 0, marked, 2, body.length);
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "agences.txt", marked, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("created", 2).containsEntry("rejected", 0);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?sort=name"))
			.containsExactly("Agence Forêt Élysée", "Immobilière Côte d’Azur");
		// the same text without its mark, big-endian, is read too
		byte[] big = "Raison sociale;Ville\nCabinet Lefèvre;Sète\n".getBytes(StandardCharsets.UTF_16BE);
		Map<String, Object> second = this.prospects.waitFor(tenant.token(),
				(String) this.prospects.upload(tenant.token(), "be.csv", big, null, null).getBody().get("id"));
		assertThat(second).containsEntry("created", 1);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=Cabinet"))
			.containsExactly("Cabinet Lefèvre");
	}

	@Test
	void importsAnXlsxWorkbook() throws Exception {
		var tenant = this.api.newOrganisation("Excel");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Agences");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("Raison sociale");
			header.createCell(1).setCellValue("SIRET");
			header.createCell(2).setCellValue("Code postal");
			header.createCell(3).setCellValue("Portable");
			Row first = sheet.createRow(1);
			first.createCell(0).setCellValue("Agence de l'Ain");
			first.createCell(1).setCellValue(54205118000066d);
			first.createCell(2).setCellValue(1000);
			first.createCell(3).setCellValue(612345678);
			// a gap row and a sparse row: column D left empty
			Row second = sheet.createRow(3);
			second.createCell(0).setCellValue("Agence Deux");
			second.createCell(2).setCellValue("69003");
			workbook.write(out);
		}
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "agences.xlsx", out.toByteArray(), null,
				null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> status = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(status).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("warnings", 0);
		Map<String, Object> page = this.api.get(tenant.token(), "/api/v1/prospects?q=ain").getBody();
		Map<String, Object> agency = ((List<Map<String, Object>>) page.get("items")).get(0);
		assertThat(agency).containsEntry("siret", "54205118000066")
			.containsEntry("postcode", "01000")
			.containsEntry("department", "01");
		assertThat((List<Map<String, Object>>) agency.get("phones"))
			.containsExactly(Map.of("number", "+33612345678", "kind", "MOBILE"));
	}

	@Test
	void warnsOfAnXlsxFormulaSavedWithoutItsValueAndReadsOneSavedWithIt() throws Exception {
		var tenant = this.api.newOrganisation("Formules");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Agences");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("Raison sociale");
			header.createCell(1).setCellValue("E-mail");
			header.createCell(2).setCellValue("Nb annonces");
			for (int i = 1; i <= 2; i++) {
				Row row = sheet.createRow(i);
				row.createCell(0).setCellValue("Agence " + i);
				row.createCell(1).setCellFormula("\"contact\"&\"@agence" + i + ".fr\"");
				row.createCell(2).setCellFormula("3*4");
			}
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			// the first row as a script writes it: formulas without their results
			for (Cell cell : sheet.getRow(1)) {
				if (((XSSFCell) cell).getCTCell().isSetF()) {
					((XSSFCell) cell).getCTCell().unsetV();
				}
			}
			workbook.write(out);
		}
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "formules.xlsx", out.toByteArray(), null,
				null);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(done).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("warnings", 2);
		List<String> lines = this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows")
			.getBody()
			.lines()
			.toList();
		assertThat(lines.get(1))
			.matches("1,CREATED,[0-9a-f-]{36},email:formula_without_value\\|listing_count:formula_without_value");
		assertThat(lines.get(2)).matches("2,CREATED,[0-9a-f-]{36},");
		Map<String, Object> agency = (Map<String, Object>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + lines.get(2).split(",")[2])
			.getBody()
			.get("agency");
		assertThat(agency).containsEntry("listingCount", 12);
		assertThat((List<String>) agency.get("emails")).containsExactly("contact@agence2.fr");
		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems")
			.getBody();
		assertThat((List<Map<String, Object>>) problems.get("counts")).extracting((c) -> c.get("message"))
			.contains(
					"E-mail\u00A0: formule enregistrée sans son résultat, lue vide\u202F; ouvrez le fichier dans Excel et "
							+ "enregistrez-le à nouveau");
	}

	@Test
	void importsColumnsWithoutAHeaderAsIgnored() {
		var tenant = this.api.newOrganisation("Colonnes sans titre");
		// a spreadsheet's export ends each line with the delimiter; a column in the
		// middle has no header
		for (String mapping : new String[] { null, "{\"Courriel\":\"email\"}" }) {
			String town = (mapping == null) ? "Brest" : "Quimper";
			ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "vides.csv",
					("Raison sociale;;Courriel;Ville;\nAgence Vide;x;vide@agence.fr;%s;\nCabinet Blanc;;blanc@cabinet.fr;%s;\n"
						.formatted(town, town)).getBytes(StandardCharsets.UTF_8),
					mapping, null);
			assertThat(accepted.getStatusCode().value()).isEqualTo(202);
			assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
				.containsEntry("status", "DONE")
				.containsEntry("totalRows", 2)
				.containsEntry("rejected", 0);
		}
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=blanc")).containsExactly("Cabinet Blanc");
	}

	@Test
	void appliesTheUserMapping() {
		var tenant = this.api.newOrganisation("Mapping");
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "m.csv",
				"Col A;Col B\nAgence Martin;contact@martin.fr\n".getBytes(), "{\"Col A\":\"name\",\"Col B\":\"email\"}",
				null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
			.containsEntry("created", 1);
		// columns are named by their headers: a position is said so, with the headers
		assertRefused(
				this.prospects.upload(tenant.token(), "m.csv",
						"Col A;Col B\nAgence Martin;contact@martin.fr\n".getBytes(), "{\"0\":\"name\"}", "en"),
				"unknown-column", "\"0\". Columns are named by their headers: \"Col A\", \"Col B\".");
		assertRefused(
				this.prospects.upload(tenant.token(), "m.csv",
						"Col A;Col B\nAgence Martin;contact@martin.fr\n".getBytes(),
						"{\"Col A\":\"name\",\"col a \":\"email\"}", null),
				"column-mapped-twice", "plusieurs champs à la colonne «\u00A0Col A\u00A0»");
		// and so is one header written twice in the JSON, which a map would keep once
		assertRefused(
				this.prospects.upload(tenant.token(), "m.csv",
						"Col A;Col B\nAgence Martin;contact@martin.fr\n".getBytes(),
						"{\"Col A\":\"name\",\"Col B\":\"email\",\"Col A\":\"email\"}", null),
				"invalid-mapping", "chaque en-tête une seule fois");
	}

	@Test
	void readsHeadersNoSynonymNamesAndPlacesAnAgencyByItsAddress() {
		var tenant = this.api.newOrganisation("Entêtes");
		Map<String, Object> status = this.prospects.importAndWait(tenant.token(), "crm.csv", """
				Nom de l'entreprise;Numéro de SIRET;Téléphone mobile;Adresse complète;Date de création
				Agence du Port;732 829 320 00074;06 12 34 56 78;4 quai Rambaud, 69002 Lyon Cedex;12/03/2015
				""");
		assertThat(status).containsEntry("created", 1).containsEntry("warnings", 0);
		String id = this.prospects.idOf(tenant.token(), "port");
		Map<String, Object> agency = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		assertThat(agency).containsEntry("name", "Agence du Port")
			.containsEntry("siret", "73282932000074")
			.containsEntry("address", "4 quai Rambaud")
			.containsEntry("postcode", "69002")
			.containsEntry("city", "Lyon")
			.containsEntry("department", "69");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=69"))
			.containsExactly("Agence du Port");
	}

	@Test
	void rowsOfANameAndATownAloneAreOneAgencyAndCreateNothingWhenImportedAgain() {
		var tenant = this.api.newOrganisation("Nom et ville");
		String file = """
				Raison sociale;Code postal;Ville
				Agence Cinq;;Toulouse
				Agence Cinq;;Toulouse
				AGENCE CINQ;;toulouse
				Immo Gris;;Nice
				Stéphane Plaza Immobilier Saint-Michel;;Tours
				STEPHANE PLAZA IMMOBILIER SAINT MICHEL;;Tours
				""";
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "a.csv", file);
		// a network's agency named by more than the brand and the town is the record
		// again too (ADR 0113)
		assertThat(first).containsEntry("created", 3).containsEntry("merged", 3);
		// the same rows, written again by another program
		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "b.csv", file.replace("\n", " \r\n"));
		assertThat(again).containsEntry("created", 0).containsEntry("merged", 6);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(3);
	}

	@Test
	void rowsOfANameAloneAreOneAgencyAndANamesakeThatSaysMoreIsForAPerson() {
		var tenant = this.api.newOrganisation("Nom seul");
		String file = """
				Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville;Site web
				Cabinet Seul Nom;;;;;;;
				CABINET SEUL NOM;;;;;;;
				""";
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "a.csv", file);
		assertThat(first).containsEntry("status", "DONE").containsEntry("created", 1).containsEntry("merged", 1);
		List<String> rows = this.api.getText(tenant.token(), "/api/v1/imports/" + first.get("id") + "/rows")
			.getBody()
			.lines()
			.toList();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).matches("1,CREATED,[0-9a-f-]{36},");
		String agency = rows.get(1).split(",")[2];
		assertThat(rows.get(2)).isEqualTo("2,MERGED," + agency + ",");
		// the same rows, written again by another program: nothing new
		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "b.csv", file.replace("\n", " \r\n"));
		assertThat(again).containsEntry("created", 0).containsEntry("merged", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Cabinet Seul Nom");
		assertThat(this.api.getText(tenant.token(), "/api/v1/prospects/duplicates").getBody()).doesNotContain(agency);

		// a name alone that an agency of Lyon bears too: one of its namesakes, or the
		// agency itself, a person says which
		Map<String, Object> placed = this.prospects.importAndWait(tenant.token(), "c.csv", """
				Raison sociale;Ville
				Agence Vingt Six;Lyon
				""");
		assertThat(placed).containsEntry("created", 1);
		Map<String, Object> alone = this.prospects.importAndWait(tenant.token(), "d.csv", """
				Raison sociale
				Agence Vingt-Six
				""");
		assertThat(alone).containsEntry("created", 1).containsEntry("merged", 0);
		List<Map<String, Object>> duplicates = (List<Map<String, Object>>) (List<?>) this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(duplicates).singleElement().satisfies((d) -> {
			assertThat((List<String>) d.get("reasons")).contains("name_only");
			assertThat((Double) d.get("confidence")).isBetween(0.5, 0.9);
			assertThat(List.of(String.valueOf(((Map<String, Object>) d.get("agency")).get("city")),
					String.valueOf(((Map<String, Object>) d.get("other")).get("city"))))
				.containsExactlyInAnyOrder("Lyon", "null");
		});

		// another organisation's rows of that name are its own
		var other = this.api.newOrganisation("Nom seul, ailleurs");
		assertThat(this.prospects.importAndWait(other.token(), "a.csv", file)).containsEntry("created", 1)
			.containsEntry("merged", 1);
		assertThat(this.api.getText(other.token(), "/api/v1/prospects/duplicates").getBody()).doesNotContain(agency);
	}

	@Test
	void countsARowKeptWithoutItsExtraCellsAsAWarning() {
		var tenant = this.api.newOrganisation("Cellules en trop");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "extra.csv", """
				Raison sociale;Ville;
				Extra A;Paris;;;zz
				Extra B;Lyon;
				""");
		assertThat(done).containsEntry("created", 2).containsEntry("rejected", 0).containsEntry("warnings", 1);
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows").getBody())
			.contains(",row:extra_cells");
	}

	@Test
	void keepsApartAgenciesWhoseSiretIsOnlyZeros() {
		var tenant = this.api.newOrganisation("SIRET à zéro");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "zeros.csv", """
				Raison sociale;SIRET;Code postal;Ville
				Agence Alpha;00000000000000;75001;Paris
				Immobilier Bravo;00000000000000;13001;Marseille
				Cabinet Charlie;000 000 000 00000;33000;Bordeaux
				""");
		assertThat(done).containsEntry("created", 3).containsEntry("merged", 0).containsEntry("warnings", 3);
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows")
			.getBody()
			.lines()
			.skip(1)).hasSize(3).allMatch((line) -> line.matches("[1-3],CREATED,[0-9a-f-]{36},siret:zeros"));
		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems")
			.getBody();
		assertThat((List<Map<String, Object>>) problems.get("counts")).first()
			.extracting((c) -> c.get("message"))
			.isEqualTo("SIRET\u00A0: que des zéros, ignoré");
	}

	@Test
	void leavesOutACellLongerThanItsFieldHolds() {
		var tenant = this.api.newOrganisation("Cellules trop longues");
		String description = "Agence familiale au cœur de Nantes, spécialiste de l'ancien ".repeat(5);
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "longues.csv", """
				Raison sociale;E-mail;Ville
				%s;contact@agence-nantaise.fr;Nantes
				%s;;Nantes
				""".formatted(description, description));
		assertThat(done).containsEntry("created", 1).containsEntry("rejected", 1);
		List<String> lines = this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows")
			.getBody()
			.lines()
			.toList();
		assertThat(lines.get(1)).matches("1,CREATED,[0-9a-f-]{36},name:too_long");
		assertThat(lines.get(2)).isEqualTo("2,REJECTED,,name:too_long|row:no_identity");
		// named after its e-mail, as an agency without a name
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects"))
			.containsExactly("contact@agence-nantaise.fr");
		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems")
			.getBody();
		assertThat((List<Map<String, Object>>) problems.get("counts")).first()
			.extracting((c) -> c.get("message"))
			.isEqualTo("Nom de plus de 200 caractères, ignoré");
	}

	@Test
	void countsEachProblemAndShowsTheFirstRowsThatHaveOne() {
		var tenant = this.api.newOrganisation("Problèmes");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "p.csv", """
				Raison sociale;SIRET;E-mail;Téléphone
				Agence Une;73282932000075;une@agence;01 23 45 67 89
				Agence Deux;73282932000074;deux@agence.fr;06 12
				;;;
				Agence Trois;12345678901234;trois@agence.fr;01 23 45 67 88
				""");
		assertThat(done).containsEntry("rejected", 1).containsEntry("warnings", 4);
		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems")
			.getBody();
		assertThat((List<Map<String, Object>>) problems.get("counts"))
			.extracting((c) -> c.get("code") + " " + c.get("count"))
			.containsExactly("siret:invalid_checksum 2", "email:invalid 1", "phone:invalid 1", "row:empty 1");
		assertThat((List<Map<String, Object>>) problems.get("counts")).first()
			.extracting((c) -> c.get("message"))
			.isEqualTo("SIRET\u00A0: clé de contrôle fausse, ignoré");
		List<Map<String, Object>> rows = (List<Map<String, Object>>) problems.get("rows");
		assertThat(rows).extracting((r) -> r.get("row") + " " + r.get("status") + " " + r.get("messages"))
			.containsExactly("1 CREATED [siret:invalid_checksum, email:invalid]", "2 CREATED [phone:invalid]",
					"3 REJECTED [row:empty]", "4 CREATED [siret:invalid_checksum]");
		assertThat(rows.get(1)).containsEntry("original", "Agence Deux;73282932000074;deux@agence.fr;06 12");
		assertThat((List<?>) this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems?sample=1")
			.getBody()
			.get("rows")).hasSize(1);
		var other = this.api.newOrganisation("Problèmes voisins");
		assertThat(
				this.api.get(other.token(), "/api/v1/imports/" + done.get("id") + "/problems").getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void refusesAFileSentAsATextField() {
		var tenant = this.api.newOrganisation("Fichier en texte");
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", "Raison sociale\nAgence Martin\n");
		ResponseEntity<Map> refused = this.api.raw()
			.post()
			.uri("/api/v1/imports")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).doesNotContain("org.springframework");
	}

	/**
	 * A tool that attaches two files to one upload: the first was imported and the second
	 * left out without a word, its rows in no report.
	 */
	@Test
	void refusesTwoFilesInOneUploadRatherThanLeaveOneOut() {
		var tenant = this.api.newOrganisation("Deux fichiers");
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file("a.csv", "Raison sociale\nAgence Premier Fichier\n"));
		parts.add("file", file("b.csv", "Raison sociale\nAgence Second Fichier\n"));
		for (String language : List.of("fr", "en")) {
			ResponseEntity<Map> refused = this.api.raw().post().uri("/api/v1/imports").headers((h) -> {
				h.setBearerAuth(tenant.token());
				h.set("Accept-Language", language);
			}).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);
			assertRefused(refused, "several-files", language.equals("fr") ? "un seul fichier" : "one file at a time");
		}
		assertThat(imports(tenant.token())).isEmpty();
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	@Test
	void acceptsAFileWhoseNameIsLong() {
		var tenant = this.api.newOrganisation("Nom long");
		// about 2,000 characters with accents: Tomcat's 512 bytes of part headers refused
		// such a name as a file too large
		String name = "Liste des agences immobilières d'Île-de-France ".repeat(42) + ".csv";
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), name,
				"Raison sociale;E-mail\nAgence du Port;port@agence.fr\n");

		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
			.containsEntry("status", "DONE");
		List<?> imports = this.api.raw()
			.get()
			.uri("/api/v1/imports")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(imports).singleElement()
			.satisfies((job) -> assertThat(((Map<?, ?>) job).get("fileName")).isEqualTo(name));

		// past 16 KB of part headers: refused as too large, in the caller's language
		byte[] small = "Raison sociale\nAgence du Port\n".getBytes(StandardCharsets.UTF_8);
		String huge = "a".repeat(20_000) + ".csv";
		ResponseEntity<Map> refused = this.prospects.upload(tenant.token(), huge, small, null, null);
		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody()).containsEntry("title", "Fichier trop volumineux")
			.containsEntry("detail",
					"Le fichier envoyé, ou son nom, dépasse la taille acceptée (200 Mo pour un fichier).");
		assertThat(this.prospects.upload(tenant.token(), huge, small, null, "en").getBody()).containsEntry("detail",
				"The uploaded file, or its name, is larger than accepted (200 MB for a file).");
	}

	@Test
	void readsAMappingSentAsAJsonFileOrAJsonPart() {
		var tenant = this.api.newOrganisation("Mapping en fichier");
		String mapping = "\uFEFF{\"Société\":\"name\",\"Mail\":\"email\"}";
		for (boolean asFile : new boolean[] { true, false }) {
			MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
			String agency = asFile ? "Agence Martin" : "Agence Durand";
			String file = "Société,Mail\n" + agency + ",CONTACT@" + agency.substring(7) + ".FR\n";
			parts.add("file", new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "m.csv";
				}
			});
			HttpHeaders json = new HttpHeaders();
			json.setContentType(MediaType.APPLICATION_JSON);
			if (asFile) {
				// curl -F mapping=@mapping.json;type=application/json
				json.setContentDispositionFormData("mapping", "mapping.json");
			}
			parts.add("mapping", new HttpEntity<>(mapping.getBytes(StandardCharsets.UTF_8), json));
			ResponseEntity<Map> accepted = this.api.raw()
				.post()
				.uri("/api/v1/imports")
				.headers((h) -> h.setBearerAuth(tenant.token()))
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(parts)
				.retrieve()
				.toEntity(Map.class);
			assertThat(accepted.getStatusCode().value()).as("as a file: %s", asFile).isEqualTo(202);
			assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
				.containsEntry("created", 1)
				.containsEntry("warnings", 0);
		}
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=contact@durand.fr"))
			.containsExactly("Agence Durand");
	}

	@Test
	void refusesBadFilesWithAClearMessage() {
		var tenant = this.api.newOrganisation("Mauvais fichiers");
		assertRefused(this.prospects.upload(tenant.token(), "vide.csv", new byte[0], null, null), "empty-file",
				"Le fichier est vide");
		assertRefused(this.prospects.upload(tenant.token(), "entete.csv", "Nom;SIRET\n"), "header-only",
				"qu’une ligne d’en-tête");
		assertRefused(
				this.prospects.upload(tenant.token(), "bin.csv", new byte[] { 1, 0, 2, 0, 3, 4, 5, 0 }, null, null),
				"binary-file", "ni un CSV");
		assertRefused(this.prospects.upload(tenant.token(), "double.csv", "Nom;SIRET;Nom\nA;;B\n"), "duplicate-header",
				"«\u00A0Nom\u00A0» apparaît plusieurs fois");
		assertRefused(this.prospects.upload(tenant.token(), "long.csv", "Nom\n" + "x".repeat(1024 * 1024 + 1) + "\n"),
				"line-too-long", "La ligne 2 dépasse 1 Mo");
		assertRefused(
				this.prospects.upload(tenant.token(), "faux.xlsx", "PK\u0003\u0004garbage".getBytes(), null, null),
				"unreadable", "illisible");
		assertRefused(this.prospects.upload(tenant.token(), "map.csv", "Nom\nA\n".getBytes(), "{not json", null),
				"invalid-mapping", "JSON");
		// a text file in neither UTF-8 nor Windows-1252 was imported, its names in
		// symbols
		assertRefused(this.prospects.upload(tenant.token(), "pekin.csv",
				"Raison sociale;Ville\n北京房地产经纪有限公司;北京\n上海置业顾问;上海\n".getBytes(Charset.forName("GB18030")), null, null),
				"unknown-encoding", "ni en UTF-8 ni en Windows-1252");
		// a web application's "Excel export" is often an HTML table, or Excel's XML
		// Spreadsheet 2003, under an .xls name: it was "a header alone" or "no known
		// column"
		assertRefused(this.prospects.upload(tenant.token(), "export.xls", HTML_TABLE.getBytes(), null, null),
				"markup-file", "page web (HTML)");
		assertRefused(this.prospects.upload(tenant.token(), "export.xls", XML_SPREADSHEET.getBytes(), null, null),
				"markup-file", "document XML");
	}

	static final String HTML_TABLE = """
			\uFEFF  <!DOCTYPE html>
			<html><head><meta charset="utf-8"></head><body><table>
			<tr><th>Raison sociale</th><th>Ville</th></tr>
			<tr><td>Agence du Web</td><td>Lyon</td></tr>
			</table></body></html>
			""";

	static final String XML_SPREADSHEET = """
			<?xml version="1.0"?>
			<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
			 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
			<Worksheet ss:Name="Agences"><Table>
			<Row><Cell><Data ss:Type="String">Raison sociale</Data></Cell></Row>
			<Row><Cell><Data ss:Type="String">Agence XML</Data></Cell></Row>
			</Table></Worksheet></Workbook>
			""";

	@Test
	void saysAWorkbookIsProtectedByAPasswordAndALongQuotedCellIsNoProblem() throws Exception {
		var tenant = this.api.newOrganisation("Classeur protégé");
		// Excel's "Encrypt with password": the XLSX package encrypted inside an OLE2 file
		org.apache.poi.poifs.filesystem.POIFSFileSystem container = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
		org.apache.poi.poifs.crypt.Encryptor encryptor = new org.apache.poi.poifs.crypt.EncryptionInfo(
				org.apache.poi.poifs.crypt.EncryptionMode.agile)
			.getEncryptor();
		encryptor.confirmPassword("secret");
		try (XSSFWorkbook workbook = new XSSFWorkbook();
				java.io.OutputStream encrypted = encryptor.getDataStream(container)) {
			Row header = workbook.createSheet("Agences").createRow(0);
			header.createCell(0).setCellValue("Raison sociale");
			workbook.getSheetAt(0).createRow(1).createCell(0).setCellValue("Agence Secrète");
			workbook.write(encrypted);
		}
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		container.writeFilesystem(file);
		container.close();
		assertRefused(this.prospects.upload(tenant.token(), "secret.xlsx", file.toByteArray(), null, null),
				"password-protected", "protégé par un mot de passe");
		assertRefused(this.prospects.upload(tenant.token(), "secret.xlsx", file.toByteArray(), null, "en"),
				"password-protected", "protected by a password");
		// a description of a few thousand characters, quoted, among the first lines
		String description = "\"" + "Vue mer, \"\"centre\"\"; parking. ".repeat(300) + "\"";
		Map<String, Object> status = this.prospects.importAndWait(tenant.token(), "longue.csv",
				"Raison sociale;Ville;Description\nAgence Bavarde;Sète;" + description + "\n");
		assertThat(status).containsEntry("status", "DONE").containsEntry("created", 1).containsEntry("rejected", 0);
	}

	@Test
	void refusesBadFilesInEnglishWhenAsked() {
		var tenant = this.api.newOrganisation("Bad files EN");
		ResponseEntity<Map> response = this.prospects.upload(tenant.token(), "entete.csv", "Nom;SIRET\n".getBytes(),
				null, "en");
		assertRefused(response, "header-only", "only has a header line");
		assertRefused(this.prospects.upload(tenant.token(), "moscou.csv",
				"Название;Город\nАгентство недвижимости;Москва\n".getBytes(Charset.forName("windows-1251")), null,
				"en"), "unknown-encoding", "neither UTF-8 nor Windows-1252");
		assertRefused(this.prospects.upload(tenant.token(), "export.xls", HTML_TABLE.getBytes(), null, "en"),
				"markup-file", "web page (HTML)");
	}

	@Test
	void anotherOrganisationSeesNoneOfIt() {
		var owner = this.api.newOrganisation("Propriétaire");
		var other = this.api.newOrganisation("Curieux");
		Map<String, Object> done = this.prospects.importAndWait(owner.token(), "a.csv", AGENCIES);
		String id = (String) done.get("id");
		assertThat(this.api.get(other.token(), "/api/v1/imports/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.getText(other.token(), "/api/v1/imports/" + id + "/rows").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.post(other.token(), "/api/v1/imports/" + id + "/cancel", Map.of()).getStatusCode().value())
			.isEqualTo(404);
		// the same file in another organisation is a new import there
		ResponseEntity<Map> theirs = this.prospects.upload(other.token(), "a.csv", AGENCIES);
		assertThat(theirs.getBody().get("id")).isNotEqualTo(id);
		assertThat(imports(other.token())).extracting((i) -> i.get("id")).containsExactly(theirs.getBody().get("id"));
		assertThat(imports(owner.token())).singleElement()
			.satisfies((mine) -> assertThat(mine).containsEntry("id", id)
				.containsEntry("status", "DONE")
				.containsEntry("fileName", "a.csv")
				.containsEntry("totalRows", done.get("totalRows"))
				.containsEntry("created", done.get("created"))
				.containsKeys("createdAt", "finishedAt"));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> imports(String token) {
		return this.api.getList(token, "/api/v1/imports").getBody();
	}

	@SuppressWarnings("unchecked")
	private static void assertRefused(ResponseEntity<Map> response, String code, String text) {
		assertThat(response.getStatusCode().value()).as(code).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("code")).contains("prospects.import." + code);
		assertThat(errors).extracting((e) -> (String) e.get("message")).anyMatch((m) -> m.contains(text));
	}

}
