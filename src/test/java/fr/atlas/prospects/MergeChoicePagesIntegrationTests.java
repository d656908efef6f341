package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of a merge that chooses its values (ADR 0063): the review queue's comparison
 * and the agency page's confirmation offer, for each value that differs, to keep either
 * side's; the forms work as plain posts, and the confirmation comes alone for htmx.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class MergeChoicePagesIntegrationTests {

	private static final String ID = "([0-9a-f-]{36})";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@Test
	void theQueueOffersToKeepEitherValueAndMergesWithTheOneTicked() throws Exception {
		Tenant tenant = this.api.newOrganisation("File choisie");
		String bordelaise = create(tenant, "Agence Bordelaise", "3 rue Sainte-Catherine", "05 56 00 00 01");
		String sas = create(tenant, "L'Agence Bordelaise SAS", "18 cours de l'Intendance", "05 56 00 00 02");
		PageSession session = new PageSession(this.port).login(tenant.email());

		String queue = session.get("/prospects/duplicates").body();

		Matcher form = Pattern.compile("<form id=\"(merge-" + ID + ")\" action=\"/prospects/" + ID + "/merge\"")
			.matcher(queue);
		assertThat(form.find()).isTrue();
		String formId = form.group(1);
		String first = form.group(3);
		String second = first.equals(bordelaise) ? sas : bordelaise;
		// a radio per side on the names and the addresses, of the pair's form, none
		// ticked: without a choice the merge's rule holds; the phones are joined
		for (String side : List.of(first, second)) {
			assertThat(queue).containsPattern("<input type=\"radio\" name=\"keep.name\" value=\"" + side + "\" form=\""
					+ formId
					+ "\" aria-label=\"garder celle-ci, Raison sociale\u00A0: «\u00A0[^»]+\u00A0» plutôt que «\u00A0[^»]+\u00A0»\"><span>garder celle-ci</span>");
			assertThat(queue).contains("name=\"keep.address\" value=\"" + side + "\"");
		}
		assertThat(queue).doesNotContain("keep.phone")
			.doesNotContainPattern("name=\"keep\\.[^>]* checked")
			.contains("sans choix, l’agence conservée garde la sienne");

		// the first kept, with the second's name ticked and its own address
		HttpResponse<String> merged = session.post("/prospects/" + first + "/merge",
				Map.of("_csrf", PageSession.csrf(queue), "otherId", second, "queuePage", "0", "keep.name", second,
						"keep.address", first),
				false);

		assertThat(PageSession.location(merged)).endsWith("/prospects/duplicates");
		Map<String, Object> kept = agency(tenant, first);
		assertThat(kept).containsEntry("name", agency(tenant, second).get("name"))
			.containsEntry("address", first.equals(bordelaise) ? "3 rue Sainte-Catherine" : "18 cours de l'Intendance");
		assertThat((List<String>) kept.get("phones")).hasSize(2);
	}

	/**
	 * Two agencies of one name: the confirmation read "« Agence Lumière » reste et «
	 * Agence Lumière » y est fusionnée", which says nothing of which one stays.
	 */
	@Test
	void aMergeOfTwoAgenciesOfOneNameSaysWhichOneStays() throws Exception {
		Tenant tenant = this.api.newOrganisation("Fiche homonyme");
		String kept = create(tenant, "Agence Lumière", "3 rue Sainte-Catherine", "05 56 00 00 01");
		String other = create(tenant, "Agence Lumière", "18 cours de l'Intendance", "05 56 00 00 02");
		PageSession session = new PageSession(this.port).login(tenant.email());
		String confirmation = session.get("/prospects/" + kept + "/merge?otherId=" + other).body();
		assertThat(confirmation)
			.contains("Les deux agences s’appellent «\u00A0Agence Lumière\u00A0»\u00A0: "
					+ "celle de cette page reste («\u00A0Agence conservée\u00A0») et l’autre y est fusionnée")
			.doesNotContain("» reste et «");
	}

	@Test
	void theAgencyPageConfirmsAMergeWithTheValuesToKeepAsAPageOrAFragment() throws Exception {
		Tenant tenant = this.api.newOrganisation("Fiche choisie");
		String bordelaise = create(tenant, "Agence Bordelaise", "3 rue Sainte-Catherine", "05 56 00 00 01");
		String sas = create(tenant, "L'Agence Bordelaise SAS", "18 cours de l'Intendance", "05 56 00 00 02");
		PageSession session = new PageSession(this.port).login(tenant.email());

		// "merge here" asks for the confirmation: a page without script, the form alone
		// with htmx
		String page = session.get("/prospects/" + bordelaise).body();
		assertThat(page).contains("<form action=\"/prospects/" + bordelaise + "/merge\" method=\"get\"",
				"hx-get=\"/prospects/" + bordelaise + "/merge\"", "hx-target=\"#merge-choice\"",
				"<div id=\"merge-choice\"");
		String confirmation = session.get("/prospects/" + bordelaise + "/merge?otherId=" + sas).body();
		assertThat(confirmation).contains("<nav", "Fusionner deux agences", "Confirmer la fusion",
				"«\u00A0Agence Bordelaise\u00A0» reste et «\u00A0L&#39;Agence Bordelaise SAS\u00A0» y est fusionnée")
			// this agency's values ticked: the merge's rule, unless another is chosen
			.containsPattern("name=\"keep.name\" value=\"" + bordelaise + "\" form=\"merge-choice-form\"[^>]* checked")
			.containsPattern("name=\"keep.address\" value=\"" + bordelaise + "\"[^>]* checked")
			.containsPattern(
					"name=\"keep.name\" value=\"" + sas + "\" form=\"merge-choice-form\" aria-label=\"[^\"]+\">")
			.contains("18 cours de l&#39;Intendance, 33000 Bordeaux");
		String fragment = session.getFragment("/prospects/" + bordelaise + "/merge?otherId=" + sas).body();
		assertThat(fragment).startsWith("<form id=\"merge-choice-form\"")
			.doesNotContain("<nav")
			.contains("name=\"_csrf\"", "name=\"keep.name\"");
		assertThat(session.get("/prospects/" + bordelaise + "/merge?otherId=" + sas + "&lang=en").body())
			.contains("Merge two agencies", "keep this one", "Confirm the merge");
		session.get("/prospects?lang=fr");

		// a form tampered with merges nothing
		HttpResponse<String> refused = session.post("/prospects/" + bordelaise + "/merge",
				Map.of("_csrf", PageSession.csrf(confirmation), "otherId", sas, "keep.nom", sas), false);
		assertThat(session.get(PageSession.location(refused)).body())
			.contains("Ce choix de valeurs n’est pas compris\u00A0: rien n’a été fusionné.");
		assertThat(agency(tenant, sas)).containsEntry("status", "ACTIVE");

		HttpResponse<String> merged = session.post("/prospects/" + bordelaise + "/merge", Map.of("_csrf",
				PageSession.csrf(confirmation), "otherId", sas, "keep.name", sas, "keep.address", bordelaise), false);
		assertThat(PageSession.location(merged)).isEqualTo("/prospects/" + bordelaise);
		assertThat(agency(tenant, bordelaise)).containsEntry("name", "L'Agence Bordelaise SAS")
			.containsEntry("address", "3 rue Sainte-Catherine");

		// another organisation gets no confirmation of these agencies
		Tenant other = this.api.newOrganisation("Fiche voisine");
		PageSession theirs = new PageSession(this.port).login(other.email());
		assertThat(theirs.get("/prospects/" + bordelaise + "/merge?otherId=" + sas).statusCode()).isEqualTo(404);
	}

	private String create(Tenant tenant, String name, String address, String phone) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", name);
		fields.put("address", address);
		fields.put("postcode", "33000");
		fields.put("city", "Bordeaux");
		fields.put("phones", List.of(phone));
		fields.put("allowDuplicate", true);
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/prospects", fields);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		return (String) ((Map<String, Object>) created.getBody().get("agency")).get("id");
	}

	private Map<String, Object> agency(Tenant tenant, String id) {
		return (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id).getBody().get("agency");
	}

}
