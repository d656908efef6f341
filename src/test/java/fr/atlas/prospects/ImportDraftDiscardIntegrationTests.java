package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.PageSession;
import fr.atlas.support.TenantSql;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file sent to the wizard by mistake is abandoned from its columns step: the draft and
 * its file go, nothing is imported, and the audit log says so. Only a draft is abandoned,
 * and only by its own organisation's agents.
 */
@WebIntegrationTest
class ImportDraftDiscardIntegrationTests {

	private static final String CSV = "Raison sociale;Code postal;Ville\nAgence Abandonnée;69001;Lyon\n";

	@Autowired
	ApiClient api;

	@Autowired
	ProspectImports imports;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TenantSql sql;

	@Autowired
	TestMembers members;

	@LocalServerPort
	int port;

	@Test
	void theColumnsStepAbandonsTheDraftAndItsFile() throws Exception {
		ColumnsStep step = open("Brouillon abandonné", "erreur.csv", "fr");
		Tenant tenant = step.tenant();
		UUID draft = step.draft();
		PageSession pages = step.pages();
		assertThat(step.page()).contains("id=\"import-discard\"").contains("Abandonner cet import");
		assertThat(chunks(tenant, draft)).isPositive();

		HttpResponse<String> discarded = step.discard();

		assertThat(PageSession.location(discarded)).endsWith("/prospects/imports");
		assertThat(pages.get(PageSession.location(discarded)).body())
			.contains("Import de «\u00A0erreur.csv\u00A0» abandonné")
			.doesNotContain("/prospects/imports/" + draft);
		assertThat(count(tenant, "select count(*) from import_job")).isZero();
		assertThat(chunks(tenant, draft)).isZero();
		assertThat(this.api.get(tenant.token(), "/api/v1/imports/" + draft).getStatusCode().value()).isEqualTo(404);
		assertThat(count(tenant, "select count(*) from agency")).isZero();
		Map<String, Object> audit = this.api
			.get(tenant.token(), "/api/v1/audit?action=import.discarded&entityId=" + draft)
			.getBody();
		assertThat(audit.toString()).contains("erreur.csv").contains(tenant.userId().toString());
	}

	@Test
	void anImportStartedMeanwhileIsNotAbandoned() throws Exception {
		ColumnsStep step = open("Brouillon lancé ailleurs", "lance.csv", "fr");
		// started from another tab while this one still showed the columns step
		CurrentTenant.runAs(OrgId.of(step.tenant().orgId()), () -> this.imports.start(step.draft(), Map.of()));
		this.prospects.waitFor(step.tenant().token(), step.draft().toString());

		HttpResponse<String> refused = step.discard();

		assertThat(PageSession.location(refused)).endsWith("/prospects/imports/" + step.draft());
		assertThat(step.pages().get(PageSession.location(refused)).body()).contains("a déjà été lancé");
		assertThat(this.api.get(step.tenant().token(), "/api/v1/imports/" + step.draft()).getBody())
			.containsEntry("status", "DONE")
			.containsEntry("created", 1);
	}

	@Test
	void onlyTheDraftsOrganisationsAgentsAbandonIt() throws Exception {
		Tenant owner = this.api.newOrganisation("Brouillon gardé");
		UUID draft = draft(owner, "garde.csv");
		Tenant other = this.api.newOrganisation("Autre agence");
		PageSession stranger = new PageSession(this.port).login(other.email());
		HttpResponse<String> refused = stranger.post("/prospects/imports/" + draft + "/discard",
				Map.of("_csrf", PageSession.csrf(stranger.get("/prospects/imports").body())), false);
		assertThat(refused.statusCode()).isEqualTo(404);

		var viewer = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER");
		PageSession reader = new PageSession(this.port).login(viewer.email());
		String mapping = reader.get("/prospects/imports/" + draft + "/mapping").body();
		assertThat(mapping).doesNotContain("id=\"import-discard\"");
		assertThat(reader
			.post("/prospects/imports/" + draft + "/discard", Map.of("_csrf", PageSession.csrf(mapping)), false)
			.statusCode()).isEqualTo(403);

		assertThat(count(owner, "select count(*) from import_job where status = 'DRAFT'")).isOne();
		assertThat(chunks(owner, draft)).isPositive();
	}

	@Test
	void saysItInEnglish() throws Exception {
		ColumnsStep step = open("Draft abandoned", "wrong.csv", "en");
		assertThat(step.page()).contains("Abandon this import");
		HttpResponse<String> discarded = step.discard();
		assertThat(step.pages().get(PageSession.location(discarded)).body())
			.contains("Import of “wrong.csv” abandoned: the file was deleted");
		// the owner's language back to French for the other tests of this context
		step.pages().get("/?lang=fr");
	}

	/** A new organisation's owner at the columns step of a draft, in a language. */
	private ColumnsStep open(String organisation, String file, String language) throws Exception {
		Tenant tenant = this.api.newOrganisation(organisation);
		UUID draft = draft(tenant, file);
		PageSession pages = new PageSession(this.port).login(tenant.email());
		String page = pages.get("/prospects/imports/" + draft + "/mapping?lang=" + language).body();
		return new ColumnsStep(tenant, draft, pages, page);
	}

	private record ColumnsStep(Tenant tenant, UUID draft, PageSession pages, String page) {

		HttpResponse<String> discard() throws Exception {
			return this.pages.post("/prospects/imports/" + this.draft + "/discard",
					Map.of("_csrf", PageSession.csrf(this.page)), false);
		}

	}

	private UUID draft(Tenant tenant, String name) {
		return CurrentTenant.callAs(OrgId.of(tenant.orgId()),
				() -> this.imports
					.submit(name, new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), Map.of(),
							tenant.userId(), false)
					.job()
					.id());
	}

	private long chunks(Tenant tenant, UUID job) {
		return this.sql.as(OrgId.of(tenant.orgId()),
				(jdbc) -> jdbc.sql("select count(*) from import_file_chunk where job_id = :job")
					.param("job", job)
					.query(Long.class)
					.single());
	}

	private long count(Tenant tenant, String sql) {
		return this.sql.count(OrgId.of(tenant.orgId()), sql);
	}

}
