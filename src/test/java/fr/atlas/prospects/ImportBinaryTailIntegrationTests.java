package fr.atlas.prospects;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV file that is text for the first 64 KB the upload reads to tell its encoding and
 * refuse a binary file, and binary after them (a ZIP archive or random bytes appended to
 * it), imported its binary lines as agencies of gibberish names. Each such line is now
 * REJECTED with {@code row:binary}, and every row of text before keeps its outcome (ADR
 * 0130).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportBinaryTailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void theLinesOfAZipArchiveAppendedToACsvFileAreRejectedAsBinary() throws Exception {
		var tenant = this.api.newOrganisation("Archive en queue");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("photos/vitrine.bin"));
			out.write(randomBytes(7, 40_000));
			out.closeEntry();
			out.putNextEntry(new ZipEntry("liste.txt"));
			out.write("Agence Fantôme;fantome@agence.fr\n".repeat(500).getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		assertBinaryTailRejected(tenant, zip.toByteArray());
	}

	@Test
	void randomBytesAppendedToACsvFileAreRejectedAsBinaryAndSaidInWords() throws Exception {
		var tenant = this.api.newOrganisation("Octets en queue");
		String id = assertBinaryTailRejected(tenant, randomBytes(42, 60_000));

		Map<String, Object> french = this.api.get(tenant.token(), "/api/v1/imports/" + id + "/problems").getBody();
		assertThat((List<Map<String, Object>>) french.get("counts"))
			.filteredOn((c) -> "row:binary".equals(c.get("code")))
			.singleElement()
			.satisfies((c) -> assertThat(c.get("message")).isEqualTo(
					"Ligne illisible, rejetée\u00A0: des octets binaires (une image, une archive ajoutée au fichier…), pas du texte"));
		Map<String, Object> english = this.api.raw().get().uri("/api/v1/imports/" + id + "/problems").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		}).retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) english.get("counts"))
			.filteredOn((c) -> "row:binary".equals(c.get("code")))
			.singleElement()
			.satisfies((c) -> assertThat(c.get("message")).isEqualTo(
					"Unreadable row, rejected: binary bytes (an image, an archive added to the file…), not text"));
	}

	/**
	 * A line with a bell and an escape (a terminal's colours, ADR 0127), or a vertical
	 * tab (a line break in a FileMaker cell), is text: its row is imported.
	 */
	@Test
	void aFewControlCharactersInALineOfTextLeaveItARow() {
		var tenant = this.api.newOrganisation("Quelques contrôles");
		StringBuilder file = new StringBuilder("Raison sociale;E-mail;Code postal;Ville\n");
		int rows = textRows(file);
		file.append("\u001B[1mImmo\u0007Sud\u001B[0m;contact@immosud.fr;06000;Nice\n");
		file.append("Cabinet\u000BNord;nord@cabinet.fr;59000;Lille\n");
		Map<String, Object> done = this.prospects.waitFor(tenant.token(),
				(String) this.prospects.upload(tenant.token(), "texte.csv", file.toString()).getBody().get("id"));
		assertThat(done).containsEntry("status", "DONE")
			.containsEntry("created", rows + 2)
			.containsEntry("rejected", 0);
	}

	private String assertBinaryTailRejected(ApiClient.Tenant tenant, byte[] tail) {
		StringBuilder text = new StringBuilder("Raison sociale;E-mail;Code postal;Ville\n");
		int rows = textRows(text);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
		file.writeBytes(tail);

		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "agences.csv", file.toByteArray(), null,
				null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> done = this.prospects.waitFor(tenant.token(), (String) accepted.getBody().get("id"));

		assertThat(done).containsEntry("status", "DONE").containsEntry("created", rows);
		int total = (Integer) done.get("totalRows");
		assertThat(total).isGreaterThan(rows);
		assertThat(done).containsEntry("processedRows", total).containsEntry("rejected", total - rows);
		List<String[]> report = this.prospects.report(tenant.token(), (String) done.get("id"));
		assertThat(report).hasSize(total);
		assertThat(report.subList(0, rows)).allSatisfy((row) -> assertThat(row[1]).isEqualTo("CREATED"));
		assertThat(report.subList(rows, total)).allSatisfy((row) -> {
			assertThat(row[1]).isEqualTo("REJECTED");
			assertThat(row[2]).isEmpty();
			assertThat(row[3]).isIn("row:binary", "row:empty");
		});
		assertThat(report.subList(rows, total)).anySatisfy((row) -> assertThat(row[3]).isEqualTo("row:binary"));
		// nothing but the agencies of the text
		assertThat(((Number) this.api.get(tenant.token(), "/api/v1/prospects").getBody().get("total")).intValue())
			.isEqualTo(rows);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=contact@agence7.fr"))
			.containsExactly("Agence 7");
		return (String) done.get("id");
	}

	/** Rows of text past the 64 KB that the upload reads; returns their number. */
	private static int textRows(StringBuilder file) {
		int rows = 0;
		while (file.length() < 70 * 1024) {
			rows++;
			file.append("Agence ").append(rows).append(";contact@agence").append(rows).append(".fr;69002;Lyon\n");
		}
		return rows;
	}

	private static byte[] randomBytes(long seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
