package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's rows imported again in another file, the same list with other line ends (ADR
 * 0116): each row ends in the agency it went to before, or the one a person put it in
 * since, and nothing is created. Without it the row that only its name and place tie to
 * one of three namesakes became a new agency at each import.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ImportAgainIntegrationTests {

	/**
	 * Row 1 is decided first and makes an agency of its own; rows 2 to 4 are set aside
	 * until the end (their name and place alone tie them to it), where row 2 joins it and
	 * rows 3 and 4 make two more: three "Agence Pierre" in one postcode.
	 */
	static final String NAMESAKES = """
			Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville
			Agence Pierre;;;;;69003;Lyon
			Agence Pierre;94580730300017;contact@agence-pierre-a.fr;04 72 00 00 01;10 rue Paul Bert;69003;Lyon
			Agence Pierre;21573681000015;contact@agence-pierre-b.fr;04 72 00 00 02;20 rue Garibaldi;69003;Lyon
			Agence Pierre;93036426000016;contact@agence-pierre-c.fr;04 72 00 00 03;30 cours Gambetta;69003;Lyon
			""";

	/** The same rows, as a spreadsheet saves them on Windows: another file. */
	static final String AGAIN = NAMESAKES.replace("\n", "\r\n");

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void theSameRowsInAnotherFileCreateNothing() {
		var tenant = this.api.newOrganisation("Import à nouveau");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", NAMESAKES);
		assertThat(first).containsEntry("created", 3).containsEntry("merged", 1);
		List<String[]> before = this.prospects.report(tenant.token(), (String) first.get("id"));

		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "agences-windows.csv", AGAIN);
		assertThat(again).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("merged", 4);
		List<String[]> after = this.prospects.report(tenant.token(), (String) again.get("id"));
		for (int i = 0; i < 4; i++) {
			assertThat(after.get(i)[2]).as("row %d", i + 1).isEqualTo(before.get(i)[2]);
		}
		// the bare row says where it went and why
		Map<String, Object> agency = this.api.get(tenant.token(), "/api/v1/prospects/" + before.get(0)[2]).getBody();
		assertThat(agency.toString()).contains("seen_before");
		// and a third time, still nothing new
		Map<String, Object> third = this.prospects.importAndWait(tenant.token(), "agences-3.csv", AGAIN + "\r\n");
		assertThat(third).containsEntry("created", 0);
		assertThat(count(tenant.token())).isEqualTo(3);
	}

	@Test
	void aRowDetachedSinceGoesToItsOwnAgency() {
		var tenant = this.api.newOrganisation("Import à nouveau, ligne détachée");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", NAMESAKES);
		String job = (String) first.get("id");
		String pierre = this.prospects.report(tenant.token(), job).get(0)[2];
		ResponseEntity<Map> detached = this.api.post(tenant.token(),
				"/api/v1/prospects/" + pierre + "/sources/" + job + "/rows/1/detach", Map.of());
		assertThat(detached.getStatusCode().value()).isEqualTo(201);
		String own = (String) detached.getBody().get("detachedId");

		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "agences-windows.csv", AGAIN);
		assertThat(again).containsEntry("created", 0);
		List<String[]> after = this.prospects.report(tenant.token(), (String) again.get("id"));
		assertThat(after.get(0)[2]).isEqualTo(own);
		assertThat(after.get(1)[2]).isEqualTo(pierre);
	}

	@Test
	void aRowOfAnAgencyMergedSinceGoesToTheSurvivor() {
		var tenant = this.api.newOrganisation("Import à nouveau, fusion");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", NAMESAKES);
		List<String[]> before = this.prospects.report(tenant.token(), (String) first.get("id"));
		String absorbed = before.get(0)[2];
		String survivor = before.get(2)[2];
		assertThat(
				this.api.post(tenant.token(), "/api/v1/prospects/" + survivor + "/merge", Map.of("otherId", absorbed))
					.getStatusCode()
					.value())
			.isEqualTo(200);

		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "agences-windows.csv", AGAIN);
		assertThat(again).containsEntry("created", 0);
		assertThat(this.prospects.report(tenant.token(), (String) again.get("id")).get(0)[2]).isEqualTo(survivor);
	}

	@Test
	void anotherOrganisationsRowsAreNotItsOwn() {
		var tenant = this.api.newOrganisation("Import à nouveau, première agence");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", NAMESAKES);
		List<String> ours = this.prospects.report(tenant.token(), (String) first.get("id"))
			.stream()
			.map((row) -> row[2])
			.toList();

		var other = this.api.newOrganisation("Import à nouveau, seconde agence");
		Map<String, Object> theirs = this.prospects.importAndWait(other.token(), "agences-windows.csv", AGAIN);
		assertThat(theirs).containsEntry("created", 3).containsEntry("merged", 1);
		assertThat(this.prospects.report(other.token(), (String) theirs.get("id"))).extracting((row) -> row[2])
			.doesNotContainAnyElementsOf(ours);
		assertThat(count(tenant.token())).isEqualTo(3);
	}

	/**
	 * A chain of merges (the bare row's agency into a second, that one into a third),
	 * then the rows again: the bare row goes to the third, with no entry of its own. A
	 * person detaches it from there; the rows a third time put it in the agency made of
	 * it, as when its entry names the agency or one merged into it directly (ADR 0117).
	 */
	@Test
	void aRowDetachedFromTheEndOfAChainOfMergesGoesToItsOwnAgency() {
		var tenant = this.api.newOrganisation("Import à nouveau, chaîne de fusions");
		String token = tenant.token();
		List<String[]> before = this.prospects.report(token,
				(String) this.prospects.importAndWait(token, "agences.csv", NAMESAKES).get("id"));
		String first = before.get(0)[2];
		String second = before.get(2)[2];
		String third = before.get(3)[2];
		for (String[] merge : new String[][] { { second, first }, { third, second } }) {
			assertThat(this.api.post(token, "/api/v1/prospects/" + merge[0] + "/merge", Map.of("otherId", merge[1]))
				.getStatusCode()
				.value()).isEqualTo(200);
		}
		Map<String, Object> again = this.prospects.importAndWait(token, "agences-windows.csv", AGAIN);
		String job = (String) again.get("id");
		assertThat(again).containsEntry("created", 0);
		assertThat(this.prospects.report(token, job).get(0)[2]).isEqualTo(third);
		ResponseEntity<Map> detached = this.api.post(token,
				"/api/v1/prospects/" + third + "/sources/" + job + "/rows/1/detach", Map.of());
		assertThat(detached.getStatusCode().value()).isEqualTo(201);

		Map<String, Object> later = this.prospects.importAndWait(token, "agences-3.csv", AGAIN + "\r\n");
		assertThat(later).containsEntry("created", 0);
		assertThat(this.prospects.report(token, (String) later.get("id")).get(0)[2])
			.isEqualTo(detached.getBody().get("detachedId"));
	}

	/**
	 * The list exported again by a system that writes capitals without accents, and a
	 * straight apostrophe: the same rows, and nothing is created (ADR 0117).
	 */
	@Test
	void theSameRowsInCapitalsWithoutAccentsCreateNothing() {
		String accented = """
				Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville
				Agence de l’Étoile;;;;;42000;Saint-Étienne
				Agence de l’Étoile;94580730300017;contact@etoile-a.fr;04 77 00 00 01;10 rue Général Foy;42000;Saint-Étienne
				Agence de l’Étoile;21573681000015;contact@etoile-b.fr;04 77 00 00 02;20 rue Mi-Carême;42000;Saint-Étienne
				Agence de l’Étoile;93036426000016;contact@etoile-c.fr;04 77 00 00 03;30 place Jean-Jaurès;42000;Saint-Étienne
				""";
		String capitals = """
				RAISON SOCIALE;SIRET;E-MAIL;TELEPHONE;ADRESSE;CODE POSTAL;VILLE
				AGENCE DE L'ETOILE;;;;;42000;SAINT-ETIENNE
				AGENCE DE L'ETOILE;94580730300017;CONTACT@ETOILE-A.FR;04 77 00 00 01;10 RUE GENERAL FOY;42000;SAINT-ETIENNE
				AGENCE DE L'ETOILE;21573681000015;CONTACT@ETOILE-B.FR;04 77 00 00 02;20 RUE MI-CAREME;42000;SAINT-ETIENNE
				AGENCE DE L'ETOILE;93036426000016;CONTACT@ETOILE-C.FR;04 77 00 00 03;30 PLACE JEAN-JAURES;42000;SAINT-ETIENNE
				""";
		var tenant = this.api.newOrganisation("Import à nouveau, capitales");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", accented);
		assertThat(first).containsEntry("created", 3);
		List<String[]> before = this.prospects.report(tenant.token(), (String) first.get("id"));

		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "AGENCES.CSV", capitals);
		assertThat(again).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("merged", 4);
		assertThat(this.prospects.report(tenant.token(), (String) again.get("id")).get(0)[2])
			.isEqualTo(before.get(0)[2]);
		assertThat(count(tenant.token())).isEqualTo(3);
	}

	/**
	 * A later export holds the first one's row of a company under one sign and a new row
	 * of the same company, place and town under another sign: the matching keeps them
	 * apart (as in one file), and the new row is not taken for the earlier one (ADR
	 * 0117).
	 */
	@Test
	void aRowUnderAnotherSignIsNotTheRowSeenBefore() {
		String head = "Raison sociale;Enseigne;Code postal;Ville\n";
		String orpi = "Cabinet Martin;Orpi Bellecour;69002;Lyon\n";
		String century = "Cabinet Martin;Century 21 Bellecour;69002;Lyon\n";
		var together = this.api.newOrganisation("Import à nouveau, deux enseignes ensemble");
		assertThat(this.prospects.importAndWait(together.token(), "agences.csv", head + orpi + century))
			.containsEntry("created", 2);

		var tenant = this.api.newOrganisation("Import à nouveau, deux enseignes");
		List<String[]> before = this.prospects.report(tenant.token(),
				(String) this.prospects.importAndWait(tenant.token(), "agences.csv", head + orpi).get("id"));
		Map<String, Object> later = this.prospects.importAndWait(tenant.token(), "agences-2.csv",
				head + orpi + century);
		assertThat(later).containsEntry("created", 1).containsEntry("merged", 1);
		List<String[]> after = this.prospects.report(tenant.token(), (String) later.get("id"));
		assertThat(after.get(0)[2]).isEqualTo(before.get(0)[2]);
		assertThat(after.get(1)[2]).isNotEqualTo(before.get(0)[2]);
	}

	/**
	 * Rows that say a generic name and nothing else ("Cabinet", three times) are three
	 * agencies: nothing ties them together. Imported again, each used to be a key of
	 * three homes that said nothing, and three more agencies were made at every import
	 * (26 a time on gen3.py's file). A row without a contact now goes to the oldest of
	 * its homes; one with a contact is matched as before, as its contact may be another
	 * agency's (ADR 0117).
	 */
	@Test
	void identicalRowsKeptApartCreateNothingWhenImportedAgain() {
		String rows = """
				Raison sociale;Code postal;Ville;Prénom;Nom du contact
				Cabinet;;;;
				Agence Lumière;69003;Lyon;;
				Cabinet;;;;
				Cabinet;;;;
				Immobilier;;;Sophie;Martin
				Immobilier;;;Paul;Roux
				""";
		var tenant = this.api.newOrganisation("Import à nouveau, lignes identiques");
		Map<String, Object> first = this.prospects.importAndWait(tenant.token(), "agences.csv", rows);
		assertThat(first).containsEntry("created", 6);
		List<String[]> before = this.prospects.report(tenant.token(), (String) first.get("id"));

		Map<String, Object> again = this.prospects.importAndWait(tenant.token(), "agences-windows.csv",
				rows.replace("\n", "\r\n"));
		assertThat(again).containsEntry("status", "DONE").containsEntry("created", 2);
		List<String[]> after = this.prospects.report(tenant.token(), (String) again.get("id"));
		for (int row : new int[] { 0, 2, 3 }) {
			assertThat(after.get(row)[2]).as("row %d", row + 1).isEqualTo(before.get(0)[2]);
		}
		assertThat(after.get(1)[2]).isEqualTo(before.get(1)[2]);
		assertThat(after.get(4)[2]).isNotIn(before.get(4)[2], before.get(5)[2]);
	}

	private int count(String token) {
		return ((Number) this.api.get(token, "/api/v1/prospects").getBody().get("total")).intValue();
	}

}
