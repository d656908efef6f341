package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One imported row taken out of the agency an import merged it into (ADR 0092): "Orpi
 * Lyon 3" came with the network's head-office SIRET and a postcode of the head office's
 * arrondissement, and was merged into "Orpi Lyon 7" (in two postcodes the pair would be
 * put to review, ADR 0094).
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class ProspectDetachApiIntegrationTests {

	/** One SIRET (the head office's) for two agencies of one town: merged at 1.0. */
	static final String NETWORK = """
			Raison sociale;Enseigne;SIRET;E-mail;Téléphone;Code postal;Ville;Nb annonces
			Orpi Lyon 7;Orpi;54205118000066;lyon7@orpi.fr;04 78 00 00 07;69007;Lyon;40
			Orpi Lyon 3;Orpi;54205118000066;lyon3@orpi.fr;04 78 00 00 03;69007;Lyon;12
			Agence du Parc;;;parc@agence.fr;;69006;Lyon;
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TenantSql sql;

	@Autowired
	TestMembers members;

	@Test
	void aRowMergedByMistakeBecomesAnAgencyOfItsOwnAndTheAgencyIsWorkedOutAgain() {
		var tenant = this.api.newOrganisation("Détacher une ligne");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "reseau.csv", NETWORK);
		assertThat(done).containsEntry("created", 2).containsEntry("merged", 1);
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon 7");
		String job = (String) done.get("id");
		Map<String, Object> merged = agency(tenant.token(), lyon7);
		assertThat((List<String>) merged.get("emails")).containsExactly("lyon7@orpi.fr", "lyon3@orpi.fr");
		// a value a person set since stays
		this.api.patch(tenant.token(), "/api/v1/prospects/" + lyon7, Map.of("tags", List.of("salon")));
		Map<String, Object> before = agency(tenant.token(), lyon7);

		ResponseEntity<Map> detached = this.api.post(tenant.token(),
				"/api/v1/prospects/" + lyon7 + "/sources/" + job + "/rows/2/detach", Map.of());
		assertThat(detached.getStatusCode().value()).isEqualTo(201);
		String lyon3 = (String) detached.getBody().get("detachedId");
		assertThat(detached.getBody()).containsEntry("id", lyon7);
		assertThat(detached.getHeaders().getLocation()).hasToString("/api/v1/prospects/" + lyon3);

		// the agency left, from its own row and the tag set on it
		Map<String, Object> left = agency(tenant.token(), lyon7);
		assertThat(left).containsEntry("name", "Orpi Lyon 7")
			.containsEntry("postcode", "69007")
			.containsEntry("listingCount", 40)
			.containsEntry("siret", "54205118000066")
			.containsEntry("tags", List.of("salon"));
		assertThat((List<String>) left.get("emails")).containsExactly("lyon7@orpi.fr");
		assertThat((List<Map<String, Object>>) left.get("phones")).extracting((p) -> p.get("number"))
			.containsExactly("+33478000007");
		Map<String, Object> leftDetail = this.api.get(tenant.token(), "/api/v1/prospects/" + lyon7).getBody();
		assertThat((List<Map<String, Object>>) leftDetail.get("sources"))
			.noneMatch((s) -> Integer.valueOf(2).equals(s.get("row")));
		assertThat((List<?>) leftDetail.get("matchReasons")).isEmpty();

		// the new agency, with the row as its provenance
		Map<String, Object> rowDetail = this.api.get(tenant.token(), "/api/v1/prospects/" + lyon3).getBody();
		Map<String, Object> made = (Map<String, Object>) rowDetail.get("agency");
		assertThat(made).containsEntry("name", "Orpi Lyon 3")
			.containsEntry("postcode", "69007")
			.containsEntry("department", "69")
			.containsEntry("listingCount", 12)
			.containsEntry("status", "ACTIVE");
		assertThat((List<String>) made.get("emails")).containsExactly("lyon3@orpi.fr");
		assertThat((List<Map<String, Object>>) rowDetail.get("sources")).isNotEmpty()
			.allSatisfy((s) -> assertThat(s).containsEntry("kind", "IMPORT")
				.containsEntry("row", 2)
				.containsEntry("importId", job)
				.containsEntry("fileName", "reseau.csv"));
		// the list finds both, and the report says where the row is now
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=orpi&sort=name"))
			.containsExactly("Orpi Lyon 3", "Orpi Lyon 7");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?importId=" + job + "&sort=name"))
			.containsExactly("Agence du Parc", "Orpi Lyon 3", "Orpi Lyon 7");
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody())
			.contains("\n2,MERGED," + lyon3 + ",");
		// both agencies' histories say it
		assertThat(this.sql.strings(tenant,
				"select entity_id from audit_entry where action = 'prospect.row-detached' order by seq", Map.of()))
			.containsExactly(lyon7, lyon3);
		String french = this.api.getText(tenant.token(), "/api/v1/audit?action=prospect.row-detached").getBody();
		assertThat(french).contains("Ligne 2 de «\u00A0reseau.csv\u00A0» détachée de l’agence «\u00A0Orpi Lyon 7\u00A0»"
				+ "\u00A0: nouvelle agence «\u00A0Orpi Lyon 3\u00A0»");

		// undone: the agency exactly as before, the new one merged back into it
		String detachment = (String) detached.getBody().get("detachmentId");
		Map<String, Object> undone = this.api
			.post(tenant.token(), "/api/v1/prospects/detachments/" + detachment + "/undo", Map.of())
			.getBody();
		assertThat(undone).containsEntry("id", lyon7).containsEntry("removedId", lyon3);
		Map<String, Object> restored = new HashMap<>(agency(tenant.token(), lyon7));
		assertThat((Integer) restored.remove("version")).isGreaterThan((Integer) left.get("version"));
		Map<String, Object> expected = new HashMap<>(before);
		expected.remove("version");
		assertThat(restored).isEqualTo(expected);
		assertThat(agency(tenant.token(), lyon3)).containsEntry("status", "MERGED").containsEntry("mergedInto", lyon7);
		assertThat(this.api.getText(tenant.token(), "/api/v1/imports/" + job + "/rows").getBody())
			.contains("\n2,MERGED," + lyon7 + ",");
		assertThat(this.sql.strings(tenant,
				"select action from audit_entry where entity_id = :id and action in ('prospect.row-detached', 'prospect.row-reattached') order by seq",
				Map.of("id", lyon7)))
			.containsExactly("prospect.row-detached", "prospect.row-reattached");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/detachments/" + detachment + "/undo", Map.of())
			.getBody()).containsEntry("code", "prospects.detach.undo-done");
	}

	@Test
	void anotherOrganisationCanNeitherDetachNorUndo() throws Exception {
		var tenant = this.api.newOrganisation("Détacher chez soi");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "reseau.csv", NETWORK);
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon 7");
		String path = "/api/v1/prospects/" + lyon7 + "/sources/" + done.get("id") + "/rows/2/detach";
		// a member who only reads cannot either, nor see the button
		var viewer = this.members.addSignedIn(this.api, tenant, "Lecteur", "VIEWER");
		assertThat(this.api.post(viewer.token(), path, Map.of()).getStatusCode().value()).isEqualTo(403);
		String page = new PageSession(this.port).login(viewer.email()).get("/prospects/" + lyon7).body();
		assertThat(page).contains("reseau.csv · ligne 2").doesNotContain("/detach\"");
		var other = this.api.newOrganisation("Détacher chez l'autre");
		assertThat(this.api.post(other.token(), path, Map.of()).getStatusCode().value()).isEqualTo(404);
		assertThat(agency(tenant.token(), lyon7).get("emails")).asList().hasSize(2);

		String detachment = (String) this.api.post(tenant.token(), path, Map.of()).getBody().get("detachmentId");
		assertThat(this.api.post(other.token(), "/api/v1/prospects/detachments/" + detachment + "/undo", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.sql.strings(tenant, "select count(*)::text from agency_row_detach where undone_at is null",
				Map.of()))
			.containsExactly("1");
	}

	@Test
	void saysWhyARowCannotBeDetachedOrADetachmentUndone() {
		var tenant = this.api.newOrganisation("Détacher : refus");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "reseau.csv", NETWORK);
		String job = (String) done.get("id");
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon 7");
		String parc = this.prospects.idOf(tenant.token(), "parc");
		// the agency's only source
		ResponseEntity<Map> only = this.api.post(tenant.token(),
				"/api/v1/prospects/" + parc + "/sources/" + job + "/rows/3/detach", Map.of());
		assertThat(only.getStatusCode().value()).isEqualTo(409);
		assertThat(only.getBody()).containsEntry("code", "prospects.detach.only-source");
		// a row of another agency
		assertThat(this.api
			.post(tenant.token(), "/api/v1/prospects/" + parc + "/sources/" + job + "/rows/2/detach", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);

		// a merge before the detachment: undone only once the detachment is
		this.api.post(tenant.token(), "/api/v1/prospects/" + lyon7 + "/merge", Map.of("otherId", parc));
		Map<String, Object> detached = this.api
			.post(tenant.token(), "/api/v1/prospects/" + lyon7 + "/sources/" + job + "/rows/2/detach", Map.of())
			.getBody();
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + lyon7 + "/unmerge", Map.of()).getBody())
			.containsEntry("code", "prospects.unmerge.later-detach");
		// a change since: undoing would lose it
		this.api.patch(tenant.token(), "/api/v1/prospects/" + detached.get("detachedId"), Map.of("naf", "6831Z"));
		ResponseEntity<Map> changed = this.api.post(tenant.token(),
				"/api/v1/prospects/detachments/" + detached.get("detachmentId") + "/undo", Map.of());
		assertThat(changed.getStatusCode().value()).isEqualTo(409);
		assertThat(changed.getBody()).containsEntry("code", "prospects.detach.undo-changed");
		// the agency kept what the merge brought
		assertThat((List<String>) agency(tenant.token(), lyon7).get("emails")).containsExactly("lyon7@orpi.fr",
				"parc@agence.fr");
	}

	@Test
	void theAgencyPageDetachesARowWithAConfirmationAndOffersTheWayBack() throws Exception {
		var tenant = this.api.newOrganisation("Détacher depuis la page");
		Map<String, Object> done = this.prospects.importAndWait(tenant.token(), "reseau.csv", NETWORK);
		String lyon7 = this.prospects.idOf(tenant.token(), "lyon 7");
		PageSession session = new PageSession(this.port).login(tenant.email());
		String action = "/prospects/" + lyon7 + "/sources/" + done.get("id") + "/rows/2/detach";
		String page = session.get("/prospects/" + lyon7 + "?lang=fr").body();
		assertThat(page).contains("action=\"" + action + "\"", "Détacher cette ligne",
				"data-confirm=\"Détacher cette ligne (reseau.csv · ligne 2) de «\u00A0Orpi Lyon 7\u00A0»\u202F?");
		var posted = session.post(action, Map.of("_csrf", PageSession.csrf(page)), false);
		assertThat(posted.statusCode()).isEqualTo(302);
		String created = PageSession.location(posted);
		assertThat(created).matches("/prospects/[0-9a-f-]{36}").isNotEqualTo("/prospects/" + lyon7);
		String made = session.get(created).body();
		assertThat(made).contains("Ligne détachée", "Orpi Lyon 3", "Lignes détachées", "Annuler le détachement")
			.doesNotContain("Détacher cette ligne");
		assertThat(session.get("/prospects/" + lyon7 + "?lang=en").body()).contains("Detached rows",
				"Undo the detachment");
	}

	private Map<String, Object> agency(String token, String id) {
		return (Map<String, Object>) this.api.get(token, "/api/v1/prospects/" + id).getBody().get("agency");
	}

}
