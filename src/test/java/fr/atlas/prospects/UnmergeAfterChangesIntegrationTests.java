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
 * word what it had received since (ADR 0110).
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class UnmergeAfterChangesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void aCorrectionSinceTheMergeIsNotUndoneWithIt() {
		var tenant = this.api.newOrganisation("Fusion corrigée");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectApiIntegrationTests.AGENCIES);
		String gare = this.prospects.idOf(tenant.token(), "gare");
		String orpi = this.prospects.idOf(tenant.token(), "orpi");
		Map<String, Object> merged = agency(
				this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/merge", Map.of("otherId", orpi))
					.getBody());
		ResponseEntity<Map> corrected = this.api.patch(tenant.token(), "/api/v1/prospects/" + gare,
				Map.of("listingCount", 999, "tags", List.of("vip"), "version", merged.get("version")));
		assertThat(corrected.getStatusCode().value()).isEqualTo(200);

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/unmerge", Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.unmerge.changed");
		assertThat((String) refused.getBody().get("detail")).startsWith("L’agence qui a absorbé l’autre a changé");
		String english = this.api.raw()
			.post()
			.uri("/api/v1/prospects/" + orpi + "/unmerge")
			.header("Authorization", "Bearer " + tenant.token())
			.header("Accept-Language", "en")
			.exchange((request, response) -> new String(response.getBody().readAllBytes()));
		assertThat(english).contains("has changed since the merge");
		// nothing was undone: the correction and the merge stand
		Map<String, Object> kept = agency(this.api.get(tenant.token(), "/api/v1/prospects/" + gare).getBody());
		assertThat(kept).containsEntry("listingCount", 999).containsEntry("tags", List.of("vip"));
		assertThat(agency(this.api.get(tenant.token(), "/api/v1/prospects/" + orpi).getBody())).containsEntry("status",
				"MERGED");

		// the values put back as the merge left them, the merge can be undone
		this.api.patch(tenant.token(), "/api/v1/prospects/" + gare, Map.of("listingCount", merged.get("listingCount"),
				"tags", merged.get("tags"), "version", kept.get("version")));
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + gare + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(agency(this.api.get(tenant.token(), "/api/v1/prospects/" + orpi).getBody())).containsEntry("status",
				"ACTIVE");
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

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects/" + cabinet + "/unmerge",
				Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.unmerge.changed");
		assertThat(phones(tenant.token(), gare)).contains("+33145678910");
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
