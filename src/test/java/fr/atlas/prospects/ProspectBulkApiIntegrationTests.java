package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/prospects/bulk}: many agencies handed to a member or tagged at
 * once, chosen by id or by the list's search, each change recorded, the operation
 * audited, and nothing of another organisation touched.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectBulkApiIntegrationTests {

	static final String FILE = """
			Raison sociale;Téléphone;Code postal;Ville;Étiquettes
			Agence du Parc;04 91 00 00 01;13001;Marseille;centre
			Cabinet Voisin;04 91 00 00 02;13002;Marseille;
			Immobilière du Rhône;04 78 00 00 03;69002;Lyon;Luxe
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void handsTheAgenciesOfASearchToAMemberAndTagsThem() {
		var tenant = this.api.newOrganisation("Répartition");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		UUID agent = UUID.randomUUID();
		this.members.add(tenant, agent, "agent-" + agent + "@example.test", "Alice Agent", "AGENT");

		ResponseEntity<Map> assigned = this.api.post(tenant.token(), "/api/v1/prospects/bulk", Map.of("filter",
				Map.of("department", "13"), "owner", agent.toString(), "addTags", List.of("Marseille", "CENTRE")));
		assertThat(assigned.getStatusCode().value()).isEqualTo(200);
		assertThat(assigned.getBody()).containsEntry("matched", 2).containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=" + agent))
			.containsExactlyInAnyOrder("Agence du Parc", "Cabinet Voisin");
		Map<String, Object> parc = agency(tenant.token(), "parc");
		// a tag it had in another case is not added twice
		assertThat((List<String>) parc.get("tags")).containsExactly("centre", "Marseille");
		assertThat(parc).containsEntry("version", 2);
		assertThat((List<String>) agency(tenant.token(), "voisin").get("tags")).containsExactly("Marseille", "CENTRE");
		assertThat((List<String>) agency(tenant.token(), "rhone").get("tags")).containsExactly("Luxe");

		// the same again changes nothing
		ResponseEntity<Map> again = this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of("department", "13"), "owner", agent.toString(), "addTags", "marseille"));
		assertThat(again.getBody()).containsEntry("matched", 2).containsEntry("updated", 0);

		// by id: removing a tag whatever its case, and handing back to nobody
		Map<String, Object> changes = new HashMap<>();
		changes.put("ids", List.of(parc.get("id")));
		changes.put("removeTags", List.of("MARSEILLE"));
		changes.put("owner", null);
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/bulk", changes).getBody()).containsEntry("updated",
				1);
		parc = agency(tenant.token(), "parc");
		assertThat((List<String>) parc.get("tags")).containsExactly("centre");
		assertThat(parc.get("owner")).isNull();
		// "me" as in the list's owner filter
		assertThat(this.api
			.post(tenant.token(), "/api/v1/prospects/bulk", Map.of("filter", Map.of("owner", "none"), "owner", "me"))
			.getBody()).containsEntry("matched", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=me"))
			.containsExactlyInAnyOrder("Agence du Parc", "Immobilière du Rhône");

		// each agency keeps who changed what, the operation is one audit entry per call
		// that changed something
		List<Map<String, Object>> sources = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + parc.get("id"))
			.getBody()
			.get("sources");
		assertThat(sources).filteredOn((s) -> "USER".equals(s.get("kind")))
			.extracting((s) -> s.get("field") + " " + s.get("value"))
			.containsExactlyInAnyOrder("owner_id " + agent, "tags centre,Marseille", "owner_id ", "tags centre",
					"owner_id " + tenant.userId());
		List<String> actions = this.sql.strings(tenant,
				"select action from audit_entry where action = 'prospect.bulk-edited' order by seq", Map.of());
		assertThat(actions).hasSize(3);
	}

	@Test
	void archivesTheAgenciesOfASearchAfterTaggingThemAndRestoresThem() {
		var tenant = this.api.newOrganisation("Archivage groupé");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String bulk = "/api/v1/prospects/bulk";

		ResponseEntity<Map> archived = this.api.post(tenant.token(), bulk, Map.of("filter", Map.of("department", "13"),
				"addTags", "fermée", "archive", true, "reason", "Réseau fermé"));
		assertThat(archived.getStatusCode().value()).isEqualTo(200);
		assertThat(archived.getBody()).containsEntry("matched", 2).containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Immobilière du Rhône");
		Map<String, Object> parc = this.api.get(tenant.token(), "/api/v1/prospects?status=ARCHIVED&q=parc").getBody();
		String parcId = (String) ((List<Map<String, Object>>) parc.get("items")).get(0).get("id");
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + parcId).getBody();
		assertThat((Map<String, Object>) detail.get("agency")).containsEntry("status", "ARCHIVED")
			.containsEntry("tags", List.of("centre", "fermée"));
		assertThat((Map<String, Object>) detail.get("archive")).containsEntry("reason", "Réseau fermé");

		// archived agencies take no other change; a restore chooses among them
		assertThat(this.api.post(tenant.token(), bulk, Map.of("ids", List.of(parcId), "addTags", "x")).getBody())
			.containsEntry("updated", 0);
		ResponseEntity<Map> restored = this.api.post(tenant.token(), bulk,
				Map.of("filter", Map.of("tag", "Fermée"), "restore", true, "removeTags", "fermée"));
		assertThat(restored.getBody()).containsEntry("matched", 2).containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?status=ARCHIVED")).isEmpty();
		assertThat((List<String>) agency(tenant.token(), "parc").get("tags")).containsExactly("centre");

		for (Map<String, Object> refused : List.<Map<String, Object>>of(
				Map.of("ids", List.of(parcId), "archive", true, "restore", true),
				Map.of("ids", List.of(parcId), "archive", "oui"),
				Map.of("ids", List.of(parcId), "reason", "sans archive"),
				Map.of("ids", List.of(parcId), "archive", true, "reason", "x".repeat(501)))) {
			ResponseEntity<Map> response = this.api.post(tenant.token(), bulk, refused);
			assertThat(response.getStatusCode().value()).isEqualTo(400);
		}
		assertThat(this.api.post(tenant.token(), bulk, Map.of("ids", List.of(parcId), "archive", "oui"))
			.getBody()
			.get("errors")).asString().contains("prospects.bulk.not-a-flag");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(3);

		List<String> summaries = this.sql.strings(tenant,
				"select summary from audit_entry where action = 'prospect.bulk-edited' order by seq", Map.of());
		assertThat(summaries).containsExactly("Modification groupée de 2 agences\u00A0: Étiquettes, Archivage",
				"Modification groupée de 2 agences\u00A0: Restauration, Étiquettes");
	}

	@Test
	void dealsAgenciesOutInTurnAmongMembers() {
		var tenant = this.api.newOrganisation("Distribution");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		UUID alice = UUID.randomUUID();
		this.members.add(tenant, alice, "alice-" + alice + "@example.test", "Alice", "AGENT");
		ResponseEntity<Map> dealt = this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of(), "owners", List.of(alice.toString(), "me", alice.toString())));
		assertThat(dealt.getBody()).containsEntry("matched", 3).containsEntry("updated", 3);
		// in name order: Agence du Parc, Cabinet Voisin, Immobilière du Rhône
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=" + alice))
			.containsExactlyInAnyOrder("Agence du Parc", "Immobilière du Rhône");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=me"))
			.containsExactly("Cabinet Voisin");
		assertThat(this.api
			.post(tenant.token(), "/api/v1/prospects/bulk",
					Map.of("filter", Map.of(), "owners", List.of(alice.toString(), "me")))
			.getBody()).containsEntry("updated", 0);
		assertThat(errors(this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of(), "owners", List.of(alice.toString()), "owner", "me"))))
			.contains("prospects.bulk.owner-and-owners");
		assertThat(errors(this.api.post(tenant.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of(), "owners", List.of()))))
			.contains("prospects.bulk.owners-empty");
	}

	@Test
	void refusesAnUnclearRequestWithItsReasonAndChangesNothing() {
		var tenant = this.api.newOrganisation("Répartition refusée");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String path = "/api/v1/prospects/bulk";
		assertThat(errors(this.api.post(tenant.token(), path, Map.of("addTags", "x"))))
			.contains("prospects.bulk.selection");
		assertThat(errors(
				this.api.post(tenant.token(), path, Map.of("ids", List.of(), "filter", Map.of(), "addTags", "x"))))
			.contains("prospects.bulk.selection");
		assertThat(errors(this.api.post(tenant.token(), path, Map.of("filter", Map.of()))))
			.contains("prospects.bulk.nothing");
		assertThat(errors(this.api.post(tenant.token(), path, Map.of("filter", Map.of(), "owner", "quelqu-un"))))
			.contains("prospects.edit.unknown-owner");
		assertThat(
				errors(this.api.post(tenant.token(), path, Map.of("filter", Map.of("ville", "Lyon"), "addTags", "x"))))
			.contains("prospects.edit.unknown-field");
		assertThat(errors(this.api.post(tenant.token(), path, Map.of("ids", List.of("pas-un-id"), "addTags", "x"))))
			.contains("prospects.bulk.ids");
		assertThat(errors(this.api.post(tenant.token(), path, Map.of("filter", Map.of(), "status", "MERGED"))))
			.contains("prospects.edit.unknown-field");
		ResponseEntity<Map> tooMany = this.api.post(tenant.token(), path,
				Map.of("ids",
						java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(10_001).toList(),
						"addTags", "x"));
		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		// the French way, with a narrow no-break space
		assertThat(tooMany.getBody().get("errors")).asString()
			.contains("prospects.bulk.too-many")
			.containsPattern("10\\h000 au plus");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=x")).isEmpty();
	}

	@Test
	void neverTouchesAnotherOrganisationsAgenciesAndAViewerCannotUseIt() {
		var owner = this.api.newOrganisation("Répartition A");
		var other = this.api.newOrganisation("Répartition B");
		this.prospects.importAndWait(owner.token(), "a.csv", FILE);
		this.prospects.importAndWait(other.token(), "a.csv", FILE);
		String theirs = (String) agency(owner.token(), "parc").get("id");

		// their ids, or a search that would match their agencies, change nothing of
		// theirs
		assertThat(this.api
			.post(other.token(), "/api/v1/prospects/bulk", Map.of("ids", List.of(theirs), "addTags", "piraté"))
			.getBody()).containsEntry("updated", 0);
		assertThat(
				this.api.post(other.token(), "/api/v1/prospects/bulk", Map.of("filter", Map.of(), "addTags", "nôtre"))
					.getBody())
			.containsEntry("matched", 3)
			.containsEntry("updated", 3);
		assertThat((List<String>) agency(owner.token(), "parc").get("tags")).containsExactly("centre");
		// nor can it hand them to one of its members, or one of theirs to its agencies
		assertThat(errors(this.api.post(owner.token(), "/api/v1/prospects/bulk",
				Map.of("filter", Map.of(), "owner", other.userId().toString()))))
			.contains("prospects.edit.unknown-owner");

		String viewerToken = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER").token();
		assertThat(this.api.post(viewerToken, "/api/v1/prospects/bulk", Map.of("filter", Map.of(), "addTags", "x"))
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	private Map<String, Object> agency(String token, String q) {
		return (Map<String, Object>) this.api.get(token, "/api/v1/prospects/" + this.prospects.idOf(token, q))
			.getBody()
			.get("agency");
	}

	private static String errors(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		return String.valueOf(response.getBody().get("errors"));
	}

}
