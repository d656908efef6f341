package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /api/v1/prospects/{id}}: a person's corrections go through the import's
 * rules, are recorded with who made them, audited, and kept to the organisation.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectEditApiIntegrationTests {

	static final String FILE = """
			Raison sociale;SIRET;E-mail;Téléphone;Code postal;Ville
			Agence du Parc;;parc@agence.fr;04 91 00 00 01;13001;Marseille
			Cabinet Voisin;;voisin@cabinet.fr;04 91 00 00 02;13002;Marseille
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void setsValuesAsTheImportWouldAndRecordsWhoSetThem() {
		var tenant = this.api.newOrganisation("Corrections");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");

		ResponseEntity<Map> edited = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("name", "SARL Agence du Parc Borély", "siret", "732 829 320 00074", "emails",
						List.of("CONTACT@PARC.FR", "parc@agence.fr"), "phones", List.of("06.12.34.56.78"), "postcode",
						"69 002", "city", "LYON", "listingCount", 42, "tags", List.of("luxe", "centre"), "owner",
						tenant.userId().toString()));
		assertThat(edited.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> agency = (Map<String, Object>) edited.getBody().get("agency");
		assertThat(agency).containsEntry("name", "SARL Agence du Parc Borély")
			.containsEntry("siret", "73282932000074")
			.containsEntry("siren", "732829320")
			.containsEntry("postcode", "69002")
			.containsEntry("department", "69")
			.containsEntry("city", "LYON")
			.containsEntry("listingCount", 42)
			.containsEntry("owner", tenant.userId().toString())
			.containsEntry("version", 1);
		assertThat((List<String>) agency.get("emails")).containsExactly("contact@parc.fr", "parc@agence.fr");
		assertThat((List<Map<String, Object>>) agency.get("phones")).extracting((p) -> p.get("number"))
			.containsExactly("+33612345678");
		assertThat((List<String>) agency.get("tags")).containsExactly("luxe", "centre");
		List<Map<String, Object>> sources = (List<Map<String, Object>>) edited.getBody().get("sources");
		assertThat(sources).filteredOn((s) -> "USER".equals(s.get("kind")))
			.extracting((s) -> s.get("field"))
			.contains("name", "siret", "siren", "emails", "phones", "postcode", "city", "listing_count", "tags",
					"owner_id");

		// the list finds it by its new values, the old town no longer
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?city=lyon"))
			.containsExactly("SARL Agence du Parc Borély");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=borely"))
			.containsExactly("SARL Agence du Parc Borély");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?department=13"))
			.containsExactly("Cabinet Voisin");

		// a later import meets the corrected SIRET
		Map<String, Object> later = this.prospects.importAndWait(tenant.token(), "b.csv",
				"Raison sociale;SIRET\nParc Immobilier;73282932000074\n");
		assertThat(later).containsEntry("merged", 1).containsEntry("created", 0);

		List<String> actions = this.sql.strings(tenant,
				"select action from audit_entry where entity_type = 'prospect' and entity_id = :id order by seq",
				Map.of("id", id));
		assertThat(actions).containsExactly("prospect.edited");
	}

	@Test
	void queuesTheAgencyACorrectionMakesItResembleOnceAndNotAgainAfterADecision() {
		var tenant = this.api.newOrganisation("Corrections qui rapprochent");
		var other = this.api.newOrganisation("Corrections voisines");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		this.prospects.importAndWait(other.token(), "a.csv", "Raison sociale;SIRET\nAgence Lointaine;73282932000074\n");
		String parc = this.prospects.idOf(tenant.token(), "parc");
		String voisin = this.prospects.idOf(tenant.token(), "voisin");

		// the SIRET of another organisation's agency resembles nothing here
		ResponseEntity<Map> first = this.api.patch(tenant.token(), "/api/v1/prospects/" + parc,
				Map.of("siret", "73282932000074"));
		assertThat((List<Object>) first.getBody().get("duplicates")).isEmpty();
		// a tag cannot make an agency resemble another: no matching then
		this.api.patch(tenant.token(), "/api/v1/prospects/" + voisin, Map.of("tags", List.of("centre")));

		ResponseEntity<Map> same = this.api.patch(tenant.token(), "/api/v1/prospects/" + voisin,
				Map.of("siret", "732 829 320 00074"));
		assertThat(same.getStatusCode().value()).isEqualTo(200);
		List<Map<String, Object>> pairs = (List<Map<String, Object>>) same.getBody().get("duplicates");
		assertThat(pairs).singleElement().satisfies((pair) -> {
			assertThat(((Map<String, Object>) pair.get("other")).get("id")).isEqualTo(parc);
			assertThat((List<String>) pair.get("reasons")).contains("siret");
		});
		// corrected, not merged: both agencies stay
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(2);

		// dismissed, the pair stays dismissed through later corrections
		assertThat(this.api
			.post(tenant.token(), "/api/v1/prospects/duplicates/" + pairs.get(0).get("id") + "/dismiss", Map.of())
			.getStatusCode()
			.value()).isEqualTo(204);
		ResponseEntity<Map> again = this.api.patch(tenant.token(), "/api/v1/prospects/" + voisin,
				Map.of("name", "Cabinet Voisin Immobilier"));
		assertThat((List<Object>) again.getBody().get("duplicates")).isEmpty();
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects")).containsExactly("Agence Lointaine");
	}

	@Test
	void clearsAFieldWithNullOrBlank() {
		var tenant = this.api.newOrganisation("Effacements");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");
		Map<String, Object> changes = new HashMap<>();
		changes.put("phones", null);
		changes.put("city", "");
		Map<String, Object> agency = (Map<String, Object>) this.api
			.patch(tenant.token(), "/api/v1/prospects/" + id, changes)
			.getBody()
			.get("agency");
		assertThat((List<Object>) agency.get("phones")).isEmpty();
		assertThat(agency.get("city")).isNull();
		assertThat(agency).containsEntry("postcode", "13001");
	}

	@Test
	void takesNumbersAsFrenchFilesWriteThem() {
		var tenant = this.api.newOrganisation("Nombres");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");
		Map<String, Object> agency = (Map<String, Object>) this.api
			.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("revenue", "1,5 M€", "listingCount", "1 032"))
			.getBody()
			.get("agency");
		assertThat(agency).containsEntry("revenueCents", 150_000_000).containsEntry("listingCount", 1032);
		ResponseEntity<Map> refused = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("revenue", "beaucoup", "revenueCents", "12"));
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("revenue prospects.problem.revenue.invalid_number",
					"revenueCents prospects.problem.revenue.invalid_number");
		// read exactly: 1e400 was stored as the largest long, and 2^64 + 1 as 1
		for (Number past : List.of(new java.math.BigDecimal("1E+400"), new java.math.BigInteger("18446744073709551617"),
				12.5)) {
			ResponseEntity<Map> tooBig = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
					Map.of("revenueCents", past));
			assertThat(tooBig.getStatusCode().value()).as(past.toString()).isEqualTo(400);
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody().toString())
			.contains("revenueCents=150000000");
	}

	@Test
	void refusesBadValuesWithTheirReasonAndChangesNothing() {
		var tenant = this.api.newOrganisation("Refus");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");

		ResponseEntity<Map> refused = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("name", "Autre nom", "siret", "73282932000075", "emails", List.of("pas-un-email"),
						"listingCount", -3, "owner", "0190a1b2-0000-7000-8000-000000000000"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("siret prospects.problem.siret.invalid_checksum",
					"emails prospects.problem.email.invalid",
					"listingCount prospects.problem.listing_count.invalid_number",
					"owner prospects.edit.unknown-owner");
		assertThat(errors).extracting((e) -> e.get("message"))
			.contains("SIRET\u00A0: clé de contrôle fausse",
					"Le responsable doit être un membre actif de l’organisation.")
			// the edit is refused: nothing was left out of it
			.noneMatch((message) -> message.toString().contains("ignoré"));

		assertThat(
				this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("name", " ")).getBody().get("errors"))
			.asString()
			.contains("prospects.edit.name-required");
		// a page of text is no name, nor a town
		List<Map<String, Object>> tooLong = (List<Map<String, Object>>) this.api
			.patch(tenant.token(), "/api/v1/prospects/" + id,
					Map.of("name", "Agence ".repeat(40), "city", "x".repeat(101)))
			.getBody()
			.get("errors");
		assertThat(tooLong).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("name prospects.problem.name.too_long", "city prospects.problem.city.too_long");
		assertThat(tooLong).extracting((e) -> e.get("message"))
			.containsExactlyInAnyOrder("Nom de plus de 200 caractères", "Ville de plus de 100 caractères");
		assertThat(this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("pointure", 42))
			.getBody()
			.get("errors")).asString().contains("prospects.edit.unknown-field");

		Map<String, Object> unchanged = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		assertThat(unchanged).containsEntry("name", "Agence du Parc").containsEntry("version", 0);
	}

	@Test
	void keepsTheSirenOfTheStoredSiret() {
		var tenant = this.api.newOrganisation("SIREN");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");
		this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("siret", "73282932000074"));
		ResponseEntity<Map> other = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("siren", "542051180"));
		assertThat(other.getStatusCode().value()).isEqualTo(400);
		assertThat(other.getBody().get("errors")).asString().contains("prospects.problem.siren.mismatch");
		assertThat(this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("siren", "732 829 320"))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void anAgencyInMonacoHasNoDepartmentAndTakesMonacoNumbers() {
		var tenant = this.api.newOrganisation("Monaco");
		this.prospects.importAndWait(tenant.token(), "m.csv", """
				Raison sociale;E-mail;Téléphone;Code postal;Ville
				Monaco Properties;contact@monaco-properties.mc;93 15 20 00;98000;Monaco
				""");
		String id = this.prospects.idOf(tenant.token(), "properties");
		Map<String, Object> imported = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		assertThat(imported).containsEntry("postcode", "98000");
		assertThat(imported.get("department")).isNull();
		assertThat((List<Map<String, Object>>) imported.get("phones")).extracting((p) -> p.get("number"))
			.containsExactly("+37793152000");
		// a number typed on its page without the country code is Monaco's too
		ResponseEntity<Map> edited = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("phones", List.of("93 15 20 00", "97 97 00 00", "+377 6 12 34 56 78", "04 93 00 00 00")));
		assertThat(edited.getStatusCode().value()).isEqualTo(200);
		assertThat((List<Map<String, Object>>) ((Map<String, Object>) edited.getBody().get("agency")).get("phones"))
			.extracting((p) -> p.get("number"))
			.containsExactly("+37793152000", "+37797970000", "+377612345678", "+33493000000");
		// an agency elsewhere refuses eight digits, as before
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		ResponseEntity<Map> refused = this.api.patch(tenant.token(),
				"/api/v1/prospects/" + this.prospects.idOf(tenant.token(), "parc"),
				Map.of("phones", List.of("93 15 20 00")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void refusesAnEditBasedOnAStaleVersion() {
		var tenant = this.api.newOrganisation("Versions");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");
		assertThat(this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("naf", "6831Z", "version", 0))
			.getStatusCode()
			.value()).isEqualTo(200);
		ResponseEntity<Map> stale = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
				Map.of("naf", "6820A", "version", 0));
		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(stale.getBody()).containsEntry("code", "prospects.edit.stale").containsEntry("version", 1);
		// its digits as text are read as the number; anything else is the client's
		// mistake, a 400 that names it, not "the agency changed" (read it again, fail
		// again)
		assertThat(this.api.patch(tenant.token(), "/api/v1/prospects/" + id, Map.of("naf", "6820A", "version", "1"))
			.getStatusCode()
			.value()).isEqualTo(200);
		for (Object wrong : List.of("deux", true, 1.5, List.of(2))) {
			ResponseEntity<Map> refused = this.api.patch(tenant.token(), "/api/v1/prospects/" + id,
					Map.of("naf", "6831Z", "version", wrong));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(wrong)).isEqualTo(400);
			assertThat(refused.getBody().get("errors")).asString()
				.contains("version", "prospects.edit.version.invalid", "La version attend un nombre entier");
		}
	}

	@Test
	void listsTheAgenciesOfAnOwnerOrOfNobody() {
		var tenant = this.api.newOrganisation("Portefeuilles");
		var other = this.api.newOrganisation("Portefeuilles voisins");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		this.prospects.importAndWait(other.token(), "a.csv", FILE);
		String parc = this.prospects.idOf(tenant.token(), "parc");
		this.api.patch(tenant.token(), "/api/v1/prospects/" + parc, Map.of("owner", tenant.userId().toString()));

		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=me"))
			.containsExactly("Agence du Parc");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=" + tenant.userId()))
			.containsExactly("Agence du Parc");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=none"))
			.containsExactly("Cabinet Voisin");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?owner=" + tenant.userId())).isEmpty();
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?owner=me")).isEmpty();
		ResponseEntity<Map> bad = this.api.get(tenant.token(), "/api/v1/prospects?owner=quelqu-un");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().get("errors")).asString().contains("prospects.filter.owner");
		String export = this.api.getText(tenant.token(), "/api/v1/prospects/export?format=csv&owner=me").getBody();
		assertThat(export).contains("Agence du Parc").doesNotContain("Cabinet Voisin");
		// the owner by e-mail, and when the agency was created
		assertThat(export.lines().toList().get(0))
			.endsWith(";status;owner;created_at;specialties;headcount_min;headcount_max;headcount");
		assertThat(export.lines().toList().get(1)).contains(";ACTIVE;" + tenant.email() + ";20");
	}

	@Test
	void anotherOrganisationCanNeitherSeeNorEditIt() {
		var owner = this.api.newOrganisation("Agence A");
		var other = this.api.newOrganisation("Agence B");
		this.prospects.importAndWait(owner.token(), "a.csv", FILE);
		String id = this.prospects.idOf(owner.token(), "parc");
		assertThat(this.api.patch(other.token(), "/api/v1/prospects/" + id, Map.of("name", "Piratée"))
			.getStatusCode()
			.value()).isEqualTo(404);
		// nor hand it to one of its own members
		assertThat(this.api.patch(owner.token(), "/api/v1/prospects/" + id, Map.of("owner", other.userId().toString()))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(this.prospects.names(owner.token(), "/api/v1/prospects?q=parc")).containsExactly("Agence du Parc");
	}

}
