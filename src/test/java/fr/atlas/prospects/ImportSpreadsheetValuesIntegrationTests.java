package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values a spreadsheet mangles, in the files users drop in after Excel: numbers in
 * scientific notation, numbers stored as numbers (a SIRET, a phone and a postcode that
 * lost their leading zero), formulas, dates, booleans and errors in cells, Excel's
 * text-forcing {@code ="…"} in a CSV file, non-breaking spaces, and thousands of
 * formatted empty rows.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportSpreadsheetValuesIntegrationTests {

	static final String[] HEADER = { "Raison sociale", "SIRET", "Téléphone", "Code postal", "Ville",
			"Chiffre d'affaires", "Nb annonces" };

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void readsTheValuesOfAnXlsxWorkbookAsTheSheetShowsThem() throws IOException {
		readsTheValuesOfAWorkbook("agences.xlsx", workbook(new XSSFWorkbook()));
	}

	@Test
	void readsTheValuesOfAnXlsWorkbookAsTheSheetShowsThem() throws IOException {
		readsTheValuesOfAWorkbook("agences.xls", workbook(new HSSFWorkbook()));
	}

	private void readsTheValuesOfAWorkbook(String fileName, byte[] file) {
		var tenant = this.api.newOrganisation("Tableur " + fileName);
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), fileName, file, null, null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		// the formatted empty rows after the data are no rows
		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("totalRows", 3)
			.containsEntry("created", 3)
			.containsEntry("rejected", 0)
			.containsEntry("warnings", 3);
		List<String> lines = report(tenant, done);
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).matches("1,CREATED,[0-9a-f-]{36},");
		assertThat(lines.get(2)).matches("2,CREATED,[0-9a-f-]{36},");
		// a rounded SIRET says so; a date is one bad phone; an error is no value; a
		// boolean is no count
		assertThat(lines.get(3)).matches(
				"3,CREATED,[0-9a-f-]{36},siret:scientific_notation\\|phone:invalid\\|listing_count:invalid_number");

		assertThat(agency(tenant, lines.get(1))).containsEntry("name", "Agence des Nombres")
			.containsEntry("siret", "54205118000066")
			.containsEntry("postcode", "01500")
			.containsEntry("department", "01")
			.containsEntry("revenueCents", 123_456_789)
			.containsEntry("listingCount", 12)
			.satisfies((agency) -> assertThat((List<Map<String, Object>>) agency.get("phones"))
				.extracting((phone) -> phone.get("number"))
				.containsExactly("+33612345678"));
		assertThat(agency(tenant, lines.get(2))).containsEntry("siret", "54205118000090")
			.containsEntry("siren", "542051180")
			.containsEntry("postcode", "01500")
			.containsEntry("revenueCents", 150_000_000)
			.containsEntry("listingCount", 12)
			.satisfies((agency) -> assertThat((List<Map<String, Object>>) agency.get("phones"))
				.extracting((phone) -> phone.get("number"))
				.containsExactly("+33612345679"));
		assertThat(agency(tenant, lines.get(3))).containsEntry("name", "Agence Arrondie")
			.containsEntry("siret", null)
			.containsEntry("postcode", null)
			.containsEntry("city", "Lyon");

		Map<String, Object> problems = this.api.get(tenant.token(), "/api/v1/imports/" + done.get("id") + "/problems")
			.getBody();
		assertThat((List<Map<String, Object>>) problems.get("counts")).extracting((c) -> c.get("message"))
			.contains("SIRET arrondi en notation scientifique par le tableur (ex. 4,01235E+13)\u00A0: chiffres perdus, "
					+ "mettez la colonne au format Texte, ignoré");

		// another organisation sees none of these agencies
		var other = this.api.newOrganisation("Voisin " + fileName);
		assertThat(
				this.api.get(other.token(), "/api/v1/prospects/" + lines.get(1).split(",")[2]).getStatusCode().value())
			.isEqualTo(404);
		assertThat(
				this.api.getText(other.token(), "/api/v1/imports/" + done.get("id") + "/rows").getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void readsTheValuesOfACsvFileExcelWroteOrThatWasWrittenForExcel() {
		var tenant = this.api.newOrganisation("Tableur CSV");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "agences.csv",
				String.join(";", HEADER) + "\n"
				// Excel's text-forcing formula, plain and quoted
						+ "Agence Forcée;=\"54205118000066\";\"=\"\"0612345678\"\"\";=\"01500\";Bourg-en-Bresse;=\"1500000\";=\"12\"\n"
						// every digit in scientific notation, with a decimal comma
						+ "Agence Scientifique;5,420511800009E+13;6,12345679E+8;1500;Bourg-en-Bresse;1,5E+6;12\n"
						// rounded by Excel: lost; error values: no value
						+ "Agence Arrondie;4,01235E+13;#N/A;#REF!;Lyon;#DIV/0!;#VALEUR!\n"
						// non-breaking and narrow no-break spaces inside numbers
						+ "Agence Insécable;542\u00A0051\u00A0180\u00A000090;06\u202F12\u202F34\u202F56\u202F77;01\u00A0500;"
						+ "Bourg-en-Bresse;1\u202F234\u202F567,89 €;1\u00A0200\n"
						// the empty lines Excel writes after the data
						+ ";;;;;;\n;;;;;;\n;;;;;;\n");
		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("totalRows", 4)
			.containsEntry("rejected", 0)
			.containsEntry("warnings", 1);
		List<String> lines = report(tenant, done);
		assertThat(lines).hasSize(5);
		assertThat(lines.get(1)).matches("1,CREATED,[0-9a-f-]{36},");
		assertThat(lines.get(2)).matches("2,CREATED,[0-9a-f-]{36},");
		assertThat(lines.get(3)).matches("3,CREATED,[0-9a-f-]{36},siret:scientific_notation");
		// its SIRET is the second row's: the same agency
		assertThat(lines.get(4)).isEqualTo("4,MERGED," + lines.get(2).split(",")[2] + ",");

		assertThat(agency(tenant, lines.get(1))).containsEntry("siret", "54205118000066")
			.containsEntry("postcode", "01500")
			.containsEntry("revenueCents", 150_000_000)
			.containsEntry("listingCount", 12)
			.satisfies((agency) -> assertThat((List<Map<String, Object>>) agency.get("phones"))
				.extracting((phone) -> phone.get("number"))
				.containsExactly("+33612345678"));
		assertThat(agency(tenant, lines.get(2))).containsEntry("siret", "54205118000090")
			.containsEntry("postcode", "01500")
			.containsEntry("revenueCents", 150_000_000)
			.containsEntry("listingCount", 12)
			.satisfies((agency) -> assertThat((List<Map<String, Object>>) agency.get("phones"))
				.extracting((phone) -> phone.get("number"))
				.containsExactly("+33612345679", "+33612345677"));
		assertThat(agency(tenant, lines.get(3))).containsEntry("siret", null)
			.containsEntry("postcode", null)
			.containsEntry("revenueCents", null)
			.containsEntry("listingCount", null)
			.containsEntry("phones", List.of());
	}

	@Test
	void readsALineOfErrorValuesOnlyAsABlankLineAsInAWorkbook() {
		// a lookup formula copied below the data, exported to CSV
		var tenant = this.api.newOrganisation("Erreurs CSV");
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "recherches.csv", """
				Raison sociale;Ville;Département
				Agence Erreur Une;Lyon;69
				#N/A;#N/A;#VALEUR!
				#N/A;Bron;#N/A
				Agence Erreur Deux;#N/A;#REF!
				#REF!;;#N/A
				#N/A;#N/A;#N/A
				""");
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		// what the upload counted (the wizard's total) is what the job read
		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("totalRows", 4)
			.containsEntry("processedRows", 4)
			.containsEntry("created", 2)
			.containsEntry("rejected", 2);
		// numbered as an empty line is; the lines that end the file are no rows; an error
		// beside a value is a row
		List<String> lines = report(tenant, done);
		assertThat(lines).hasSize(5);
		assertThat(lines.get(1)).matches("1,CREATED,[0-9a-f-]{36},");
		assertThat(lines.get(2)).isEqualTo("2,REJECTED,,row:empty");
		assertThat(lines.get(3)).isEqualTo("3,REJECTED,,row:no_identity");
		assertThat(lines.get(4)).matches("4,CREATED,[0-9a-f-]{36},");
	}

	@Test
	void readsAWorkbookWhoseHeaderHasTwoLevels() throws IOException {
		// bands merged over groups of columns, which name a column each, above the header
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Agences");
			Row bands = sheet.createRow(0);
			bands.createCell(0).setCellValue("Société");
			bands.createCell(2).setCellValue("Contact");
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 1));
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 2, 4));
			String[] header = { "Raison sociale", "SIRET", "Téléphone", "E-mail", "Ville" };
			String[] values = { "Agence des Bandes", "54205118000066", "04 72 00 00 01", "contact@bandes.fr", "Lyon" };
			Row names = sheet.createRow(1);
			Row agency = sheet.createRow(2);
			for (int i = 0; i < header.length; i++) {
				names.createCell(i).setCellValue(header[i]);
				agency.createCell(i).setCellValue(values[i]);
			}
			workbook.write(out);
		}
		var tenant = this.api.newOrganisation("Deux niveaux");
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "niveaux.xlsx", out.toByteArray(), null,
				null);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));
		assertThat(done).containsEntry("status", "DONE").containsEntry("totalRows", 1).containsEntry("warnings", 0);
		List<String> lines = report(tenant, done);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).matches("1,CREATED,[0-9a-f-]{36},");
		assertThat(agency(tenant, lines.get(1))).containsEntry("name", "Agence des Bandes")
			.containsEntry("siret", "54205118000066")
			.containsEntry("city", "Lyon")
			.satisfies((found) -> assertThat((List<String>) found.get("emails")).containsExactly("contact@bandes.fr"));
	}

	private List<String> report(ApiClient.Tenant tenant, Map<String, Object> done) {
		return this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows")
			.getBody()
			.lines()
			.toList();
	}

	private Map<String, Object> agency(ApiClient.Tenant tenant, String reportLine) {
		return (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + reportLine.split(",")[2])
			.getBody()
			.get("agency");
	}

	/**
	 * Three agencies below a header that starts in B3, then thousands of formatted empty
	 * rows.
	 */
	private static byte[] workbook(Workbook workbook) throws IOException {
		try (workbook) {
			Sheet sheet = workbook.createSheet("Agences");
			Row header = sheet.createRow(2);
			for (int i = 0; i < HEADER.length; i++) {
				header.createCell(i + 1).setCellValue(HEADER[i]);
			}
			// numbers stored as numbers, a count worked out by a formula
			row(sheet, 3, (row) -> {
				row.createCell(1).setCellValue("Agence des Nombres");
				row.createCell(2).setCellValue(54205118000066d);
				row.createCell(3).setCellValue(612345678d);
				row.createCell(4).setCellValue(1500d);
				row.createCell(5).setCellValue("Bourg-en-Bresse");
				row.createCell(6).setCellValue(1234567.89d);
				row.createCell(7).setCellFormula("10+2");
			});
			// text cells in scientific notation, non-breaking spaces
			row(sheet, 4, (row) -> {
				row.createCell(1).setCellValue("Agence du Texte");
				row.createCell(2).setCellValue("5,420511800009E+13");
				row.createCell(3).setCellValue("06\u00A012\u00A034\u00A056\u00A079");
				row.createCell(4).setCellValue("01500");
				row.createCell(5).setCellValue("Bourg-en-Bresse");
				row.createCell(6).setCellValue("1,5E+6");
				row.createCell(7).setCellValue("12");
			});
			// a rounded SIRET, a date, an error and a boolean
			row(sheet, 5, (row) -> {
				row.createCell(1).setCellValue("Agence Arrondie");
				row.createCell(2).setCellValue("4,01235E+13");
				var date = row.createCell(3);
				date.setCellValue(java.time.LocalDate.of(2024, 1, 5));
				CellStyle day = workbook.createCellStyle();
				day.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
				date.setCellStyle(day);
				row.createCell(4).setCellErrorValue(FormulaError.REF.getCode());
				row.createCell(5).setCellValue("Lyon");
				row.createCell(6).setCellFormula("1/0");
				row.createCell(7).setCellValue(true);
			});
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			CellStyle filled = workbook.createCellStyle();
			filled.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
			filled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			for (int i = 6; i < 3_000; i++) {
				Row empty = sheet.createRow(i);
				for (int column = 1; column <= HEADER.length; column++) {
					empty.createCell(column).setCellStyle(filled);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void row(Sheet sheet, int index, Consumer<Row> cells) {
		cells.accept(sheet.createRow(index));
	}

}
