package fr.atlas.e2e;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page's task form takes a reminder; the workflow editor's assignment form takes
 * a distribution strategy.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class TaskReminderBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void aTaskGetsAReminderAndARuleAStrategy() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Rappel Écran");
		Map<String, Object> created = api
			.post(tenant.token(), "/api/v1/cases",
					Map.of("caseType", "LEAD_ACHAT", "title", "T3 Croix-Rousse", "assigneeId",
							tenant.userId().toString(), "fields", Map.of("contactName", "Paul Durand")))
			.getBody();
		String base = "http://localhost:" + this.port;
		try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 900))) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());

			page.navigate(base + "/cases/" + created.get("id"));
			page.fill("form[action$='/tasks'] input[name=title]", "Relancer le notaire");
			page.fill("input[name=dueAt]", "2301-03-06T18:00");
			page.fill("input[name=remindAt]", "2301-03-06T09:30");
			page.locator("input[name=remindAt]").press("Enter");
			page.waitForCondition(() -> page.content().contains("rappel le 06/03/2301 09:30"));
			page.locator("input[name=remindAt]").scrollIntoViewIfNeeded();
			Chromium.screenshot(page, "case-task-reminder");

			page.navigate(base + "/cases/types/LEAD_ACHAT/workflow#assignment-rules");
			page.fill("#assignment-rule-form input[name=name]", "Lyon");
			page.selectOption("#assignment-rule-form select[name=assignees]", tenant.userId().toString());
			page.selectOption("#assignment-rule-form select[name=strategy]", "ROUND_ROBIN");
			page.click("#assignment-rule-form button[type=submit]");
			page.waitForCondition(() -> page.content().contains("· À tour de rôle"));
			page.locator("#assignment-rules").scrollIntoViewIfNeeded();
			Chromium.screenshot(page, "assignment-rule-strategy");
		}
		Map<String, Object> rules = api.get(tenant.token(), "/api/v1/case-types/LEAD_ACHAT/assignment-rules").getBody();
		assertThat(rules.get("rules").toString()).contains("strategy=ROUND_ROBIN");
	}

}
