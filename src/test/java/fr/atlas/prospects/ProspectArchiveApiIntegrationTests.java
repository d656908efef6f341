package fr.atlas.prospects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/prospects/{id}/archive} and {@code …/restore}: an archived agency
 * leaves the list and refuses changes, later imports still attach their rows to it, and
 * it comes back as it was; only in its organisation, and not by a viewer.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectArchiveApiIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void anArchivedAgencyLeavesTheListRefusesChangesAndComesBackAsItWas() {
		var tenant = this.api.newOrganisation("Archives");
		String token = tenant.token();
		this.prospects.importAndWait(token, "a.csv", ProspectEditApiIntegrationTests.FILE);
		String parc = this.prospects.idOf(token, "parc");
		String voisin = this.prospects.idOf(token, "voisin");
		String path = "/api/v1/prospects/" + parc;

		ResponseEntity<Map> archived = this.api.post(token, path + "/archive",
				Map.of("reason", "  Agence   fermée  en 2026 "));
		assertThat(archived.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> agency = (Map<String, Object>) archived.getBody().get("agency");
		assertThat(agency).containsEntry("status", "ARCHIVED").containsEntry("version", 1);
		Map<String, Object> archive = (Map<String, Object>) archived.getBody().get("archive");
		assertThat(archive).containsEntry("reason", "Agence fermée en 2026")
			.containsEntry("archivedBy", tenant.userId().toString());
		assertThat(archive.get("archivedAt")).isNotNull();

		assertThat(this.prospects.names(token, "/api/v1/prospects")).containsExactly("Cabinet Voisin");
		assertThat(this.prospects.names(token, "/api/v1/prospects?status=ARCHIVED")).containsExactly("Agence du Parc");
		assertThat(this.prospects.names(token, "/api/v1/prospects?status=ALL")).hasSize(2);
		assertThat(this.api.getText(token, "/api/v1/prospects/export?format=csv").getBody()).doesNotContain("Parc");

		// nothing changes it until it is restored
		for (ResponseEntity<Map> refused : List.of(this.api.patch(token, path, Map.of("naf", "6831Z")),
				this.api.post(token, path + "/contacts", Map.of("lastName", "Morel")),
				this.api.post(token, path + "/merge", Map.of("otherId", voisin)),
				this.api.post(token, path + "/archive", Map.of()))) {
			assertThat(refused.getStatusCode().value()).isEqualTo(409);
			assertThat(refused.getBody()).containsEntry("code", "prospects.archived.read-only");
		}
		// merged into an active one, the archived agency is named as the other one
		ResponseEntity<Map> into = this.api.post(token, "/api/v1/prospects/" + voisin + "/merge",
				Map.of("otherId", parc));
		assertThat(into.getStatusCode().value()).isEqualTo(409);
		assertThat(into.getBody()).containsEntry("code", "prospects.merge.other-archived")
			.containsEntry("detail", "L’autre agence est archivée\u00A0: restaurez-la avant de la fusionner.");
		assertThat(this.api.post(token, "/api/v1/prospects/" + voisin + "/restore", Map.of()).getBody())
			.containsEntry("code", "prospects.restore.not-archived");

		// a later file naming it attaches its row to it: no new agency, still archived
		Map<String, Object> again = this.prospects.importAndWait(token, "b.csv", """
				Raison sociale;E-mail;Téléphone;Code postal;Ville;Nb annonces
				AGENCE DU PARC;parc@agence.fr;04.91.00.00.01;13001;Marseille;12
				""");
		assertThat(again).containsEntry("created", 0).containsEntry("merged", 1);
		String rows = this.api.getText(token, "/api/v1/imports/" + again.get("id") + "/rows").getBody();
		assertThat(rows).contains("1,MERGED," + parc + ",");
		Map<String, Object> after = (Map<String, Object>) this.api.get(token, path).getBody().get("agency");
		assertThat(after).containsEntry("status", "ARCHIVED").containsEntry("listingCount", 12);

		ResponseEntity<Map> restored = this.api.post(token, path + "/restore", Map.of());
		assertThat(restored.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) restored.getBody().get("agency")).containsEntry("status", "ACTIVE")
			.containsEntry("name", "Agence du Parc");
		assertThat(restored.getBody()).containsEntry("archive", null);
		assertThat(this.prospects.names(token, "/api/v1/prospects?sort=name")).containsExactly("Agence du Parc",
				"Cabinet Voisin");
		assertThat(this.api.patch(token, path, Map.of("naf", "6831Z")).getStatusCode().value()).isEqualTo(200);

		// each change of status is a source of the agency, by the member, and audited
		List<Map<String, Object>> sources = (List<Map<String, Object>>) this.api.get(token, path)
			.getBody()
			.get("sources");
		assertThat(sources).filteredOn((s) -> "status".equals(s.get("field")))
			.extracting((s) -> s.get("value") + " " + s.get("kind"))
			.containsExactly("ARCHIVED USER", "ACTIVE USER");
		List<String> actions = this.sql.strings(tenant,
				"select action || ' ' || summary from audit_entry where entity_id = :id and action like 'prospect.%' order by seq",
				Map.of("id", parc));
		assertThat(actions).containsExactly(
				"prospect.archived Agence archivée\u00A0: Agence du Parc (motif\u00A0: Agence fermée en 2026)",
				"prospect.restored Agence restaurée\u00A0: Agence du Parc",
				"prospect.edited Agence modifiée\u00A0: Code NAF");
	}

	@Test
	void refusesAReasonTooLongAndAMergedAgency() {
		var tenant = this.api.newOrganisation("Archives refusées");
		String token = tenant.token();
		this.prospects.importAndWait(token, "a.csv", ProspectEditApiIntegrationTests.FILE);
		String parc = this.prospects.idOf(token, "parc");
		String voisin = this.prospects.idOf(token, "voisin");

		ResponseEntity<Map> tooLong = this.api.post(token, "/api/v1/prospects/" + parc + "/archive",
				Map.of("reason", "x".repeat(501)));
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLong.getBody().get("errors")).asString().contains("reason", "prospects.archive.reason-too-long");

		this.api.post(token, "/api/v1/prospects/" + parc + "/merge", Map.of("otherId", voisin));
		ResponseEntity<Map> merged = this.api.post(token, "/api/v1/prospects/" + voisin + "/archive", Map.of());
		assertThat(merged.getStatusCode().value()).isEqualTo(409);
		assertThat(merged.getBody()).containsEntry("code", "prospects.archive.merged");
		assertThat(this.api.post(token, "/api/v1/prospects/" + UUID.randomUUID() + "/archive", Map.of())
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void anotherOrganisationCanNeitherArchiveNorRestoreNorSeeAndAViewerCannotArchive() {
		var owner = this.api.newOrganisation("Archives A");
		var other = this.api.newOrganisation("Archives B");
		this.prospects.importAndWait(owner.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String parc = this.prospects.idOf(owner.token(), "parc");
		String path = "/api/v1/prospects/" + parc;

		assertThat(this.api.post(other.token(), path + "/archive", Map.of()).getStatusCode().value()).isEqualTo(404);
		this.api.post(owner.token(), path + "/archive", Map.of("reason", "secret"));
		assertThat(this.api.post(other.token(), path + "/restore", Map.of()).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.get(other.token(), path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?status=ARCHIVED")).isEmpty();
		assertThat(this.sql.count(OrgId.of(other.orgId()), "select count(*) from agency_archive")).isZero();

		String viewerToken = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER").token();
		assertThat(this.api.post(viewerToken, path + "/restore", Map.of()).getStatusCode().value()).isEqualTo(403);
		assertThat(this.api.get(viewerToken, path).getBody()).extractingByKey("archive").asString().contains("secret");
		assertThat((Map<String, Object>) this.api.get(owner.token(), path).getBody().get("agency"))
			.containsEntry("status", "ARCHIVED");
	}

}
