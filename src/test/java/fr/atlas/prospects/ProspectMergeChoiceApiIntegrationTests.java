package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/prospects/{id}/merge} with {@code keep} (ADR 0063): the person
 * chooses, field by field, which agency's value survives; without it the survivor keeps
 * its values as before; a bad choice merges nothing; an unmerge gives both agencies back
 * as they were.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectMergeChoiceApiIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void takesTheChosenValuesFromTheOtherAgencyAndAnUnmergeGivesBothBack() {
		Tenant tenant = this.api.newOrganisation("Fusion choisie");
		String kept = create(tenant, bordelaise());
		String absorbed = create(tenant, sas(tenant));
		Map<String, Object> keptBefore = agency(tenant, kept);
		Map<String, Object> absorbedBefore = agency(tenant, absorbed);

		ResponseEntity<Map> merged = this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge",
				Map.of("otherId", absorbed, "keep",
						Map.of("name", "other", "address", "Other", "owner", "other", "listingCount", "survivor")));

		assertThat(merged.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> after = (Map<String, Object>) merged.getBody().get("agency");
		// chosen: the other's name, its address with its postcode and town, its owner
		assertThat(after).containsEntry("id", kept)
			.containsEntry("name", "L'Agence Bordelaise SAS")
			.containsEntry("address", "18 cours de l'Intendance")
			.containsEntry("postcode", "33300")
			.containsEntry("owner", tenant.userId().toString())
			// not chosen, or the survivor's: the rule as before
			.containsEntry("listingCount", 12)
			.containsEntry("tradeName", "Bordelaise Transactions")
			.containsEntry("website", "agencebordelaise.fr");
		assertThat((List<String>) after.get("phones")).hasSize(2);
		// each value taken from the other agency is said to come from the merge
		List<Map<String, Object>> sources = (List<Map<String, Object>>) merged.getBody().get("sources");
		assertThat(sources).filteredOn((s) -> "MERGE".equals(s.get("kind")))
			.extracting((s) -> s.get("field") + "=" + s.get("value"))
			.contains("name=L'Agence Bordelaise SAS", "address=18 cours de l'Intendance", "postcode=33300",
					"owner_id=" + tenant.userId(), "website_domain=agencebordelaise.fr")
			.noneMatch((s) -> s.startsWith("listing_count") || s.startsWith("trade_name"));
		// the audit entry says which values came from the other agency
		String audit = this.api.getText(tenant.token(), "/api/v1/audit?action=prospect.merged").getBody();
		assertThat(audit).contains("valeurs reprises de «\u00A0L'Agence Bordelaise SAS\u00A0»\u00A0: "
				+ "Raison sociale, Adresse, code postal et ville, Responsable");

		ResponseEntity<Map> unmerged = this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/unmerge",
				Map.of());
		assertThat(unmerged.getStatusCode().value()).isEqualTo(200);
		assertThat(withoutVersion(agency(tenant, kept))).isEqualTo(withoutVersion(keptBefore));
		assertThat(withoutVersion(agency(tenant, absorbed))).isEqualTo(withoutVersion(absorbedBefore));
		assertThat((List<Map<String, Object>>) this.api.get(tenant.token(), "/api/v1/prospects/" + kept)
			.getBody()
			.get("sources")).noneMatch((s) -> "MERGE".equals(s.get("kind")));
	}

	@Test
	void withoutKeepTheSurvivorKeepsItsValuesAndFillsItsEmptyOnes() {
		Tenant tenant = this.api.newOrganisation("Fusion sans choix");
		String kept = create(tenant, bordelaise());
		String absorbed = create(tenant, sas(tenant));

		ResponseEntity<Map> merged = this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge",
				Map.of("otherId", absorbed));

		assertThat(merged.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) merged.getBody().get("agency")).containsEntry("name", "Agence Bordelaise")
			.containsEntry("address", "3 rue Sainte-Catherine")
			.containsEntry("postcode", "33000")
			.containsEntry("listingCount", 12)
			.containsEntry("website", "agencebordelaise.fr")
			.containsEntry("owner", null);
		assertThat(this.api.getText(tenant.token(), "/api/v1/audit?action=prospect.merged").getBody())
			.contains("fusionnée dans l’agence «\u00A0Bordelaise Transactions\u00A0»")
			.doesNotContain("valeurs reprises");
	}

	@Test
	void refusesEveryBadChoiceAtOnceInTheReadersLanguageAndMergesNothing() {
		Tenant tenant = this.api.newOrganisation("Fusion refusée");
		String kept = create(tenant, bordelaise());
		String absorbed = create(tenant, sas(tenant));
		Map<String, Object> keep = new HashMap<>();
		keep.put("nom", "other");
		keep.put("emails", "other");
		keep.put("name", "both");
		keep.put("address", "other");

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge",
				Map.of("otherId", absorbed, "keep", keep));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("keep.nom prospects.merge.keep.unknown",
					"keep.emails prospects.merge.keep.union", "keep.name prospects.merge.keep.value");
		assertThat(errors).extracting((e) -> (String) e.get("message"))
			.anySatisfy((m) -> assertThat(m).contains("«\u00A0nom\u00A0» n’est pas un champ", "name, tradeName, siret"))
			.anySatisfy((m) -> assertThat(m).contains("la fusion réunit"))
			.anySatisfy((m) -> assertThat(m).contains("\"survivor\"", "pas «\u00A0both\u00A0»"));
		ResponseEntity<Map> english = this.api.raw().post().uri("/api/v1/prospects/" + kept + "/merge").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("otherId", absorbed, "keep", Map.of("phones", "other", "website", 1)))
			.retrieve()
			.toEntity(Map.class);
		assertThat(english.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) english.getBody().get("errors")).extracting((e) -> e.get("message"))
			.containsExactlyInAnyOrder("“phones” is not chosen: a merge joins both agencies' values.",
					"For “website”, give \"survivor\" (the kept agency's value) or \"other\" (the other agency's), not “1”.");
		// nothing merged
		assertThat(agency(tenant, absorbed)).containsEntry("status", "ACTIVE");
		assertThat(agency(tenant, kept)).containsEntry("name", "Agence Bordelaise");
	}

	/**
	 * A choice under a misspelt key ("kep") was left out without a word, and the merge
	 * done by the default rule: the name the person chose to keep was lost.
	 */
	@Test
	void refusesAPropertyAMergeDoesNotHaveAndMergesNothing() {
		Tenant tenant = this.api.newOrganisation("Fusion mal écrite");
		String kept = create(tenant, bordelaise());
		String absorbed = create(tenant, sas(tenant));

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge",
				Map.of("otherId", absorbed, "kep", Map.of("name", "other")));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("field", "kep")
				.containsEntry("code", "json.unknown-property"));
		assertThat((String) refused.getBody().get("detail")).contains("otherId", "keep");
		assertThat(agency(tenant, absorbed)).containsEntry("status", "ACTIVE");
		assertThat(agency(tenant, kept)).containsEntry("name", "Agence Bordelaise");
	}

	@Test
	void anotherOrganisationCanNeitherMergeNorSeeWhatWasChosen() {
		Tenant owner = this.api.newOrganisation("Fusion gardée");
		Tenant other = this.api.newOrganisation("Fusion voisine");
		String kept = create(owner, bordelaise());
		String absorbed = create(owner, sas(owner));
		String theirs = create(other, Map.of("name", "Agence Voisine", "city", "Bordeaux"));
		Map<String, Object> keepName = Map.of("name", "other");

		assertThat(this.api
			.post(other.token(), "/api/v1/prospects/" + kept + "/merge", Map.of("otherId", absorbed, "keep", keepName))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api
			.post(other.token(), "/api/v1/prospects/" + theirs + "/merge", Map.of("otherId", kept, "keep", keepName))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api
			.post(owner.token(), "/api/v1/prospects/" + kept + "/merge", Map.of("otherId", theirs, "keep", keepName))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(agency(owner, kept)).containsEntry("name", "Agence Bordelaise");
		assertThat(agency(other, theirs)).containsEntry("name", "Agence Voisine").containsEntry("status", "ACTIVE");

		assertThat(this.api
			.post(owner.token(), "/api/v1/prospects/" + kept + "/merge", Map.of("otherId", absorbed, "keep", keepName))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(agency(owner, kept)).containsEntry("name", "L'Agence Bordelaise SAS");
		assertThat(this.api.get(other.token(), "/api/v1/prospects/" + kept).getStatusCode().value()).isEqualTo(404);
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects")).containsExactly("Agence Voisine");
		assertThat(this.api.getText(other.token(), "/api/v1/audit?action=prospect.merged").getBody())
			.doesNotContain("Bordelaise");
		assertThat(this.api.post(other.token(), "/api/v1/prospects/" + kept + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	/**
	 * A company's registered name merged with a sign: the sign is the trade name, found
	 * by the list's search, and an unmerge takes it back (ADR 0103).
	 */
	@Test
	void aCompanyMergedWithASignKeepsTheSignAsItsTradeName() {
		Tenant tenant = this.api.newOrganisation("Fusion enseigne");
		Map<String, Object> company = new HashMap<>();
		company.put("name", "SA MOREAU DURAND TRANSACTIONS");
		company.put("address", "48 ALL GAMBETTA");
		company.put("postcode", "37000");
		company.put("city", "TOURS");
		String kept = create(tenant, company);
		Map<String, Object> sign = new HashMap<>();
		sign.put("name", "Orpi Moreau Immobilier");
		sign.put("address", "48 allée Gambetta");
		sign.put("postcode", "37000");
		sign.put("city", "Tours");
		sign.put("phones", List.of("02 77 59 58 84"));
		sign.put("allowDuplicate", true);
		String absorbed = create(tenant, sign);
		Map<String, Object> keptBefore = agency(tenant, kept);

		Map<String, Object> after = (Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects/" + kept + "/merge", Map.of("otherId", absorbed))
			.getBody()
			.get("agency");
		assertThat(after).containsEntry("name", "SA MOREAU DURAND TRANSACTIONS")
			.containsEntry("tradeName", "Orpi Moreau Immobilier");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=orpi moreau"))
			.containsExactly("SA MOREAU DURAND TRANSACTIONS");

		this.api.post(tenant.token(), "/api/v1/prospects/" + kept + "/unmerge", Map.of());
		assertThat(withoutVersion(agency(tenant, kept))).isEqualTo(withoutVersion(keptBefore));

		// the other way round, and between two signs, the names stay as they were
		String second = create(tenant, new HashMap<>(
				Map.of("name", "Agence Moreau", "postcode", "37000", "city", "Tours", "allowDuplicate", true)));
		Map<String, Object> signs = (Map<String, Object>) this.api
			.post(tenant.token(), "/api/v1/prospects/" + absorbed + "/merge", Map.of("otherId", second))
			.getBody()
			.get("agency");
		assertThat(signs).containsEntry("name", "Orpi Moreau Immobilier").containsEntry("tradeName", null);
	}

	private static Map<String, Object> bordelaise() {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", "Agence Bordelaise");
		fields.put("tradeName", "Bordelaise Transactions");
		fields.put("address", "3 rue Sainte-Catherine");
		fields.put("postcode", "33000");
		fields.put("city", "Bordeaux");
		fields.put("phones", List.of("05 56 00 00 01"));
		fields.put("listingCount", 12);
		return fields;
	}

	private static Map<String, Object> sas(Tenant tenant) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", "L'Agence Bordelaise SAS");
		fields.put("address", "18 cours de l'Intendance");
		fields.put("postcode", "33300");
		fields.put("city", "Bordeaux");
		fields.put("phones", List.of("05 56 00 00 02"));
		fields.put("listingCount", 30);
		fields.put("website", "https://www.agencebordelaise.fr");
		fields.put("owner", tenant.userId().toString());
		fields.put("allowDuplicate", true);
		return fields;
	}

	private String create(Tenant tenant, Map<String, Object> fields) {
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/prospects", fields);
		assertThat(created.getStatusCode().value()).as(created.getBody().toString()).isEqualTo(201);
		return (String) ((Map<String, Object>) created.getBody().get("agency")).get("id");
	}

	private Map<String, Object> agency(Tenant tenant, String id) {
		return (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody().get("agency");
	}

	private static Map<String, Object> withoutVersion(Map<String, Object> agency) {
		Map<String, Object> copy = new HashMap<>(agency);
		copy.remove("version");
		return copy;
	}

}
