package fr.atlas.prospects;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import fr.atlas.support.ApiClient;
import fr.atlas.support.AtOnce;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's API contract as a tool that knows only the contract calls it: the shapes of
 * the import's answers and report, whatever the tool's headers, and errors a generic RFC
 * 9457 client can read. The other import tests pin the behaviour behind them.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportContractIntegrationTests {

	static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED");

	static final String FILE = """
			Company name,Phone,Email,Website,Zip,City,SIRET
			Agence Alpha,+33 1 23 45 67 80,Alpha@Example.FR,https://www.alpha-immo.fr/contact,75001,Paris,
			"Beta, Immobilier",0033 4 72 00 00 01,pas-un-email,http://beta.fr,69002,Lyon,40123456200016
			,,,,75001,Paris,
			AGENCE ALPHA,01.23.45.67.80,,,75001,Paris,
			""";

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void anImportAnswersInTheContractsShapes() {
		var tenant = this.api.newOrganisation("Contrat");
		ResponseEntity<Map> accepted = this.prospects.upload(tenant.token(), "agencies.csv", FILE);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(accepted.getBody()).containsOnlyKeys("id", "status");
		assertThat(STATUSES).contains((String) accepted.getBody().get("status"));
		String id = (String) accepted.getBody().get("id");
		assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/imports/" + id);

		Map<String, Object> status = this.prospects.waitFor(tenant.token(), id);
		assertThat(status).containsOnlyKeys("id", "status", "totalRows", "processedRows", "created", "merged",
				"rejected", "warnings");
		assertThat(status).containsEntry("status", "DONE")
			.containsEntry("totalRows", 4)
			.containsEntry("processedRows", 4)
			.containsEntry("created", 2)
			.containsEntry("merged", 1)
			.containsEntry("rejected", 1)
			.containsEntry("warnings", 2);

		// a tool that asks every call of the API for JSON still gets the report, in CSV
		ResponseEntity<String> report = this.api.raw().get().uri("/api/v1/imports/" + id + "/rows").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.setAccept(List.of(MediaType.APPLICATION_JSON));
		}).retrieve().toEntity(String.class);
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
			.isTrue();
		List<String> lines = report.getBody().lines().toList();
		assertThat(lines).containsExactly("row,status,prospect_id,messages", "1,CREATED," + agency(lines, 1) + ",",
				"2,CREATED," + agency(lines, 2) + ",siret:invalid_checksum|email:invalid",
				"3,REJECTED,,row:no_identity", "4,MERGED," + agency(lines, 1) + ",");
		assertThat(agency(lines, 1)).matches("[0-9a-f-]{36}").isNotEqualTo(agency(lines, 2));
	}

	/**
	 * Two people, or a retrying script, merging or unmerging one pair from either side at
	 * the same moment: each agency was locked in the order it was named, so the two
	 * requests each held one and waited for the other, and the database's deadlock came
	 * back as a 500.
	 */
	@Test
	void aPairMergedAndUnmergedFromBothSidesAtOnceIsDoneOnceNeverFailing() throws Exception {
		var tenant = this.api.newOrganisation("Contrat fusions simultanées");
		StringBuilder file = new StringBuilder("Raison sociale;Ville\n");
		for (int i = 0; i < 16; i++) {
			file.append("Agence Simultanée ").append(i).append(";Ville ").append(i).append("\n");
		}
		this.prospects.importAndWait(tenant.token(), "simultanees.csv", file.toString());
		List<String> ids = ((List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects?size=100&sort=name")
			.getBody()
			.get("items")).stream().map((agency) -> (String) agency.get("id")).toList();
		assertThat(ids).hasSize(16);
		Queue<String[]> merges = new ConcurrentLinkedQueue<>();
		Queue<String> unmerges = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < ids.size(); i += 2) {
			merges.add(new String[] { ids.get(i), ids.get(i + 1) });
			merges.add(new String[] { ids.get(i + 1), ids.get(i) });
			unmerges.add(ids.get(i));
			unmerges.add(ids.get(i + 1));
		}
		List<Integer> merged = AtOnce.run(merges.size(), () -> {
			String[] pair = merges.remove();
			return this.api.post(tenant.token(), "/api/v1/prospects/" + pair[0] + "/merge", Map.of("otherId", pair[1]))
				.getStatusCode()
				.value();
		});
		assertThat(merged).containsOnly(200, 409).filteredOn((status) -> status == 200).hasSize(8);
		List<Integer> unmerged = AtOnce.run(unmerges.size(),
				() -> this.api.post(tenant.token(), "/api/v1/prospects/" + unmerges.remove() + "/unmerge", Map.of())
					.getStatusCode()
					.value());
		assertThat(unmerged).containsOnly(200, 409).filteredOn((status) -> status == 200).hasSize(8);
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects?size=100").getBody()).containsEntry("total", 16);
	}

	/**
	 * An import or an agency that does not exist, or is another organisation's, is a 404
	 * that says so in words, the same for both: a client that shows a problem's title and
	 * detail showed "Introuvable" alone.
	 */
	@Test
	void anUnknownOrAnotherOrganisationsIdIsANotFoundThatSaysSo() {
		var owner = this.api.newOrganisation("Contrat introuvable");
		var other = this.api.newOrganisation("Contrat curieux");
		String id = (String) this.prospects.importAndWait(owner.token(), "agencies.csv", FILE).get("id");
		String agency = this.prospects.idOf(owner.token(), "alpha");
		for (String path : List.of("/api/v1/imports/" + id, "/api/v1/imports/" + id + "/rows",
				"/api/v1/imports/" + UUID.randomUUID(), "/api/v1/prospects/" + agency,
				"/api/v1/prospects/" + UUID.randomUUID())) {
			for (String language : List.of("fr", "en")) {
				ResponseEntity<Map> missing = this.api.raw().get().uri(path).headers((h) -> {
					h.setBearerAuth(other.token());
					h.set("Accept-Language", language);
				}).retrieve().toEntity(Map.class);
				assertThat(missing.getStatusCode().value()).as(path).isEqualTo(404);
				assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
				assertThat(missing.getBody()).containsOnlyKeys("type", "title", "status", "detail", "instance")
					.containsEntry("detail",
							language.equals("fr") ? "Rien de ce que votre compte peut voir ne porte cet identifiant."
									: "Nothing your account can see has this id.");
			}
		}
	}

	private static String agency(List<String> lines, int row) {
		return lines.get(row).split(",", -1)[2];
	}

	/**
	 * A file written by a script rather than by a person: pandas writes a column of
	 * numbers with a gap as decimals, the phone's included.
	 */
	@Test
	void readsTheNumbersOfAFileAScriptWrote() {
		var tenant = this.api.newOrganisation("Contrat script");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "pandas.csv", """
				Raison sociale,SIRET,Code postal,Téléphone,Nb annonces,Chiffre d'affaires,Ville
				Agence Pandas,40123456200015.0,1000.0,612345678.0,12.0,1500000.0,Bourg-en-Bresse
				Agence Sans Chiffres,,,,,,Lyon
				""");
		assertThat(done).containsEntry("created", 2).containsEntry("warnings", 0);
		Map<String, Object> page = this.api.get(tenant.token(), "/api/v1/prospects?q=pandas").getBody();
		assertThat((List<Map<String, Object>>) page.get("items")).singleElement()
			.satisfies((agency) -> assertThat(agency).containsEntry("siret", "40123456200015")
				.containsEntry("postcode", "01000")
				.containsEntry("listingCount", 12)
				.containsEntry("phones", List.of(Map.of("number", "+33612345678", "kind", "MOBILE"))));
	}

	/**
	 * A register writes the legal form out, a CRM its initials: one company (ADR 0102).
	 * Another organisation sees none of it.
	 */
	@Test
	void aLegalFormWrittenOutIsItsInitials() {
		var tenant = this.api.newOrganisation("Contrat formes");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "formes.csv", """
				Raison sociale;Code postal;Ville;Téléphone
				Société Civile Immobilière Martin Immobilier;69003;Lyon;04 78 12 34 56
				SCI Martin Immobilier;69003;Lyon;
				SOCIETE A RESPONSABILITE LIMITEE AGENCE DU PARC;69003;Lyon;
				SARL Agence du Parc;69003;Lyon;
				""");
		assertThat(done).containsEntry("created", 2).containsEntry("merged", 2);
		var other = this.api.newOrganisation("Contrat formes autre");
		assertThat((List<?>) this.api.get(other.token(), "/api/v1/prospects?q=martin").getBody().get("items"))
			.isEmpty();
	}

	@Test
	void aRefusedUploadSaysWhyInTheProblemsDetail() {
		var tenant = this.api.newOrganisation("Contrat refus");
		MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
		noFile.add("upload", new ByteArrayResource(FILE.getBytes()) {
			@Override
			public String getFilename() {
				return "agencies.csv";
			}
		});
		for (String language : List.of("fr", "en")) {
			ResponseEntity<Map> refused = this.api.raw().post().uri("/api/v1/imports").headers((h) -> {
				h.setBearerAuth(tenant.token());
				h.set("Accept-Language", language);
			}).contentType(MediaType.MULTIPART_FORM_DATA).body(noFile).retrieve().toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat((String) refused.getBody().get("detail")).isEqualTo(language.equals("fr")
					? "Aucun fichier envoyé\u00A0: joignez un fichier CSV ou Excel dans le champ «\u00A0file\u00A0»."
					: "No file sent: attach a CSV or Excel file in the \"file\" field.");
			assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).singleElement()
				.satisfies((error) -> assertThat(error).containsEntry("field", "file")
					.containsEntry("code", "prospects.import.missing-file"));
		}
		// "" for a column's field is no field, as null is: the problem names the column
		ResponseEntity<Map> blank = this.prospects.upload(tenant.token(), "agencies.csv", FILE.getBytes(),
				"{\"Zip\": \"\"}", null);
		assertThat(blank.getStatusCode().value()).isEqualTo(400);
		assertThat((String) blank.getBody().get("detail")).contains("«\u00A0Zip\u00A0»").contains("ignore");
	}

	@Test
	void anAnonymousCallIsAProblemThatNamesTheScheme() {
		ResponseEntity<String> anonymous = this.api.raw()
			.get()
			.uri("/api/v1/imports")
			.header("Accept", "text/html")
			.retrieve()
			.toEntity(String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getLocation()).isNull();
		assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		ResponseEntity<String> badToken = this.api.getText("atl_not-a-token", "/api/v1/prospects");
		assertThat(badToken.getStatusCode().value()).isEqualTo(401);
		assertThat(badToken.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void anUnmergeSentForTheAbsorbedAgencyNamesBoth() {
		var tenant = this.api.newOrganisation("Contrat fusion");
		this.prospects.importAndWait(tenant.token(), "deux.csv",
				"Raison sociale;Ville\nAgence Alpha Contrat;Paris\nCabinet Beta Contrat;Lyon\n");
		String survivor = this.prospects.idOf(tenant.token(), "alpha");
		String absorbed = this.prospects.idOf(tenant.token(), "beta");
		assertThat(
				this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/merge", Map.of("otherId", absorbed))
					.getStatusCode()
					.value())
			.isEqualTo(200);
		ResponseEntity<Map> undone = this.api.post(tenant.token(), "/api/v1/prospects/" + absorbed + "/unmerge",
				Map.of());
		assertThat(undone.getStatusCode().value()).isEqualTo(200);
		assertThat(undone.getBody()).containsEntry("id", survivor).containsEntry("restoredId", absorbed);
		Map<String, Object> restored = this.api.get(tenant.token(), "/api/v1/prospects/" + absorbed).getBody();
		assertThat((Map<String, Object>) restored.get("agency")).containsEntry("status", "ACTIVE");
	}

}
