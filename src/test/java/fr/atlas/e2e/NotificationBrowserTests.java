package fr.atlas.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atlas.cases.engine.FrenchPublicHolidays;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.Chromium;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.Eventually;
import fr.atlas.support.SignIn;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell of the top bar counts the member's unread notifications; the notifications
 * page lists them and marks one or all read.
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class NotificationBrowserTests {

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void theBellCountsUnreadNotificationsAndThePageMarksThemRead() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Cloche");
		String agentEmail = "agent-" + UUID.randomUUID() + "@example.test";
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
						insert into app_user (org_id, id, email, name, password_hash, roles)
						values (?, ?, ?, 'Julie Agent', ?, ?)""")
					.params(tenant.orgId(), UUID.randomUUID(), agentEmail, this.passwords.encode(ApiClient.PASSWORD),
							new String[] { "AGENT" })
					.update()));
		String agent = api.token(agentEmail, ApiClient.PASSWORD);
		Map<String, Object> created = api
			.post(agent, "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "T4 Brotteaux, budget 450 k€",
					"assigneeId", tenant.userId().toString(), "fields", Map.of("contactName", "Paul Durand")))
			.getBody();
		String handle = tenant.email().substring(0, tenant.email().indexOf('@'));
		api.post(agent, "/api/v1/cases/" + created.get("id") + "/notes",
				Map.of("text", "@" + handle + " le client veut visiter samedi, tu peux valider ?"));
		// asynchronous listeners notify: a loaded machine can take a while
		assertThat(Eventually.await(() -> unread(api, tenant), (n) -> n >= 2, "two unread notifications")).isEqualTo(2);

		String base = "http://localhost:" + this.port;
		try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 700))) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			Locator count = page.locator("#notification-bell .count");
			count.waitFor();
			assertThat(count.textContent()).isEqualTo("2");

			page.click("#notification-bell");
			page.waitForURL(base + "/notifications");
			assertThat(page.locator(".notification.unread").count()).isEqualTo(2);
			assertThat(page.locator(".notification").allTextContents())
				.anySatisfy(
						(text) -> assertThat(text).contains("Vous êtes mentionné dans le dossier", "visiter samedi"))
				.anySatisfy((text) -> assertThat(text).contains("vous est attribué", "T4 Brotteaux"));
			page.locator("#notification-bell .count").waitFor();
			Chromium.screenshot(page, "notifications-page");

			page.locator(".notification.unread .mark-read").first().click();
			page.waitForCondition(() -> page.locator(".notification.unread").count() == 1);
			page.waitForCondition(() -> "1".equals(page.locator("#notification-bell .count").textContent()));

			page.click("#read-all");
			page.waitForURL(base + "/notifications");
			page.waitForCondition(() -> page.locator(".notification.unread").count() == 0);
			assertThat(page.locator(".notification").count()).isEqualTo(2);
			page.waitForCondition(() -> page.locator("#notification-bell").count() == 1);
			assertThat(page.locator("#notification-bell .count").count()).isZero();
			assertThat(unread(api, tenant)).isZero();

			// switching to English shows the same notices in English
			page.navigate(base + "/notifications?lang=en");
			assertThat(page.locator(".notification").allTextContents())
				.anySatisfy((text) -> assertThat(text).contains("You were mentioned in case", "visiter samedi"))
				.anySatisfy((text) -> assertThat(text).contains("is assigned to you", "T4 Brotteaux"));
		}
	}

	@Test
	void administratorsSetTheWorkingHoursOnTheirPage() {
		ApiClient api = new ApiClient(this.port);
		Tenant tenant = api.newOrganisation("Agence Horaires");
		String base = "http://localhost:" + this.port;
		try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 800))) {
			Page page = context.newPage();
			SignIn.as(page, base, tenant.email());
			page.navigate(base + "/cases/working-hours");
			assertThat(page.locator("input[name='MONDAY.open']").isChecked()).isTrue();
			assertThat(page.locator("input[name='SATURDAY.open']").isChecked()).isFalse();
			LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
			LocalDate easterMonday = FrenchPublicHolidays.easterSunday(today.getYear()).plusDays(1);
			if (easterMonday.isBefore(today)) {
				easterMonday = FrenchPublicHolidays.easterSunday(today.getYear() + 1).plusDays(1);
			}
			assertThat(page.textContent("body")).contains(
					DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(easterMonday),
					DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(easterMonday.plusDays(38)));
			page.check("input[name='SATURDAY.open']");
			page.fill("input[name='SATURDAY.opens']", "09:30");
			page.fill("input[name='SATURDAY.closes']", "12:30");
			page.click("#working-hours-form button[type=submit]");
			page.waitForURL(base + "/cases/working-hours");
			assertThat(page.locator(".notice").textContent()).contains("enregistrées");
			Chromium.screenshot(page, "working-hours-page");

			page.fill("input[name='MONDAY.opens']", "19:00");
			page.click("#working-hours-form button[type=submit]");
			assertThat(page.locator("#working-hours-error").textContent()).startsWith("Lundi\u00A0: Horaires invalides")
				.doesNotContain("days.MONDAY");
			assertThat(page.locator("input[name='MONDAY.opens']").inputValue()).isEqualTo("19:00");
		}
		Map<String, Object> days = (Map<String, Object>) api.get(tenant.token(), "/api/v1/cases/working-hours")
			.getBody()
			.get("days");
		assertThat(days).hasSize(6)
			.containsEntry("SATURDAY", Map.of("opens", "09:30", "closes", "12:30"))
			.containsEntry("MONDAY", Map.of("opens", "09:00", "closes", "18:00"));
	}

	static long unread(ApiClient api, Tenant tenant) {
		return ((Number) api.get(tenant.token(), "/api/v1/notifications?unread=true").getBody().get("unread"))
			.longValue();
	}

}
