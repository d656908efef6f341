package fr.atlas.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin edits and publishes workflows, but may not open a move that only an owner may
 * make, nor migrate cases through one (ADR 0083): an admin published a version whose
 * "win" no longer asked the OWNER role, then won cases, or migrated them into it.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class WorkflowOwnerMovesIntegrationTests {

	static final String BASE = "/api/v1/case-types/LEAD_ACHAT/workflows";

	@Autowired
	ApiClient api;

	@Autowired
	TestMembers members;

	/**
	 * The tenant's LEAD_ACHAT workflow, its transition {@code name} given {@code roles}.
	 */
	Map<String, Object> withRoles(Tenant tenant, String name, List<String> roles) {
		return withRoles(this.api, tenant, name, roles);
	}

	/**
	 * The same through any {@link ApiClient}.
	 */
	static Map<String, Object> withRoles(ApiClient api, Tenant tenant, String name, List<String> roles) {
		Map<String, Object> workflow = new LinkedHashMap<>(
				(Map<String, Object>) api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT")
					.getBody()
					.get("workflow"));
		List<Map<String, Object>> transitions = new ArrayList<>();
		for (Map<String, Object> t : (List<Map<String, Object>>) workflow.get("transitions")) {
			Map<String, Object> copy = new LinkedHashMap<>(t);
			if (name.equals(t.get("name"))) {
				copy.put("roles", roles);
			}
			transitions.add(copy);
		}
		workflow.put("transitions", transitions);
		return workflow;
	}

	static List<String> errors(Map<String, Object> body) {
		return ((List<Map<String, Object>>) body.get("errors")).stream()
			.map((e) -> e.get("field") + " " + e.get("code"))
			.toList();
	}

	@Test
	void anAdminCannotOpenAnOwnerOnlyMoveNorPublishAnOwnersDraftThatDoes() {
		Tenant tenant = this.api.newOrganisation("Agence Réservé aux gérants");
		TestMembers.SignedIn admin = this.members.addSignedIn(this.api, tenant, "Adèle Admin", "ADMIN");
		// the owner reserves "win" to owners, in force from version 2
		assertThat(
				this.api.post(tenant.token(), BASE, withRoles(tenant, "win", List.of("OWNER"))).getStatusCode().value())
			.isEqualTo(201);
		assertThat(this.api.post(tenant.token(), BASE + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(200);

		// the admin may not give it back to managers, nor to no role at all
		var reopened = this.api.post(admin.token(), BASE, withRoles(tenant, "win", List.of()));
		assertThat(reopened.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(reopened.getBody())).containsExactly("transitions[4].roles workflow.roles-not-held");
		assertThat(((String) ((List<Map<String, Object>>) reopened.getBody().get("errors")).getFirst().get("message"))
			.replace('\u00a0', ' ')
			.replace('\u202f', ' '))
			.startsWith("La transition « Gagner » ouvrirait le passage de « Offre » à « Gagné », que seul le rôle "
					+ "Propriétaire peut prendre dans la version en vigueur")
			.contains("Gardez-lui le rôle Propriétaire,")
			.doesNotContain("OWNER");
		// in the reader's language, several roles as one phrase; the code and the field
		// stay
		Map<String, Object> english = this.api.raw().post().uri(BASE).headers((h) -> {
			h.setBearerAuth(admin.token());
			h.set("Accept-Language", "en");
		}).body(withRoles(tenant, "win", List.of())).retrieve().onStatus((status) -> true, (request, response) -> {
		}).body(Map.class);
		assertThat(errors(english)).containsExactly("transitions[4].roles workflow.roles-not-held");
		assertThat((String) ((List<Map<String, Object>>) english.get("errors")).getFirst().get("message"))
			.contains("which only the role Owner may make in the version in force")
			.doesNotContain("OWNER");
		assertThat(
				this.api.post(admin.token(), BASE, withRoles(tenant, "win", List.of("ADMIN"))).getStatusCode().value())
			.isEqualTo(400);
		// nor through a detour: a new state from the offer, and from it into WON
		Map<String, Object> detour = withRoles(tenant, "win", List.of("OWNER"));
		List<Map<String, Object>> states = new ArrayList<>((List<Map<String, Object>>) detour.get("states"));
		states.add(Map.of("key", "SIGNED", "labels", Map.of("fr", "Compromis signé")));
		List<Map<String, Object>> transitions = new ArrayList<>((List<Map<String, Object>>) detour.get("transitions"));
		transitions.add(Map.of("name", "sign", "from", List.of("OFFER"), "to", "SIGNED"));
		transitions.add(Map.of("name", "close", "from", List.of("SIGNED"), "to", "WON"));
		detour.put("states", states);
		detour.put("transitions", transitions);
		var detoured = this.api.post(admin.token(), BASE, detour);
		assertThat(detoured.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(detoured.getBody())).containsExactly("transitions[7].roles workflow.roles-not-held");
		assertThat(this.api.getList(tenant.token(), BASE).getBody()).hasSize(2);

		// restricting is the admin's to do, and an admin's draft that keeps "win" is
		// published
		var restricted = this.api.post(admin.token(), BASE, withRoles(tenant, "requalify", List.of("MANAGER")));
		assertThat(restricted.getStatusCode().value()).isEqualTo(201);
		assertThat(restricted.getBody()).containsEntry("version", 3);
		var edited = this.api.put(admin.token(), BASE + "/3", withRoles(tenant, "win", List.of()));
		assertThat(edited.getStatusCode().value()).isEqualTo(400);

		// a draft of the owner's that opens "win" is the owner's to publish, not the
		// admin's
		assertThat(this.api.put(tenant.token(), BASE + "/3", withRoles(tenant, "win", List.of("MANAGER")))
			.getStatusCode()
			.value()).isEqualTo(200);
		var published = this.api.post(admin.token(), BASE + "/3/publish", Map.of());
		assertThat(published.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(published.getBody())).containsExactly("transitions[4].roles workflow.roles-not-held");
		assertThat(this.api.post(tenant.token(), BASE + "/3/publish", Map.of()).getStatusCode().value()).isEqualTo(200);
		// now in force, managers win: the admin may publish what keeps it so
		assertThat(this.api.post(admin.token(), BASE, withRoles(tenant, "win", List.of("MANAGER")))
			.getStatusCode()
			.value()).isEqualTo(201);
	}

	@Test
	void anAdminCannotMigrateCasesIntoAnOpenStateOnlyAnOwnerLeadsCasesInto() {
		Tenant tenant = this.api.newOrganisation("Agence Validation du gérant");
		TestMembers.SignedIn admin = this.members.addSignedIn(this.api, tenant, "Adèle Admin", "ADMIN");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "À valider"))
			.getBody()
			.get("id");
		this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "qualify", "budget", 200000, "financing", "CASH"));
		// version 2: an offer is validated by the owner before it can be won
		Map<String, Object> version2 = Map.of("states",
				List.of(Map.of("key", "NEW", "initial", true), Map.of("key", "QUALIFIED"), Map.of("key", "VALIDATED"),
						Map.of("key", "WON", "final", true), Map.of("key", "LOST", "final", true)),
				"transitions",
				List.of(Map.of("name", "qualify", "from", List.of("NEW"), "to", "QUALIFIED"),
						Map.of("name", "validate", "from", List.of("QUALIFIED"), "to", "VALIDATED", "roles",
								List.of("OWNER")),
						Map.of("name", "win", "from", List.of("VALIDATED"), "to", "WON"),
						Map.of("name", "lose", "from", List.of("NEW", "QUALIFIED", "VALIDATED"), "to", "LOST")));
		assertThat(this.api.post(tenant.token(), BASE, version2).getStatusCode().value()).isEqualTo(201);
		assertThat(this.api.post(tenant.token(), BASE + "/2/publish", Map.of()).getStatusCode().value()).isEqualTo(200);

		var refused = this.api.post(admin.token(), BASE + "/2/migrate",
				Map.of("mapping", Map.of("QUALIFIED", "VALIDATED")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(errors(refused.getBody())).containsExactly("mapping.QUALIFIED workflow.mapping-role-open");
		assertThat((String) ((List<Map<String, Object>>) refused.getBody().get("errors")).getFirst().get("message"))
			.contains("où seul le rôle Propriétaire peut faire entrer un dossier")
			.doesNotContain("OWNER");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("state", "QUALIFIED")
			.containsEntry("workflowVersion", 1);
		// kept in its state, the case moves on with the admin; the owner may validate it
		assertThat(this.api.post(admin.token(), BASE + "/2/migrate", Map.of("mapping", Map.of())).getBody())
			.containsEntry("migrated", 1);
		var validated = this.api.post(admin.token(), "/api/v1/cases/" + id + "/transitions",
				Map.of("transition", "validate"));
		assertThat(validated.getStatusCode().value()).isEqualTo(409);
		// the detail names the role as the members page does; the details keep its key
		assertThat(validated.getBody()).containsEntry("code", "case.transition.role-not-allowed")
			.containsEntry("missing", List.of("OWNER"));
		assertThat((String) validated.getBody().get("detail")).contains("rôles autorisés\u00a0: Propriétaire")
			.doesNotContain("OWNER");
		assertThat(
				this.api.post(tenant.token(), "/api/v1/cases/" + id + "/transitions", Map.of("transition", "validate"))
					.getBody())
			.containsEntry("state", "VALIDATED");
	}

}
