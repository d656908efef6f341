package fr.atlas.prospects;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
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
 * A bulk change of more agencies than a request changes at once runs as a background job:
 * 202 and its progress through the API and on the list, every agency changed once even
 * when the job stops halfway and is resumed, one audit entry in the requester's name, and
 * nothing of it seen or touched by another organisation. Here a request changes at most 3
 * agencies and a job 2 per transaction.
 */
@BulkJobIntegrationTest
@SuppressWarnings("unchecked")
class ProspectBulkJobIntegrationTests {

	static final String FILE = """
			Raison sociale;Téléphone;Code postal;Ville
			Agence du Parc;04 91 00 00 01;13001;Marseille
			Cabinet Voisin;04 91 00 00 02;13002;Marseille
			Bastide Immobilier;04 91 00 00 04;13008;Marseille
			Effets de Mer;04 91 00 00 05;13007;Marseille
			Dauphin Conseil;04 91 00 00 06;13006;Marseille
			Immobilière du Rhône;04 78 00 00 03;69002;Lyon
			""";

	static final String BULK = "/api/v1/prospects/bulk";

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
	void dealsOutAndTagsTheAgenciesOfALargeSearchInTheBackground() throws Exception {
		Tenant tenant = this.api.newOrganisation("Campagne d'été");
		Tenant other = this.api.newOrganisation("Campagne voisine");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		this.prospects.importAndWait(other.token(), "a.csv", FILE);
		UUID alice = UUID.randomUUID();
		this.members.add(tenant, alice, "alice-" + alice + "@example.test", "Alice", "AGENT");

		ResponseEntity<Map> accepted = this.api.post(tenant.token(), BULK, Map.of("filter", Map.of("department", "13"),
				"owners", List.of("me", alice.toString()), "addTags", "Été"));
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		String location = accepted.getHeaders().getLocation().toString();
		String id = (String) accepted.getBody().get("id");
		assertThat(location).isEqualTo(BULK + "/" + id);
		assertThat(accepted.getBody()).containsEntry("matched", 5).containsKeys("status", "processed", "updated");
		assertThat((String) accepted.getBody().get("status")).isIn("QUEUED", "RUNNING", "DONE");

		Map<String, Object> done = Eventually.await(() -> this.api.get(tenant.token(), location).getBody(),
				(job) -> "DONE".equals(job.get("status")), "the bulk change done");
		assertThat(done).containsEntry("matched", 5)
			.containsEntry("processed", 5)
			.containsEntry("updated", 5)
			.containsEntry("error", null)
			.containsKey("finishedAt");
		// dealt out in name order across the chunks: Agence du Parc, Bastide Immobilier,
		// Cabinet Voisin, Dauphin Conseil, Effets de Mer
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=me"))
			.containsExactlyInAnyOrder("Agence du Parc", "Cabinet Voisin", "Effets de Mer");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?owner=" + alice))
			.containsExactlyInAnyOrder("Bastide Immobilier", "Dauphin Conseil");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=été")).hasSize(5);

		// one audit entry when asked, one when done, both naming the job, in the
		// requester's name
		List<String> audit = this.sql.strings(tenant, """
				select action || ' ' || coalesce(actor_id::text, '-') || ' ' || summary from audit_entry
				where action like 'prospect.bulk%' and entity_id = :job order by seq""", Map.of("job", id));
		assertThat(audit).containsExactly(
				"prospect.bulk-queued " + tenant.userId()
						+ " Modification groupée de 5 agences en arrière-plan\u00A0: Responsable, Étiquettes",
				"prospect.bulk-edited " + tenant.userId()
						+ " Modification groupée de 5 agences\u00A0: Responsable, Étiquettes");

		// another organisation neither sees the job nor had its agencies changed
		assertThat(this.api.get(other.token(), location).getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.post(other.token(), location + "/retry", Map.of()).getStatusCode().value()).isEqualTo(404);
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?tag=été")).isEmpty();
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?owner=none")).hasSize(6);
		PageSession theirs = new PageSession(this.port).login(other.email());
		assertThat(theirs.getFragment("/prospects/bulk/" + id).statusCode()).isEqualTo(404);
		assertThat(theirs.get("/prospects").body()).doesNotContain("bulk-job-" + id);

		// a job that has not failed cannot be resumed
		ResponseEntity<Map> retried = this.api.post(tenant.token(), location + "/retry", Map.of());
		assertThat(retried.getStatusCode().value()).isEqualTo(409);

		// up to the limit, the change is made at once
		ResponseEntity<Map> inline = this.api.post(tenant.token(), BULK,
				Map.of("filter", Map.of("city", "Lyon"), "addTags", "Été"));
		assertThat(inline.getStatusCode().value()).isEqualTo(200);
		assertThat(inline.getBody()).containsEntry("matched", 1).containsEntry("updated", 1);
	}

	@Test
	void aJobStoppedHalfwayIsResumedWithoutChangingAnAgencyTwice() throws Exception {
		Tenant tenant = this.api.newOrganisation("Reprise groupée");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		OrgId org = OrgId.of(tenant.orgId());
		String id = new HeldBulkJobs(this.dataSource, this.tx, this.jdbc).queue(this.api, tenant,
				Map.of("filter", Map.of("department", "13"), "addTags", "relance"));

		// one chunk, then the node stops: what it committed stays, with the progress
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(UUID.fromString(id), 1))).isFalse();
		Map<String, Object> halfway = this.api.get(tenant.token(), BULK + "/" + id).getBody();
		assertThat(halfway).containsEntry("status", "RUNNING")
			.containsEntry("processed", 2)
			.containsEntry("updated", 2);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=relance")).hasSize(2);

		// it had failed: resumed, it goes on with the next chunk
		new HeldBulkJobs(this.dataSource, this.tx, this.jdbc).fail(tenant, id);
		PageSession page = new PageSession(this.port).login(tenant.email());
		String list = page.get("/prospects").body();
		assertThat(list).contains("id=\"bulk-job-" + id + "\"", "Modification groupée de 5 agences", "Arrêtée",
				"2 sur 5 traitées, 2 modifiées.", "Reprendre");
		HttpResponse<String> resumed = page.post("/prospects/bulk/" + id + "/retry",
				Map.of("_csrf", PageSession.csrf(list)), false);
		assertThat(resumed.statusCode()).isEqualTo(302);
		Map<String, Object> done = Eventually.await(() -> this.api.get(tenant.token(), BULK + "/" + id).getBody(),
				(job) -> "DONE".equals(job.get("status")), "the resumed bulk change done");
		assertThat(done).containsEntry("processed", 5).containsEntry("updated", 5).containsEntry("error", null);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?tag=relance")).hasSize(5);
		assertThat(this.sql.count(org, """
				select count(*) from field_source
				where field = 'tags' and kind = 'USER' and value like '%relance%'""")).isEqualTo(5);

		// the list's panel, polled while the job runs, reloads the page once it has ended
		HttpResponse<String> panel = page.getFragment("/prospects/bulk/" + id);
		assertThat(panel.body()).contains("Terminée", "5 sur 5 traitées, 5 modifiées.").doesNotContain("hx-trigger");
		assertThat(panel.headers().firstValue("HX-Refresh")).hasValue("true");
	}

	@Test
	void theListsFormHandsALargeSearchToABackgroundJob() throws Exception {
		Tenant tenant = this.api.newOrganisation("Formulaire groupé");
		this.prospects.importAndWait(tenant.token(), "a.csv", FILE);
		PageSession page = new PageSession(this.port).login(tenant.email());
		String list = page.get("/prospects?department=13").body();
		HttpResponse<String> all = page.post("/prospects/bulk",
				Map.of("scope", "all", "department", "13", "addTag", "Sud", "_csrf", PageSession.csrf(list)), false);
		assertThat(all.statusCode()).isEqualTo(302);
		HttpResponse<String> after = page.get(PageSession.location(all));
		assertThat(after.statusCode()).as(PageSession.location(all)).isEqualTo(200);
		assertThat(after.body()).contains("5 agences seront modifiées en arrière-plan", "class=\"card bulk-job");
		Eventually.await(() -> this.prospects.names(tenant.token(), "/api/v1/prospects?tag=sud"),
				(names) -> names.size() == 5, "the agencies tagged");
	}

}
