package fr.atlas.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.ImportWizard;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the import wizard in Debian's Chromium: upload a CSV, review the detected mapping,
 * change a column, see the preview with its problems, run, follow the progress to the end
 * and read the counts.
 */
@WebIntegrationTest
class ImportWizardBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	static final String CSV = """
			Raison sociale;E-mail;Téléphone;Code postal;Remarque
			Agence de la Gare;contact@gare.fr;01 23 45 67 89;75008;centre
			AGENCE DE LA GARE;CONTACT@GARE.FR;;75008;doublon
			Cabinet Martin;pas-un-email;;13002;sud
			;;;;videparlesalonnonrenseigneavantlexportdufichierdelimmobilier
			""";

	@LocalServerPort
	int port;

	@Test
	void importsAFileFromUploadToReport() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Navigateur");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			ImportWizard.uploadToMapping(page, base, "agences.csv", CSV);

			// the detected mapping
			assertThat(page.locator("select[name=column-0]").inputValue()).isEqualTo("name");
			assertThat(page.locator("select[name=column-1]").inputValue()).isEqualTo("email");
			assertThat(page.locator("select[name=column-2]").inputValue()).isEqualTo("phone");
			assertThat(page.locator("select[name=column-4]").inputValue()).isEqualTo("ignored");
			// each column with what its first rows hold, its select named by its header
			Locator columns = page.locator("table.columns tbody tr");
			assertThat(columns.count()).isEqualTo(5);
			assertThat(columns.nth(0).locator(".examples span.example").allTextContents())
				.containsExactly("Agence de la Gare", "AGENCE DE LA GARE", "Cabinet Martin");
			assertThat(columns.nth(2).locator(".examples span.example").allTextContents())
				.containsExactly("01 23 45 67 89");
			// an e-mail in capitals reads in lower case: the same e-mail as the first,
			// not another example
			assertThat(columns.nth(1).locator(".examples span.example").allTextContents())
				.containsExactly("contact@gare.fr", "pas-un-email");
			// a column whose values the field refuses says so beside them
			assertThat(columns.nth(1).locator(".badge.warning").textContent()).isEqualTo("1 ligne avec un problème");
			assertThat(columns.nth(2).locator(".badge").count()).isZero();
			assertThat(page.getByLabel("Téléphone", new Page.GetByLabelOptions().setExact(true)).inputValue())
				.isEqualTo("phone");
			// the preview shows the problems of each row
			Locator rows = page.locator("table.preview tbody tr");
			assertThat(rows.count()).isEqualTo(4);
			assertThat(rows.nth(2).textContent()).contains("E-mail invalide, ignoré");
			assertThat(rows.nth(2).locator(".badge").first().getAttribute("title")).isEqualTo("email:invalid");
			assertThat(rows.nth(3).getAttribute("class")).contains("rejected");
			assertThat(rows.nth(3).textContent())
				.contains("Ligne rejetée\u00A0: ni nom, ni e-mail, ni téléphone, ni SIRET");

			// change a column: htmx refreshes the preview with the new mapping
			page.selectOption("select[name=column-1]", "ignored");
			page.waitForCondition(() -> !page.locator("table.preview").textContent().contains("E-mail invalide"));
			assertThat(page.locator("select[name=column-1]").inputValue()).isEqualTo("ignored");
			assertThat(page.locator("table.preview tbody tr").nth(3).textContent()).contains("Ligne rejetée");
			Chromium.screenshot(page, "import-wizard-mapping");
			// on a phone the columns read as cards, every field list within the screen
			page.setViewportSize(390, 844);
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue())
				.isLessThanOrEqualTo(0);
			assertThat(page.locator("select[name=column-4]").boundingBox().x
					+ page.locator("select[name=column-4]").boundingBox().width)
				.isLessThanOrEqualTo(390);
			// and the preview reads as one card per row: nothing scrolls sideways, each
			// value beside its column's header
			assertThat(((Number) page.evaluate(
					"(() => { const w = document.querySelector('table.preview').closest('.table-wrap'); return w.scrollWidth - w.clientWidth; })()"))
				.intValue()).isLessThanOrEqualTo(0);
			Locator firstCard = page.locator("table.preview tbody tr").first();
			assertThat(firstCard.locator("td").nth(2).getAttribute("data-label")).isEqualTo("Raison sociale");
			assertThat(firstCard.locator("td").nth(2).boundingBox().width).isLessThanOrEqualTo(390);
			Chromium.screenshot(page, "import-wizard-mapping-phone");
			page.setViewportSize(1280, 900);

			// save the mapping for later files (htmx posts the column choices along)
			page.fill("#presetName", "Export CRM");
			page.click("#preset-save button[type=submit]");
			page.locator("p.notice").waitFor();
			assertThat(page.locator("p.notice").textContent())
				.contains("Correspondance «\u00A0Export CRM\u00A0» enregistrée");
			assertThat(page.locator("select[name=column-1]").inputValue()).isEqualTo("ignored");

			page.click("#mapping-form button[type=submit]");
			page.waitForURL((url) -> url.matches(".*/prospects/imports/[0-9a-f-]{36}$"));
			Locator status = page.locator("#import-status");
			page.waitForCondition(() -> status.textContent().contains("Terminé"),
					new Page.WaitForConditionOptions().setTimeout(30_000));
			assertThat(page.locator("#progress progress").getAttribute("value")).isEqualTo("100");
			Map<String, String> counts = counts(page);
			assertThat(counts).containsEntry("Créées", "2")
				.containsEntry("Fusionnées", "1")
				.containsEntry("Rejetées", "1")
				.containsEntry("Avertissements", "0");
			assertThat(page.locator("a[href$='rows.csv']").isVisible()).isTrue();
			// the rejected row, in words, with its line of the file
			assertThat(page.locator("#import-problems").textContent()).contains("Ligne rejetée", "Rejetée");
			Chromium.screenshot(page, "import-wizard-report");
			// on a phone each problem row reads as a card: its problem within the screen,
			// not in a column scrolled out of sight
			page.setViewportSize(390, 844);
			Locator problems = page.locator("#import-problems table.problem-rows td.problem");
			for (int i = 0; i < problems.count(); i++) {
				assertThat(problems.nth(i).boundingBox().x + problems.nth(i).boundingBox().width)
					.isLessThanOrEqualTo(390);
			}
			assertThat(problems.allTextContents()).anySatisfy((text) -> assertThat(text).contains("Ligne rejetée"));
			assertThat(((Number) page.evaluate(
					"(() => { const w = document.querySelector('#import-problems .table-wrap'); return w.scrollWidth - w.clientWidth; })()"))
				.intValue()).isLessThanOrEqualTo(0);
			Chromium.screenshot(page, "import-wizard-report-phone");
			page.setViewportSize(1280, 900);

			page.navigate(base + "/prospects?sort=name");
			assertThat(page.locator("table tbody").textContent()).contains("Agence de la Gare", "Cabinet Martin",
					"01 23 45 67 89");

			// the next file with the same columns gets the saved mapping at once
			page.navigate(base + "/prospects/imports");
			page.setInputFiles("input[type=file]", new FilePayload("suite.csv", "text/csv",
					CSV.replace("Cabinet Martin", "Cabinet Durand").getBytes(StandardCharsets.UTF_8)));
			page.click("form[enctype='multipart/form-data'] button[type=submit]");
			page.waitForURL("**/mapping");
			assertThat(page.locator("p.notice").textContent())
				.contains("Correspondance «\u00A0Export CRM\u00A0» appliquée");
			assertThat(page.locator("select[name=column-1]").inputValue()).isEqualTo("ignored");
			assertThat(page.locator("#preset option:checked").textContent()).isEqualTo("Export CRM (suggérée)");
			Chromium.screenshot(page, "import-wizard-preset");
		}
	}

	@Test
	void readsAnotherSheetOfAWorkbook() throws Exception {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Classeur");
		String base = "http://localhost:" + this.port;
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		try (XSSFWorkbook xlsx = new XSSFWorkbook()) {
			Sheet paris = xlsx.createSheet("Paris");
			paris.createRow(0).createCell(0).setCellValue("Raison sociale");
			paris.createRow(1).createCell(0).setCellValue("Agence Opéra");
			Sheet lyon = xlsx.createSheet("Lyon");
			Row header = lyon.createRow(0);
			header.createCell(0).setCellValue("Enseigne");
			header.createCell(1).setCellValue("Ville");
			Row row = lyon.createRow(1);
			row.createCell(0).setCellValue("Agence Bellecour");
			row.createCell(1).setCellValue("Lyon");
			xlsx.write(workbook);
		}
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/imports");
			page.setInputFiles("input[type=file]", new FilePayload("agences.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.toByteArray()));
			page.click("form[enctype='multipart/form-data'] button[type=submit]");
			page.waitForURL("**/mapping");
			assertThat(page.locator("#sheet option").allTextContents()).containsExactly("Paris", "Lyon");
			assertThat(page.locator("table.preview").textContent()).contains("Agence Opéra");

			page.selectOption("#sheet", "1");
			page.click("#sheet-form button[type=submit]");
			page.waitForCondition(() -> page.locator("table.preview").textContent().contains("Agence Bellecour"));
			assertThat(page.locator("#sheet").inputValue()).isEqualTo("1");
			assertThat(page.locator("p.lead").textContent()).contains("format XLSX, feuille «\u00A0Lyon\u00A0»");
			assertThat(page.locator("select[name=column-0]").inputValue()).isEqualTo("trade_name");
			Chromium.screenshot(page, "import-wizard-sheet");
		}
	}

	/**
	 * A file dropped on the upload's zone is the file sent; the zone names it in the
	 * page's language, and refuses two files at once.
	 */
	@Test
	void aFileDroppedOnTheZoneIsTheFileSent() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Glisser");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/imports");
			Locator zone = page.locator("[data-dropzone]");
			assertThat(zone.locator(".dropzone-words").textContent()).contains("Déposez votre fichier ici")
				.contains("Choisir un fichier");
			assertThat(zone.locator("[data-dropzone-file]").textContent()).isEqualTo("Aucun fichier choisi");

			zone.dispatchEvent("drop", Map.of("dataTransfer", files(page, "agences.csv", "autres.csv")));
			assertThat(zone.locator("[data-dropzone-file]").textContent())
				.isEqualTo("Déposez un seul fichier à la fois.");
			assertThat(page.evaluate("document.getElementById('file').files.length")).isEqualTo(0);

			zone.dispatchEvent("drop", Map.of("dataTransfer", files(page, "agences.csv")));
			assertThat(zone.locator("[data-dropzone-file]").textContent()).startsWith("agences.csv (").endsWith("ko)");
			Chromium.screenshot(page, "import-drop-zone");
			page.click("form[enctype='multipart/form-data'] button[type=submit]");
			page.waitForURL("**/mapping");
			assertThat(page.locator("table.preview").textContent()).contains("Agence du Quai");
		}
	}

	/**
	 * "Supprimer" next to the presets asks about the preset chosen at the time of the
	 * click, by its name (ADR 0129): a static question said "la correspondance choisie",
	 * whichever it was; a question refused deletes nothing.
	 */
	@Test
	void deletingAPresetNamesItInItsQuestion() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Modèles");
		for (String name : List.of("Pige d’été", "Export CRM")) {
			assertThat(api
				.post(tenant.token(), "/api/v1/imports/mapping-presets",
						Map.of("name", name, "mapping", Map.of("Raison sociale", "name", "Ville", "city")))
				.getStatusCode()
				.value()).isEqualTo(201);
		}
		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			ImportWizard.uploadToMapping(page, base, "modeles.csv", "Raison sociale;Ville\nAgence du Port;Vannes\n");
			List<String> questions = new java.util.ArrayList<>();
			boolean[] answer = { false };
			page.onDialog((dialog) -> {
				questions.add(dialog.message());
				if (answer[0]) {
					dialog.accept();
				}
				else {
					dialog.dismiss();
				}
			});

			page.selectOption("#preset", page.locator("#preset option[data-name='Pige d’été']").getAttribute("value"));
			page.click("#preset-delete");
			page.waitForTimeout(300);
			assertThat(questions).containsExactly(
					"Supprimer la correspondance «\u00A0Pige d’été\u00A0»\u00A0? Les imports déjà faits ne changent pas.");
			assertThat(page.locator("#preset option[data-name]").count()).isEqualTo(2);

			answer[0] = true;
			page.selectOption("#preset", page.locator("#preset option[data-name='Export CRM']").getAttribute("value"));
			page.click("#preset-delete");
			page.locator("p.notice", new Page.LocatorOptions().setHasText("supprimée")).waitFor();
			assertThat(questions).last().asString().startsWith("Supprimer la correspondance «\u00A0Export CRM\u00A0»");
			assertThat(page.locator("p.notice").textContent())
				.contains("Correspondance «\u00A0Export CRM\u00A0» supprimée");
			assertThat(page.locator("#preset option[data-name]").count()).isEqualTo(1);
			assertThat(page.locator("#preset option[data-name]").getAttribute("data-name")).isEqualTo("Pige d’été");
		}
	}

	/** A DataTransfer holding one small CSV file per name, as a drop gives it. */
	private static com.microsoft.playwright.JSHandle files(Page page, String... names) {
		return page.evaluateHandle("""
				(names) => {
				  const transfer = new DataTransfer();
				  for (const name of names) {
				    transfer.items.add(new File(['Raison sociale;Ville\\nAgence du Quai;Vannes\\n'], name,
				        { type: 'text/csv' }));
				  }
				  return transfer;
				}""", List.of(names));
	}

	private static Map<String, String> counts(Page page) {
		List<String> terms = page.locator("#progress dl.facts dt").allTextContents();
		List<String> values = page.locator("#progress dl.facts dd").allTextContents();
		Map<String, String> counts = new java.util.LinkedHashMap<>();
		for (int i = 0; i < terms.size(); i++) {
			counts.put(terms.get(i).strip(), values.get(i).strip());
		}
		return counts;
	}

}
