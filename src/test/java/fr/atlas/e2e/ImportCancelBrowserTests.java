package fr.atlas.e2e;

import java.util.UUID;

import com.microsoft.playwright.Page;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.Namesakes;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancels, in Debian's Chromium, an import that waits in the queue with a row set aside
 * for the end of the file (ADR 0034): the page says it is stopping, then shows it
 * cancelled with every row up to where it stopped decided.
 */
@WebIntegrationTest
class ImportCancelBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Autowired
	TenantSql sql;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Test
	void cancelsAQueuedImportAndShowsItStopping() {
		Tenant tenant = new ApiClient(this.port).newOrganisation("Agence Annulation");
		OrgId org = OrgId.of(tenant.orgId());
		UUID job = Namesakes.draft(this.imports, org);
		// its one batch is written, row 2 set aside, then it waits in the queue, as an
		// import waiting for memory does (later than the poller looks)
		assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, 1))).isFalse();
		Namesakes.queueAgain(this.sql, org, job);

		String base = "http://localhost:" + this.port;
		try (var context = chromium.desktop("fr-FR")) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/prospects/imports/" + job);
			assertThat(page.locator("#import-status").textContent()).isEqualTo("En pause");
			assertThat(page.locator("#import-resumes").count()).isOne();
			page.click("form[action$='/cancel'] button[type=submit]");

			page.locator("#import-stopping").waitFor();
			assertThat(page.locator("#import-stopping").textContent()).startsWith("Annulation demandée");
			assertThat(page.locator("form[action$='/cancel']").count()).isZero();
			assertThat(page.locator("#import-resumes").count()).isZero();
			Chromium.screenshot(page, "import-cancel-stopping");

			// the worker decides row 2, then ends the job; the page follows it
			assertThat(CurrentTenant.callAs(org, () -> this.worker.run(job, Integer.MAX_VALUE))).isTrue();
			page.waitForCondition(() -> page.locator("#import-status").textContent().contains("Annulé"),
					new Page.WaitForConditionOptions().setTimeout(15_000));
			assertThat(page.locator("#progress").textContent()).contains("4 lignes traitées sur 4");
			assertThat(page.locator("#import-stopping").count()).isZero();
			Chromium.screenshot(page, "import-cancel-ended");

			// every row was read before it stopped: nothing to take up again
			assertThat(page.locator("#import-resume").count()).isZero();
		}
	}

}
