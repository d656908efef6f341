package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetReadersTests {

	@TempDir
	Path folder;

	@Test
	void numbersXlsxRowsAsTheSheetShowsThem() throws IOException {
		try (XlsxReader reader = new XlsxReader(xlsx("agences.xlsx", SpreadsheetReadersTests::fill))) {
			assertNumberedLikeTheSheet(reader.header(), TabularRows.readAll(reader));
		}
	}

	@Test
	void numbersXlsRowsAsTheSheetShowsThem() throws IOException {
		try (XlsReader reader = new XlsReader(xls(SpreadsheetReadersTests::fill))) {
			assertNumberedLikeTheSheet(reader.header(), TabularRows.readAll(reader));
		}
	}

	@Test
	void readsADateCellAsTheSheetShowsItNotAsItsSerialNumber() throws IOException {
		try (XlsxReader reader = new XlsxReader(xlsx("dates.xlsx", SpreadsheetReadersTests::dated))) {
			assertThat(TabularRows.readAll(reader).get(0).cells()).containsExactly("Agence Datée", "05/01/2024",
					"45296");
		}
		try (XlsReader reader = new XlsReader(xls(SpreadsheetReadersTests::dated))) {
			assertThat(TabularRows.readAll(reader).get(0).cells()).containsExactly("Agence Datée", "05/01/2024",
					"45296");
		}
	}

	/** A date typed in the postcode column, and the same number not shown as a date. */
	private static void dated(Workbook workbook) {
		Sheet sheet = workbook.createSheet("Agences");
		row(sheet, 0, "Raison sociale", "Code postal", "Nb annonces");
		var agency = sheet.createRow(1);
		agency.createCell(0).setCellValue("Agence Datée");
		var date = agency.createCell(1);
		date.setCellValue(java.time.LocalDate.of(2024, 1, 5));
		var style = workbook.createCellStyle();
		style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
		date.setCellStyle(style);
		agency.createCell(2).setCellValue(45296);
	}

	@Test
	void readsBooleansAndErrorsOfXlsAsOfXlsx() throws IOException {
		// as French Excel shows them; an error, which the import reads as no value, by
		// its text
		try (XlsxReader reader = new XlsxReader(xlsx("valeurs.xlsx", SpreadsheetReadersTests::booleansAndErrors))) {
			assertThat(TabularRows.readAll(reader).get(0).cells()).containsExactly("Agence Vraie", "VRAI", "FAUX",
					"#VALUE!", "#N/A", "#DIV/0!");
		}
		try (XlsReader reader = new XlsReader(xls(SpreadsheetReadersTests::booleansAndErrors))) {
			assertThat(TabularRows.readAll(reader).get(0).cells()).containsExactly("Agence Vraie", "VRAI", "FAUX",
					"#VALUE!", "#N/A", "#DIV/0!");
		}
	}

	@Test
	void readsARowOfErrorValuesAsAnEmptyRow() throws IOException {
		// a lookup formula copied far below the data: "#N/A" in rows with nothing else
		Consumer<Workbook> content = (workbook) -> {
			Sheet sheet = workbook.createSheet("Agences");
			row(sheet, 0, "Raison sociale", "Ville", "Département");
			row(sheet, 1, "Agence A", "Lyon", "69");
			for (int i = 2; i < 500; i++) {
				var lookup = sheet.createRow(i);
				lookup.createCell(0).setCellValue(" ");
				lookup.createCell(2).setCellErrorValue(FormulaError.NA.getCode());
				if (i == 2) {
					lookup.createCell(1).setCellErrorValue(FormulaError.REF.getCode());
				}
			}
			row(sheet, 3, "Agence B", "Bron", "69");
		};
		try (XlsxReader reader = new XlsxReader(xlsx("recherches.xlsx", content))) {
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
		}
		try (XlsReader reader = new XlsReader(xls(content))) {
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
		}
	}

	private static void booleansAndErrors(Workbook workbook) {
		Sheet sheet = workbook.createSheet("Agences");
		row(sheet, 0, "Raison sociale", "Ville", "Nb annonces", "SIRET", "Téléphone", "Code postal");
		var agency = sheet.createRow(1);
		agency.createCell(0).setCellValue("Agence Vraie");
		agency.createCell(1).setCellValue(true);
		agency.createCell(2).setCellValue(false);
		agency.createCell(3).setCellErrorValue(FormulaError.VALUE.getCode());
		agency.createCell(4).setCellErrorValue(FormulaError.NA.getCode());
		agency.createCell(5).setCellFormula("1/0");
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
	}

	@Test
	void readsAnXlsFormulaByTheValueSavedWithIt() throws IOException {
		InputStream calculated = xls((workbook) -> {
			Sheet sheet = workbook.createSheet("Agences");
			row(sheet, 0, "Raison sociale", "E-mail", "Nb annonces", "Chiffre d'affaires");
			var agency = sheet.createRow(1);
			agency.createCell(0).setCellValue("Agence Calculée");
			agency.createCell(1).setCellFormula("\"contact\"&\"@calculee.fr\"");
			agency.createCell(2).setCellFormula("3*4");
			agency.createCell(3).setCellFormula("1500000*1");
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});
		try (XlsReader reader = new XlsReader(calculated)) {
			assertThat(TabularRows.readAll(reader).get(0).cells()).containsExactly("Agence Calculée",
					"contact@calculee.fr", "12", "1500000");
		}
	}

	@Test
	void readsAnXlsxFormulaByTheValueSavedWithIt() throws IOException {
		Path calculated = xlsx("calculee.xlsx", (workbook) -> {
			formulas(workbook);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		});
		try (XlsxReader reader = new XlsxReader(calculated)) {
			SourceRow row = TabularRows.readAll(reader).get(0);
			assertThat(row.cells()).containsExactly("Agence Calculée", "contact@calculee.fr", "12", "1500000", "");
			assertThat(row.formulasWithoutValue()).isEmpty();
			NormalisedRow normalised = normaliser(reader.header()).normalise(row);
			assertThat(normalised.messages()).isEmpty();
			assertThat(normalised.agency().emails()).containsExactly("contact@calculee.fr");
			assertThat(normalised.agency().revenueCents()).isEqualTo(150_000_000L);
		}
	}

	@Test
	void saysWhichXlsxFormulasWereSavedWithoutTheirValue() throws IOException {
		// as a script or an export library writes a workbook: formulas, no results
		Path uncalculated = xlsx("non-calculee.xlsx", (workbook) -> {
			formulas(workbook);
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					CTCell xml = ((XSSFCell) cell).getCTCell();
					if (xml.isSetF() && xml.isSetV()) {
						xml.unsetV();
					}
				}
			}
		});
		try (XlsxReader reader = new XlsxReader(uncalculated)) {
			SourceRow row = TabularRows.readAll(reader).get(0);
			assertThat(row.cells()).containsExactly("Agence Calculée", "", "", "", "");
			assertThat(row.formulasWithoutValue()).containsExactly(1, 2, 3, 4);
			// a warning for each cell of a mapped column; the row is kept with the rest
			NormalisedRow normalised = normaliser(reader.header()).normalise(row);
			assertThat(normalised.rejected()).isFalse();
			assertThat(normalised.messages()).containsExactly("email:formula_without_value",
					"listing_count:formula_without_value", "revenue:formula_without_value");
			assertThat(normalised.agency().name()).isEqualTo("Agence Calculée");
		}
		// through the reader an import opens, and below a title
		FileProfile profile = new FileProfile(FileProfile.Format.XLSX, "", ',', Files.size(uncalculated), "");
		try (TabularReader reader = TabularReaders.open(profile, uncalculated)) {
			assertThat(TabularRows.readAll(reader).get(0).formulasWithoutValue()).containsExactly(1, 2, 3, 4);
		}
	}

	/**
	 * A row of formulas: an e-mail, a count, an amount, and one in a column the import
	 * ignores.
	 */
	private static void formulas(Workbook workbook) {
		Sheet sheet = workbook.createSheet("Agences");
		row(sheet, 0, "Raison sociale", "E-mail", "Nb annonces", "Chiffre d'affaires", "Date de création");
		var agency = sheet.createRow(1);
		agency.createCell(0).setCellValue("Agence Calculée");
		agency.createCell(1).setCellFormula("\"contact\"&\"@calculee.fr\"");
		agency.createCell(2).setCellFormula("3*4");
		agency.createCell(3).setCellFormula("1500000*1");
		agency.createCell(4).setCellFormula("\"\"");
	}

	private static RowNormaliser normaliser(List<String> header) {
		return new RowNormaliser(ColumnMapping.detect(header, Map.of()));
	}

	@Test
	void findsTheHeaderOfASheetBelowItsTitle() throws IOException {
		Path file = xlsx("rapport.xlsx", (workbook) -> {
			Sheet sheet = workbook.createSheet("Rapport");
			row(sheet, 0, "Agences prospectées, mars 2024");
			row(sheet, 2, "Raison sociale", "Code postal", "Ville");
			row(sheet, 3, "Agence A", "69003", "Lyon");
			row(sheet, 4, "Agence B", "69500", "Bron");
		});
		FileProfile profile = new FileProfile(FileProfile.Format.XLSX, "", ',', Files.size(file), "");
		try (TabularReader reader = TabularReaders.open(profile, file)) {
			assertThat(reader.header()).containsExactly("Raison sociale", "Code postal", "Ville");
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2);
			assertThat(rows.get(1).cells()).containsExactly("Agence B", "69500", "Bron");
		}
	}

	@Test
	void findsTheHeaderBelowMergedBandsOverGroupsOfColumns() throws IOException {
		Path file = xlsx("deux-niveaux.xlsx", (workbook) -> {
			Sheet sheet = workbook.createSheet("Agences");
			row(sheet, 0, "Société", "", "Contact", "", "");
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 1));
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 2, 4));
			row(sheet, 1, "Raison sociale", "SIRET", "Téléphone", "E-mail", "Ville");
			row(sheet, 2, "Agence A", "54205118000066", "0612345678", "a@a.fr", "Lyon");
		});
		FileProfile profile = new FileProfile(FileProfile.Format.XLSX, "", ',', Files.size(file), "");
		try (TabularReader reader = TabularReaders.open(profile, file)) {
			assertThat(reader.header()).containsExactly("Raison sociale", "SIRET", "Téléphone", "E-mail", "Ville");
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::number).containsExactly(1);
			NormalisedRow row = normaliser(reader.header()).normalise(rows.get(0));
			assertThat(row.messages()).isEmpty();
			assertThat(row.agency().siret()).isEqualTo("54205118000066");
			assertThat(row.agency().emails()).containsExactly("a@a.fr");
		}
	}

	/** An XLSX workbook written to a file of the test's folder. */
	private Path xlsx(String name, Consumer<Workbook> content) throws IOException {
		Path file = this.folder.resolve(name);
		try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			content.accept(workbook);
			workbook.write(out);
		}
		return file;
	}

	/** An XLS workbook, as the bytes of its file. */
	private static InputStream xls(Consumer<Workbook> content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new HSSFWorkbook()) {
			content.accept(workbook);
			workbook.write(bytes);
		}
		return new ByteArrayInputStream(bytes.toByteArray());
	}

	// sheet rows 1..7: header, A, (absent), B, (blank cells), C, (absent at the end)
	private static void fill(Workbook workbook) {
		Sheet sheet = workbook.createSheet("Agences");
		row(sheet, 0, "Raison sociale", "Ville");
		row(sheet, 1, "Agence A", "Lyon");
		row(sheet, 3, "Agence B", "Bron");
		row(sheet, 4, "", "");
		row(sheet, 5, "Agence C", "Oullins");
		row(sheet, 7, "", "");
	}

	private static void row(Sheet sheet, int index, String... values) {
		var row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static void assertNumberedLikeTheSheet(List<String> header, List<SourceRow> rows) {
		assertThat(header).containsExactly("Raison sociale", "Ville");
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", null, "row:empty", null);
		assertThat(rows.get(4).cells()).containsExactly("Agence C", "Oullins");
	}

}
