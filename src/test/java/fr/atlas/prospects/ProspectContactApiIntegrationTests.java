package fr.atlas.prospects;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/prospects/{id}/contacts}: people added, corrected and removed by hand go
 * through the import's rules, are recorded with who made the change, audited, and kept to
 * the organisation.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectContactApiIntegrationTests {

	@Autowired
	TenantSql sql;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void addsCorrectsAndRemovesAContactAsTheImportWouldCleanIt() {
		var tenant = this.api.newOrganisation("Carnet");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");

		ResponseEntity<Map> added = this.api.post(tenant.token(), "/api/v1/prospects/" + id + "/contacts",
				Map.of("firstName", "  Claire ", "lastName", "Dupont", "role", "Directrice", "emails",
						List.of("CLAIRE@PARC.FR"), "phones", "06.12.34.56.78", "linkedin",
						"fr.linkedin.com/in/claire-dupont"));
		assertThat(added.getStatusCode().value()).isEqualTo(201);
		String contactId = (String) added.getBody().get("id");
		assertThat(added.getHeaders().getLocation()).hasPath("/api/v1/prospects/" + id + "/contacts/" + contactId);
		assertThat(added.getBody()).containsEntry("firstName", "Claire")
			.containsEntry("lastName", "Dupont")
			.containsEntry("role", "Directrice")
			.containsEntry("emails", List.of("claire@parc.fr"))
			.containsEntry("linkedin", "https://www.linkedin.com/in/claire-dupont");
		assertThat((List<Map<String, Object>>) added.getBody().get("phones")).extracting((p) -> p.get("number"))
			.containsExactly("+33612345678");

		// the same person again (same e-mail, or same names) is refused, as an import
		// would merge them
		ResponseEntity<Map> again = this.api.post(tenant.token(), "/api/v1/prospects/" + id + "/contacts",
				Map.of("lastName", "Autre", "emails", "claire@parc.fr"));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).containsEntry("code", "prospects.contact.exists");
		assertThat(again.getBody().get("detail")).asString().contains("Claire Dupont");
		String other = (String) this.api
			.post(tenant.token(), "/api/v1/prospects/" + id + "/contacts", Map.of("lastName", "Morel"))
			.getBody()
			.get("id");
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/prospects/" + id + "/contacts/" + other,
					Map.of("firstName", "Claire", "lastName", "DUPONT"))
			.getStatusCode()
			.value()).isEqualTo(409);
		this.api.delete(tenant.token(), "/api/v1/prospects/" + id + "/contacts/" + other);

		// only the fields sent change; null clears one
		Map<String, Object> changes = new HashMap<>();
		changes.put("role", "Gérante");
		changes.put("linkedin", null);
		ResponseEntity<Map> changed = this.api.patch(tenant.token(),
				"/api/v1/prospects/" + id + "/contacts/" + contactId, changes);
		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		assertThat(changed.getBody()).containsEntry("role", "Gérante")
			.containsEntry("firstName", "Claire")
			.containsEntry("emails", List.of("claire@parc.fr"))
			.containsEntry("linkedin", null);

		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();
		assertThat((List<Map<String, Object>>) detail.get("contacts")).extracting((c) -> c.get("lastName"))
			.containsExactly("Dupont");

		assertThat(this.api.delete(tenant.token(), "/api/v1/prospects/" + id + "/contacts/" + contactId)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(this.api.get(tenant.token(), "/api/v1/prospects/" + id + "/contacts/" + contactId)
			.getStatusCode()
			.value()).isEqualTo(404);

		// each change is a source of the agency, by the member, and an audit entry
		List<Map<String, Object>> sources = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("sources");
		assertThat(sources).filteredOn((s) -> "USER".equals(s.get("kind")))
			.extracting((s) -> s.get("field") + " " + s.get("value"))
			.containsExactly("contact_added Claire Dupont", "contact_added Morel", "contact_removed Morel",
					"contact_updated Claire Dupont", "contact_removed Claire Dupont");
		List<String> actions = this.sql.strings(tenant,
				"select action from audit_entry where entity_type = 'contact' and entity_id = :id order by seq",
				Map.of("id", contactId));
		assertThat(actions).containsExactly("prospect.contact-added", "prospect.contact-updated",
				"prospect.contact-removed");
	}

	@Test
	void refusesBadValuesWithTheirReasonAndStoresNothing() {
		var tenant = this.api.newOrganisation("Carnet refusé");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String id = this.prospects.idOf(tenant.token(), "parc");
		String path = "/api/v1/prospects/" + id + "/contacts";

		ResponseEntity<Map> refused = this.api.post(tenant.token(), path, Map.of("lastName", "Martin", "emails",
				List.of("martin@"), "phones", List.of("06 12"), "linkedin", "https://example.com/martin"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
		assertThat(errors).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("emails prospects.problem.contact_email.invalid",
					"phones prospects.problem.contact_phone.invalid", "linkedin prospects.problem.linkedin.invalid");
		assertThat(errors).extracting((e) -> e.get("message")).contains("E-mail du contact invalide");

		List<Map<String, Object>> tooLong = (List<Map<String, Object>>) this.api
			.post(tenant.token(), path,
					Map.of("firstName", "Jean", "lastName", "M".repeat(101), "role", "Négociateur ".repeat(10)))
			.getBody()
			.get("errors");
		assertThat(tooLong).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("lastName prospects.problem.contact_last_name.too_long",
					"role prospects.problem.contact_role.too_long");

		ResponseEntity<Map> nobody = this.api.post(tenant.token(), path, Map.of("role", "Négociateur"));
		assertThat(nobody.getStatusCode().value()).isEqualTo(400);
		assertThat(nobody.getBody().get("errors")).asString().contains("prospects.contact.empty");
		assertThat(this.api.post(tenant.token(), path, Map.of("surname", "X")).getBody().get("errors")).asString()
			.contains("prospects.edit.unknown-field");
		assertThat(this.api.post(tenant.token(), path, Map.of("emails", Map.of("a", "b"))).getBody().get("errors"))
			.asString()
			.contains("prospects.edit.not-a-list");

		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody();
		assertThat((List<?>) detail.get("contacts")).isEmpty();
	}

	@Test
	void aMergedAgencyTakesNoContactAndItsContactsFollowTheSurvivor() {
		var tenant = this.api.newOrganisation("Carnet fusionné");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String parc = this.prospects.idOf(tenant.token(), "parc");
		String voisin = this.prospects.idOf(tenant.token(), "voisin");
		this.api.post(tenant.token(), "/api/v1/prospects/" + voisin + "/contacts", Map.of("lastName", "Morel"));
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + parc + "/merge", Map.of("otherId", voisin))
			.getStatusCode()
			.value()).isEqualTo(200);

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects/" + voisin + "/contacts",
				Map.of("lastName", "Tard"));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.edit.inactive");
		List<Map<String, Object>> contacts = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/prospects/" + parc)
			.getBody()
			.get("contacts");
		assertThat(contacts).extracting((c) -> c.get("lastName")).containsExactly("Morel");
		// removed from the survivor, then the merge undone: nothing to bring back, no
		// error
		this.api.delete(tenant.token(), "/api/v1/prospects/" + parc + "/contacts/" + contacts.get(0).get("id"));
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects/" + parc + "/unmerge", Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat((List<?>) this.api.get(tenant.token(), "/api/v1/prospects/" + voisin).getBody().get("contacts"))
			.isEmpty();
	}

	@Test
	void anotherOrganisationCanNeitherSeeNorChangeThemAndAViewerCannotChangeThem() {
		var owner = this.api.newOrganisation("Carnet A");
		var other = this.api.newOrganisation("Carnet B");
		this.prospects.importAndWait(owner.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String id = this.prospects.idOf(owner.token(), "parc");
		String path = "/api/v1/prospects/" + id + "/contacts";
		String contactId = (String) this.api.post(owner.token(), path, Map.of("lastName", "Secret"))
			.getBody()
			.get("id");

		assertThat(this.api.get(other.token(), path + "/" + contactId).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(other.token(), path, Map.of("lastName", "Intrus")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.api.patch(other.token(), path + "/" + contactId, Map.of("lastName", "Piraté"))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(this.api.delete(other.token(), path + "/" + contactId).getStatusCode().value()).isEqualTo(404);

		String viewerToken = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER").token();
		assertThat(this.api.get(viewerToken, path + "/" + contactId).getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.post(viewerToken, path, Map.of("lastName", "Lecteur")).getStatusCode().value())
			.isEqualTo(403);
		assertThat(this.api.delete(viewerToken, path + "/" + contactId).getStatusCode().value()).isEqualTo(403);

		assertThat(this.api.get(owner.token(), path + "/" + contactId).getBody()).containsEntry("lastName", "Secret");
	}

}
