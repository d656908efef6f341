package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code sheet} part of {@code POST /api/v1/imports}: a workbook's sheet by name or
 * 1-based position, the first by default, and a clear 400 for a sheet that is not there.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportSheetIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void importsTheChosenSheetOfAnXlsxWorkbook() throws Exception {
		importsTheChosenSheet(new XSSFWorkbook(), "agences.xlsx", "XLSX");
	}

	@Test
	void importsTheChosenSheetOfAnXlsWorkbook() throws Exception {
		importsTheChosenSheet(new HSSFWorkbook(), "agences.xls", "XLS");
	}

	private void importsTheChosenSheet(Workbook workbook, String fileName, String label) throws Exception {
		byte[] file = twoSheets(workbook);
		var tenant = this.api.newOrganisation("Feuilles " + label);

		ResponseEntity<Map> byName = this.prospects.upload(tenant.token(), fileName, file, null, null, "Lyon");
		assertThat(byName.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> lyon = this.prospects.waitFor(tenant.token(), (String) byName.getBody().get("id"));
		assertThat(lyon).containsEntry("status", "DONE").containsEntry("totalRows", 2).containsEntry("created", 2);
		assertThat(names(tenant.token())).containsExactlyInAnyOrder("Agence Bellecour", "Agence Part-Dieu");

		// the same sheet by position is the same file again: a repeat that imports
		// nothing (ADR 0055); the first sheet is another import
		ResponseEntity<Map> byPosition = this.prospects.upload(tenant.token(), fileName, file, null, null, "2");
		assertThat(byPosition.getBody().get("id")).isNotEqualTo(byName.getBody().get("id"));
		assertThat(this.prospects.waitFor(tenant.token(), (String) byPosition.getBody().get("id")))
			.containsEntry("totalRows", 2)
			.containsEntry("created", 0)
			.containsEntry("merged", 2);
		ResponseEntity<Map> first = this.prospects.upload(tenant.token(), fileName, file, null, null, null);
		assertThat(first.getBody().get("id")).isNotEqualTo(byName.getBody().get("id"));
		assertThat(this.prospects.waitFor(tenant.token(), (String) first.getBody().get("id")))
			.containsEntry("totalRows", 1)
			.containsEntry("created", 1);
		assertThat(names(tenant.token())).contains("Agence Opéra");

		ResponseEntity<Map> unknown = this.prospects.upload(tenant.token(), fileName, file, null, null, "Marseille");
		assertRefused(unknown, "unknown-sheet",
				"Le classeur n’a pas de feuille «\u00A0Marseille\u00A0». Feuilles\u00A0: Paris, Lyon.");
		ResponseEntity<Map> outOfRange = this.prospects.upload(tenant.token(), fileName, file, null, "en", "3");
		assertRefused(outOfRange, "unknown-sheet", "The workbook has no sheet “3”. Sheets: Paris, Lyon.");
	}

	@Test
	void readsTheFirstSheetThatHoldsSomethingWhenNoneIsAsked() throws Exception {
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			byte[] file;
			try (workbook) {
				workbook.createSheet("Couverture");
				// a sheet of lookups the workbook hides is not the list
				Sheet lookups = workbook.createSheet("Listes");
				row(lookups, 0, "Raison sociale");
				row(lookups, 1, "Agence Cachée");
				workbook.setSheetHidden(1, true);
				Sheet agencies = workbook.createSheet("Agences");
				row(agencies, 0, "Raison sociale", "Code postal");
				row(agencies, 1, "Agence du Cours", "13100");
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				workbook.write(out);
				file = out.toByteArray();
			}
			var tenant = this.api.newOrganisation("Couverture vide");
			ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(),
					(workbook instanceof XSSFWorkbook) ? "c.xlsx" : "c.xls", file, null, null, null);
			assertThat(accepted.getStatusCode().value()).isEqualTo(202);
			assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
				.containsEntry("status", "DONE")
				.containsEntry("created", 1);
			assertThat(names(tenant.token())).containsExactly("Agence du Cours");
		}
	}

	@Test
	void readsTheFirstSheetOfAgenciesWhenTheFirstFilledOneNamesNoColumn() throws Exception {
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			byte[] file;
			try (workbook) {
				// a workbook that opens on a note: before, the upload was refused as a
				// file with no known column, and the wizard offered no way to pick the
				// sheet
				row(workbook.createSheet("Lisez-moi"), 0, "Fichier préparé par le service commercial");
				Sheet agencies = workbook.createSheet("Agences Haute-Savoie");
				row(agencies, 0, "Nom de l'agence", "CP", "Ville");
				row(agencies, 1, "Laforêt Évian-Centre", "74500", "Évian-les-Bains");
				Sheet others = workbook.createSheet("Agences Rhône");
				row(others, 0, "Raison sociale", "Code postal");
				row(others, 1, "Cabinet Bellecour", "69002");
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				workbook.write(out);
				file = out.toByteArray();
			}
			var tenant = this.api.newOrganisation("Lisez-moi");
			ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(),
					(workbook instanceof XSSFWorkbook) ? "l.xlsx" : "l.xls", file, null, null, null);
			assertThat(accepted.getStatusCode().value()).isEqualTo(202);
			assertThat(this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id")))
				.containsEntry("status", "DONE")
				.containsEntry("created", 1);
			assertThat(names(tenant.token())).containsExactly("Laforêt Évian-Centre");

			// a sheet asked for by name is read as asked, and refused when it names
			// nothing
			ResponseEntity<Map> asked = this.prospects.upload(tenant.token(),
					(workbook instanceof XSSFWorkbook) ? "l.xlsx" : "l.xls", file, null, null, "Lisez-moi");
			assertThat(asked.getStatusCode().value()).isEqualTo(400);
		}
	}

	@Test
	void refusesASheetOtherThanTheFirstForACsvFile() {
		var tenant = this.api.newOrganisation("Feuille CSV");
		assertRefused(this.prospects.upload(tenant.token(), "a.csv", "Nom\nAgence A\n".getBytes(), null, null, "2"),
				"sheet-not-workbook", "Un fichier CSV n’a qu’une feuille");
		assertThat(this.prospects.upload(tenant.token(), "a.csv", "Nom\nAgence A\n".getBytes(), null, null, "1")
			.getStatusCode()
			.value()).isEqualTo(202);
	}

	private static byte[] twoSheets(Workbook workbook) throws Exception {
		try (workbook) {
			Sheet paris = workbook.createSheet("Paris");
			row(paris, 0, "Raison sociale", "Code postal");
			row(paris, 1, "Agence Opéra", "75009");
			Sheet lyon = workbook.createSheet("Lyon");
			row(lyon, 0, "Enseigne", "Code postal", "Ville");
			row(lyon, 1, "Agence Bellecour", "69002", "Lyon");
			row(lyon, 2, "Agence Part-Dieu", "69003", "Lyon");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private List<String> names(String token) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api.get(token, "/api/v1/prospects?size=50")
			.getBody()
			.get("items");
		return items.stream().map((i) -> (String) i.get("name")).toList();
	}

	private static void assertRefused(ResponseEntity<Map> response, String code, String text) {
		assertThat(response.getStatusCode().value()).as(code).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("code")).contains("prospects.import." + code);
		assertThat(errors).extracting((e) -> e.get("field")).contains("sheet");
		assertThat(errors).extracting((e) -> (String) e.get("message")).anyMatch((m) -> m.contains(text));
	}

}
