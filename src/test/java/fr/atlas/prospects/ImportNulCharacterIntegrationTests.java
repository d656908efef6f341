package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character in a cell past the first 64 KB that the upload checks (a CSV file whose
 * export padded one field with it, an XLSX cell holding {@code _x0000_}, as Excel writes
 * it) is not text PostgreSQL can store: the import's {@code COPY} failed and the whole
 * import was FAILED, every row after the batch lost (ADR 0121).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportNulCharacterIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void aNulCharacterPastTheCheckedStartOfACsvFileIsLeftOutOfItsCell() {
		var tenant = this.api.newOrganisation("Caractère nul CSV");
		StringBuilder file = new StringBuilder("Raison sociale;E-mail;Code postal;Ville\n");
		int rows = 0;
		while (file.length() < 70 * 1024) {
			rows++;
			file.append("Agence ").append(rows).append(";contact@agence").append(rows).append(".fr;69002;Lyon\n");
		}
		file.append("Cabinet\u0000 Nul;nul@cabinet-nul.fr;69003;Lyon\u0000\u0000\n");
		file.append("Dernière Agence;derniere@agence.fr;69004;Lyon\n");
		rows += 2;

		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "nul.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));

		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("totalRows", rows)
			.containsEntry("processedRows", rows)
			.containsEntry("created", rows)
			.containsEntry("rejected", 0);
		List<String[]> report = this.prospects.report(tenant.token(), (String) done.get("id"));
		assertThat(report).hasSize(rows).allSatisfy((row) -> assertThat(row[1]).isEqualTo("CREATED"));
		Map<String, Object> agency = agency(tenant.token(), "nul@cabinet-nul.fr");
		assertThat(agency).containsEntry("name", "Cabinet Nul").containsEntry("city", "Lyon");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=Dernière"))
			.containsExactly("Dernière Agence");
	}

	@Test
	void aNulCharacterOfAnXlsxCellIsLeftOutOfIt() throws Exception {
		var tenant = this.api.newOrganisation("Caractère nul XLSX");
		byte[] workbook;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Agences");
			String[][] cells = { { "Raison sociale", "E-mail", "Ville" },
					{ "Cabinet#NUL# Nul", "nul@cabinet-nul.fr", "Lyon#NUL#" },
					{ "Agence Voisine", "voisine@agence.fr", "Lyon" } };
			for (int r = 0; r < cells.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			book.write(out);
			// POI writes no NUL character; Excel writes it escaped, as _x0000_
			workbook = replaceInEntries(out.toByteArray(), "#NUL#", "_x0000_");
		}

		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "nul.xlsx", workbook, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));

		assertThat(done).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("rejected", 0);
		assertThat(agency(tenant.token(), "nul@cabinet-nul.fr")).containsEntry("name", "Cabinet Nul")
			.containsEntry("city", "Lyon");
	}

	/**
	 * Control characters (a terminal's colours, a bell) and the invisible ones of web
	 * pages and word processors were kept in the names and contacts an import and the API
	 * stored, where a page showed nothing and a search for the name missed it (ADR 0127).
	 */
	@Test
	void controlAndInvisibleCharactersAreLeftOutOfWhatIsStored() {
		var tenant = this.api.newOrganisation("Caractères de contrôle");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "controle.csv", """
				Raison sociale;Adresse;Ville;E-mail;Prénom;Nom
				Immo\u0007Sud\u001B;12\u200Brue du Port;Nice;contact@immosud.fr;Élo\u00ADdie;Mar\u0085tin
				""");
		assertThat(done).containsEntry("created", 1).containsEntry("rejected", 0);
		Map<String, Object> agency = agency(tenant.token(), "contact@immosud.fr");
		assertThat(agency).containsEntry("name", "Immo Sud").containsEntry("address", "12 rue du Port");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=Immo Sud")).containsExactly("Immo Sud");
		String id = (String) agency.get("id");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();
		assertThat((List<Map<String, Object>>) detail.get("contacts")).singleElement()
			.satisfies((contact) -> assertThat(contact).containsEntry("firstName", "Élodie")
				.containsEntry("lastName", "Mar tin"));

		// by hand too: the API's corrections go through the same rules
		Map<String, Object> corrected = this.api
			.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("name", "Immo\u0000Sud\u2060Est"))
			.getBody();
		assertThat((Map<String, Object>) corrected.get("agency")).containsEntry("name", "Immo SudEst");
	}

	private Map<String, Object> agency(String token, String email) {
		Map<String, Object> page = this.api.get(token, "/api/v1/prospects?q=" + email).getBody();
		List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static byte[] replaceInEntries(byte[] zip, String from, String to) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream copy = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				if (entry.getName().endsWith(".xml")) {
					content = new String(content, StandardCharsets.UTF_8).replace(from, to)
						.getBytes(StandardCharsets.UTF_8);
				}
				copy.putNextEntry(new ZipEntry(entry.getName()));
				copy.write(content);
				copy.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
