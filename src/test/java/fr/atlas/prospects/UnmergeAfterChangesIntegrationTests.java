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
 * An unmerge put the survivor back as it was before the merge, and so dropped without a
 * word what it had received since (ADR 0110): it now keeps that, and restores the rest
 * (ADR 0112).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class UnmergeAfterChangesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void aCorrectionSinceTheMergeStaysAndTheRestComesBack() {
		var tenant = this.api.newOrganisation("Fusion corrigée");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String cabinet = this.prospects.idOf(tenant.token(), "cabinet");
		Map<String, Object> gareBefore = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + gare).getBody());
		Map<String, Object> cabinetBefore = agency(
				this.api.get(tenant.token(), "/api/v1/prospects/" + cabinet).getBody());
		Map<String, Object> merged = agency(
				this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", cabinet))
					.getBody());
		assertThat((List<String>) merged.get("emails")).contains("contact@gare.fr", "martin@cabinet.fr");
		// a correction of the listings, a tag, and an e-mail the survivor did not have
		List<String> emails = new java.util.ArrayList<>((List<String>) merged.get("emails"));
		emails.add("direction@gare.fr");
		ResponseEntity<Map> corrected = this.api.patch(tenant.token(), "/api/v1/prospects/" + gare, Map
			.of("listingCount", 999, "tags", List.of("vip"), "emails", emails, "version", merged.get("version")));
		assertThat(corrected.getStatusCode().value()).isEqualTo(200);

		ResponseEntity<Map> undone = this.api.post(tenant.token(), "/api/v1/prospects/" + cabinet + "/unmerge",
				Map.of());
		assertThat(undone.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> survivor = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + gare).getBody());
		// what changed since stays; the other agency's e-mail goes back with it
		assertThat(survivor).containsEntry("listingCount", 999).containsEntry("tags", List.of("vip"));
		assertThat((List<String>) survivor.get("emails")).containsExactly("contact@gare.fr", "direction@gare.fr");
		// what did not change is as before the merge
		for (String field : List.of("name", "siret", "postcode", "city", "specialty", "owner", "status")) {
			assertThat(survivor.get(field)).as(field).isEqualTo(gareBefore.get(field));
		}
		assertThat(phones(tenant.token(), gare)).containsExactly("+33123456789");
		Map<String, Object> restored = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + cabinet).getBody());
		restored.remove("version");
		cabinetBefore.remove("version");
		assertThat(restored).isEqualTo(cabinetBefore);
	}

	@Test
	void aRowImportedIntoTheSurvivorSinceTheMergeIsNotDropped() {
		var tenant = this.api.newOrganisation("Fusion puis import");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String cabinet = this.prospects.idOf(tenant.token(), "cabinet");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", cabinet))
			.getStatusCode()
			.value()).isEqualTo(200);
		// a later file's row of the survivor, with a phone it did not have
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "b.csv", """
				Raison sociale;E-mail;Téléphone;Code postal;Ville
				Agence de la Gare;contact@gare.fr;01 45 67 89 10;75008;Paris
				""");
		assertThat(done).containsEntry("merged", 1);
		String report = this.api.getText(tenant.token(), "/api/v1/imports/" + done.get("id") + "/rows").getBody();
		assertThat(report).contains("1,MERGED," + gare + ",");
		assertThat(phones(tenant.token(), gare)).contains("+33145678910");

		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + cabinet + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		// the imported phone stays where the report says its row went; the other
		// agency's phone went back with it
		assertThat(phones(tenant.token(), gare)).containsExactly("+33123456789", "+33145678910");
		assertThat(phones(tenant.token(), cabinet)).containsExactly("+33491000002");
	}

	@Test
	void mergesUndoneOneAfterTheOtherStillComeBack() {
		var tenant = this.api.newOrganisation("Fusions défaites");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String orpi = this.prospects.idOf(tenant.token(), "orpi");
		String cabinet = this.prospects.idOf(tenant.token(), "cabinet");
		Map<String, Object> before = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + gare).getBody());
		this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", orpi));
		this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", cabinet));
		// the later one undone puts the survivor back as the earlier one left it
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		Map<String, Object> after = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + gare).getBody());
		after.remove("version");
		before.remove("version");
		assertThat(after).isEqualTo(before);
	}

	private List<String> phones(String token, String id) {
		return ((List<Map<String, Object>>) agency(this.api.get(token, "/api/v1/prospects/" + id).getBody())
			.get("phones")).stream().map((phone) -> (String) phone.get("number")).toList();
	}

	private static Map<String, Object> agency(Map<String, Object> detail) {
		return (Map<String, Object>) detail.get("agency");
	}

}
