package fr.atlas.cases;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.BulkJobIntegrationTest;
import fr.atlas.prospects.HeldBulkJobs;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.prospects.internal.ProspectBulkWorker;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Eventually;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's bulk change {@code startWork: "prospection-case"}: a prospection case for
 * each agency chosen that has no open one, assigned to the agency's owner, in the request
 * or in a background job that, stopped halfway and resumed, opens no case twice; nothing
 * of another organisation's, and nothing while the cases module is off. Here a request
 * changes at most 3 agencies and a job 2 per transaction.
 */
@BulkJobIntegrationTest
@SuppressWarnings("unchecked")
class ProspectionCasesInBulkIntegrationTests {

	static final String FILE = """
			Raison sociale;SIREN;E-mail;Téléphone;Code postal;Ville
			AGENCE DU PARC;732829320;parc@agence.fr;04 91 00 00 01;13001;MARSEILLE
			Cabinet Voisin;;;04 91 00 00 02;13002;Marseille
			Bastide Immobilier;;bastide@agence.fr;04 91 00 00 04;13008;Marseille
			Effets de Mer;;;04 91 00 00 05;13007;Marseille
			Dauphin Conseil;;;04 91 00 00 06;13006;Marseille
			Immobilière du Rhône;;;04 78 00 00 03;69002;Lyon
			""";

	static final String BULK = "/api/v1/prospects/bulk";

	static final String WORK = "prospection-case";

	@LocalServerPort
	int port;

	@Autowired
	TenantSql sql;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Autowired
	DataSource dataSource;

	@Autowired
	ProspectBulkWorker worker;

	@Test
	void opensACaseForEachChosenAgencyOnceAssignedToItsOwner() throws InterruptedException {
		Tenant tenant = this.api.newOrganisation("Prospection groupée");
		Tenant other = this.api.newOrganisation("Prospection d'à côté");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		this.prospects.importAndWait(other.token(), "a.csv", FILE);
		UUID alice = UUID.randomUUID();
		this.members.add(tenant, alice, "alice-" + alice + "@example.test", "Alice", "AGENT");
		String parc = this.prospects.idOf(tenant.token(), "parc");
		String voisin = this.prospects.idOf(tenant.token(), "voisin");
		String bastide = this.prospects.idOf(tenant.token(), "bastide");
		assertThat(this.api.patch(tenant.token(), "/api/v1/prospects/" + bastide, Map.of("owner", alice.toString()))
			.getStatusCode()
			.value()).isEqualTo(200);

		ResponseEntity<Map> first = this.api.post(tenant.token(), BULK,
				Map.of("ids", List.of(parc), "startWork", WORK));
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(first.getBody()).containsEntry("matched", 1).containsEntry("updated", 1);
		// the agency that has its case already keeps it: two new cases
		ResponseEntity<Map> three = this.api.post(tenant.token(), BULK,
				Map.of("ids", List.of(parc, voisin, bastide), "startWork", WORK));
		assertThat(three.getBody()).containsEntry("matched", 3).containsEntry("updated", 2);

		Map<String, Map<String, Object>> cases = prospectionCases(tenant);
		assertThat(cases).containsOnlyKeys("Agence du Parc (Marseille)", "Cabinet Voisin (Marseille)",
				"Bastide Immobilier (Marseille)");
		assertThat(cases.get("Bastide Immobilier (Marseille)")).containsEntry("assigneeId", alice.toString());
		assertThat(cases.get("Cabinet Voisin (Marseille)")).containsEntry("assigneeId", tenant.userId().toString());
		Map<String, Object> parcCase = cases.get("Agence du Parc (Marseille)");
		assertThat((Map<String, Object>) parcCase.get("fields")).containsEntry("agencyName", "Agence du Parc")
			.containsEntry("siren", "732829320")
			.containsEntry("city", "Marseille")
			.containsEntry("email", "parc@agence.fr");
		List<Map<String, Object>> parties = this.api.raw()
			.get()
			.uri("/api/v1/cases/" + parcCase.get("id") + "/parties")
			.header("Authorization", "Bearer " + tenant.token())
			.retrieve()
			.body(List.class);
		assertThat(parties).singleElement()
			.satisfies((party) -> assertThat(party).containsEntry("type", "AGENCY").containsEntry("id", parc));
		assertThat(audit(tenant, "prospect.bulk-edited"))
			.contains("Modification groupée de 2 agences\u00A0: Dossier de prospection ouvert");

		// Alice, given three cases by two operations, is told once for each operation,
		// with a link to her cases
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/prospects/" + this.prospects.idOf(tenant.token(), "effets"),
					Map.of("owner", alice.toString()))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api
			.patch(tenant.token(), "/api/v1/prospects/" + this.prospects.idOf(tenant.token(), "dauphin"),
					Map.of("owner", alice.toString()))
			.getStatusCode()
			.value()).isEqualTo(200);
		ResponseEntity<Map> dealt = this.api.post(tenant.token(), BULK,
				Map.of("filter", Map.of("owner", alice.toString()), "startWork", WORK));
		assertThat(dealt.getBody()).containsEntry("matched", 3).containsEntry("updated", 2);
		String aliceToken = this.api.token("alice-" + alice + "@example.test", ApiClient.PASSWORD);
		List<Map<String, Object>> told = Eventually.await(
				() -> (List<Map<String, Object>>) this.api.get(aliceToken, "/api/v1/notifications")
					.getBody()
					.get("items"),
				(items) -> items.stream()
					.filter((n) -> "Des dossiers vous ont été confiés".equals(n.get("title")))
					.count() == 2,
				"Alice told of her cases");
		// the second case's event, handled after the first, adds nothing
		Thread.sleep(500);
		told = (List<Map<String, Object>>) this.api.get(aliceToken, "/api/v1/notifications").getBody().get("items");
		assertThat(told).filteredOn((n) -> "ASSIGNED".equals(n.get("kind")))
			.extracting((n) -> n.get("title") + " → " + n.get("link"))
			.containsExactly("Des dossiers vous ont été confiés → /cases?assignee=" + alice,
					"Des dossiers vous ont été confiés → /cases?assignee=" + alice);

		// the list tells the agencies in prospection from the others
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?work=prospection-case"))
			.containsExactlyInAnyOrder("AGENCE DU PARC", "Cabinet Voisin", "Bastide Immobilier", "Effets de Mer",
					"Dauphin Conseil");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?work=no-prospection-case"))
			.containsExactly("Immobilière du Rhône");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?work=prospection-case")).isEmpty();
		assertThat(errors(this.api.get(tenant.token(), "/api/v1/prospects?work=mailing")))
			.contains("prospects.filter.work");

		// another organisation naming these agencies opens nothing, here or there
		ResponseEntity<Map> theirs = this.api.post(other.token(), BULK,
				Map.of("ids", List.of(parc, voisin), "startWork", WORK));
		assertThat(theirs.getBody()).containsEntry("matched", 0).containsEntry("updated", 0);
		assertThat(prospectionCases(other)).isEmpty();
		assertThat(prospectionCases(tenant)).hasSize(5);
	}

	@Test
	void aJobStoppedHalfwayIsResumedWithoutOpeningACaseTwice() throws Exception {
		Tenant tenant = this.api.newOrganisation("Prospection reprise");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		OrgId org = OrgId.of(tenant.orgId());
		HeldBulkJobs held = new HeldBulkJobs(this.dataSource, this.tx, this.jdbc);
		String id = held.queue(this.api, tenant, Map.of("filter", Map.of("department", "13"), "startWork", WORK));
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(UUID.fromString(id), 1))).isFalse();
		assertThat(prospectionCases(tenant)).hasSize(2);
		held.fail(tenant, id);

		assertThat(this.api.post(tenant.token(), BULK + "/" + id + "/retry", Map.of()).getStatusCode().value())
			.isEqualTo(202);
		Map<String, Object> done = Eventually.await(() -> this.api.get(tenant.token(), BULK + "/" + id).getBody(),
				(job) -> "DONE".equals(job.get("status")), "the resumed job done");
		assertThat(done).containsEntry("matched", 5).containsEntry("processed", 5).containsEntry("updated", 5);
		assertThat(prospectionCases(tenant)).hasSize(5);
		// the list's panel says what the job did
		assertThat(new PageSession(this.port).login(tenant.email()).getFragment("/prospects/bulk/" + id).body())
			.contains("5 sur 5 traitées, 5 dossiers ouverts.");

		// asked again, it finds every case open
		ResponseEntity<Map> again = this.api.post(tenant.token(), BULK,
				Map.of("filter", Map.of("department", "13"), "startWork", WORK));
		Map<String, Object> redone = Eventually.await(
				() -> this.api.get(tenant.token(), BULK + "/" + again.getBody().get("id")).getBody(),
				(job) -> "DONE".equals(job.get("status")), "the second job done");
		assertThat(redone).containsEntry("processed", 5).containsEntry("updated", 0);
		assertThat(prospectionCases(tenant)).hasSize(5);
	}

	@Test
	void refusesWorkItCannotStartAndOffersItOnTheListWhileCasesAreOn() throws Exception {
		Tenant tenant = this.api.newOrganisation("Prospection refusée");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		String parc = this.prospects.idOf(tenant.token(), "parc");

		assertThat(errors(this.api.post(tenant.token(), BULK, Map.of("ids", List.of(parc), "startWork", "mailing"))))
			.contains("prospects.bulk.work-unknown", "«\u00A0mailing\u00A0» ne peut pas être lancé",
					"Possible\u00A0: prospection-case");
		assertThat(errors(
				this.api.post(tenant.token(), BULK, Map.of("ids", List.of(parc), "startWork", WORK, "archive", true))))
			.contains("prospects.bulk.work-and-archive");

		PageSession page = new PageSession(this.port).login(tenant.email());
		String list = page.get("/prospects").body();
		assertThat(list).contains("name=\"startWork\" value=\"prospection-case\"",
				"Ouvrir un dossier de prospection pour chacune");
		// the form posts its search's empty fields too: back to the same list, form and
		// all
		HttpResponse<String> posted = page.post("/prospects/bulk", Map.of("ids", parc, "startWork", WORK, "q", "",
				"status", "", "city", "Marseille", "_csrf", PageSession.csrf(list)), false);
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(PageSession.location(posted)).isEqualTo("/prospects?city=Marseille");
		assertThat(page.get(PageSession.location(posted)).body()).contains(
				"1 dossier ouvert (1 agence choisie\u202F; celles qui avaient déjà un dossier ouvert le gardent).",
				"id=\"bulk-form\"");
		assertThat(prospectionCases(tenant)).containsOnlyKeys("Agence du Parc (Marseille)");
		// its row says so, and only its row
		String marked = page.get("/prospects").body();
		assertThat(marked.split("class=\"badge work\"", -1)).hasSize(2);
		assertThat(marked).contains("class=\"badge work\">En prospection</span>");

		// the agencies without a case, chosen by the list's filter, get one
		String withoutCase = page.get("/prospects?work=no-prospection-case").body();
		assertThat(withoutCase).contains("<option value=\"no-prospection-case\" selected=\"selected\">Aucun</option>",
				"name=\"work\" value=\"no-prospection-case\"");
		HttpResponse<String> rest = page.post("/prospects/bulk", Map.of("scope", "all", "work", "no-prospection-case",
				"startWork", WORK, "_csrf", PageSession.csrf(withoutCase)), false);
		assertThat(PageSession.location(rest)).isEqualTo("/prospects?work=no-prospection-case");
		// more than this context's 3 agencies a request changes: in the background
		assertThat(page.get(PageSession.location(rest)).body()).contains("5 agences seront modifiées en arrière-plan");
		Eventually.await(() -> prospectionCases(tenant).size(), (count) -> count == 6, "a case for each");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?work=no-prospection-case")).isEmpty();

		// without the cases module, nothing to offer
		assertThat(this.api.put(tenant.token(), "/api/v1/modules/cases", Map.of("enabled", false))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(page.get("/prospects").body()).doesNotContain("startWork");
		assertThat(errors(this.api.post(tenant.token(), BULK, Map.of("ids", List.of(parc), "startWork", WORK))))
			.contains("prospects.bulk.work-unknown", "Possible\u00A0: –");
	}

	/** The organisation's prospection cases by title. */
	private Map<String, Map<String, Object>> prospectionCases(Tenant tenant) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/cases?type=PROSPECTION&size=100")
			.getBody()
			.get("items");
		return items.stream().collect(Collectors.toMap((c) -> (String) c.get("title"), (c) -> c));
	}

	private static String errors(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		return String.valueOf(response.getBody().get("errors"));
	}

	private List<String> audit(Tenant tenant, String action) {
		return this.sql.strings(tenant, "select summary from audit_entry where action = :action order by seq",
				Map.of("action", action));
	}

}
