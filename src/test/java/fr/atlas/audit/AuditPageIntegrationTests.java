package fr.atlas.audit;

import java.sql.SQLException;
import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@WebIntegrationTest
class AuditPageIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ApiClient api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void showsTheLogWithFiltersAndTheIntegrityCheck() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Journal");
		MockHttpSession session = login(tenant.email());
		String page = html(this.mvc.perform(get("/audit").session(session)).andReturn(), 200);
		assertThat(page).contains("<title>Journal d’audit · Atlas</title>")
			.contains("organisation.created", "member.joined", "api-token.created")
			.contains(tenant.email())
			.contains("id=\"audit-verify\"")
			.contains("hx-get=\"/audit/verify\"")
			.contains("href=\"/audit\"");

		String filtered = html(this.mvc
			.perform(get("/audit").param("action", "member.joined").header("HX-Request", "true").session(session))
			.andReturn(), 200);
		assertThat(filtered).doesNotContain("<html").contains("id=\"audit-results\"", "member.joined");
		assertThat(filtered).doesNotContain("organisation.created");

		String verification = html(
				this.mvc.perform(get("/audit/verify").header("HX-Request", "true").session(session)).andReturn(), 200);
		Object entries = this.api.get(tenant.token(), "/api/v1/audit/verify").getBody().get("entries");
		assertThat(verification).contains("Chaîne intacte", entries + " entrées vérifiées");
	}

	@Test
	void showsBadDatesInlineAndSpeaksEnglish() throws Exception {
		Tenant tenant = this.api.newOrganisation("Dates");
		MockHttpSession session = login(tenant.email());
		String page = html(this.mvc.perform(get("/audit").param("from", "hier").session(session)).andReturn(), 200);
		assertThat(page).contains("Date invalide");
		String english = html(this.mvc.perform(get("/audit").param("lang", "en").session(session)).andReturn(), 200);
		assertThat(english).contains("Audit log", "Check integrity");
	}

	@Test
	void namesActionsAndObjectTypesInWordsAndKeepsTheirCodesAsTooltips() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Libellés");
		MockHttpSession session = login(tenant.email());
		String french = html(
				this.mvc.perform(get("/audit").param("action", "member.joined").session(session)).andReturn(), 200);
		assertThat(french).containsPattern("<span[^>]*title=\"member.joined\"[^>]*>Nouveau membre</span>")
			.containsPattern("<span[^>]*title=\"member\"[^>]*>Membre</span>");

		String english = html(this.mvc
			.perform(get("/audit").param("action", "member.joined").header("Accept-Language", "en").session(session))
			.andReturn(), 200);
		assertThat(english).containsPattern("<span[^>]*title=\"member.joined\"[^>]*>Member joined</span>")
			.containsPattern("<span[^>]*title=\"member\"[^>]*>Member</span>")
			.doesNotContain("Nouveau membre");
	}

	@Test
	void showsTheCodeOfAnActionWithoutWords() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Inédite");
		OrgId orgId = OrgId.of(tenant.orgId());
		CurrentTenant.runAs(orgId,
				() -> this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new Unnamed(orgId))));
		MockHttpSession session = login(tenant.email());
		String page = html(this.mvc.perform(get("/audit").param("action", "test.unnamed").session(session)).andReturn(),
				200);
		assertThat(page).containsPattern("<span[^>]*title=\"test.unnamed\"[^>]*>test.unnamed</span>")
			.containsPattern("<span[^>]*title=\"gadget\"[^>]*>gadget</span>");
	}

	@Test
	void offersTheActionsAndTypesOfItsOwnLogInWords() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Filtres");
		OrgId orgId = OrgId.of(tenant.orgId());
		CurrentTenant.runAs(orgId,
				() -> this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new Unnamed(orgId))));
		MockHttpSession session = login(tenant.email());
		String page = html(
				this.mvc.perform(get("/audit").param("action", "member.joined").session(session)).andReturn(), 200);
		assertThat(page).containsPattern("<option value=\"member.joined\"[^>]*selected[^>]*>Nouveau membre</option>")
			.containsPattern("<option value=\"organisation.created\"[^>]*>Organisation créée</option>")
			.containsPattern("<option value=\"test.unnamed\"[^>]*>test.unnamed</option>")
			.containsPattern("<option value=\"member\"[^>]*>Membre</option>");

		Tenant other = this.api.newOrganisation("Agence Voisine");
		String theirs = html(this.mvc.perform(get("/audit").session(login(other.email()))).andReturn(), 200);
		assertThat(theirs).contains("<option value=\"member.joined\"").doesNotContain("test.unnamed", "gadget");
	}

	/**
	 * An entry without an actor is the system's when no request made it, a signed-out
	 * visitor's when one did: a wrong password typed on the login page is not the
	 * system's doing.
	 */
	@Test
	void tellsASignedOutVisitorFromTheSystem() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence des Visiteurs");
		OrgId orgId = OrgId.of(tenant.orgId());
		assertThat(this.api
			.post(null, "/api/v1/auth/tokens",
					Map.of("email", tenant.email(), "password", "Pas-le-bon-42", "name", "essai"))
			.getStatusCode()
			.value()).isEqualTo(401);
		CurrentTenant.runAs(orgId,
				() -> this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new Unnamed(orgId))));
		MockHttpSession session = login(tenant.email());
		String failed = html(
				this.mvc.perform(get("/audit").param("action", "member.sign-in-failed").session(session)).andReturn(),
				200);
		assertThat(failed).contains("Visiteur non connecté").doesNotContain(">Système<");
		String system = html(
				this.mvc.perform(get("/audit").param("action", "test.unnamed").session(session)).andReturn(), 200);
		assertThat(system).contains(">Système<").doesNotContain("Visiteur non connecté");
		String english = html(this.mvc.perform(
				get("/audit").param("action", "member.sign-in-failed").header("Accept-Language", "en").session(session))
			.andReturn(), 200);
		assertThat(english).contains("Signed-out visitor");
	}

	@Test
	void pagesThroughTheLog() throws Exception {
		Tenant tenant = this.api.newOrganisation("Pagination");
		// five entries: the organisation, its owner, their sign-in for the tests'
		// token, the token, their sign-in here
		MockHttpSession session = login(tenant.email());
		String first = html(this.mvc.perform(get("/audit").param("size", "2").session(session)).andReturn(), 200);
		assertThat(first).contains("Page 1 sur 3", "rel=\"next\"", "/audit?size=2&amp;page=1")
			.doesNotContain("rel=\"prev\"");
		String last = html(
				this.mvc.perform(get("/audit").param("size", "2").param("page", "2").session(session)).andReturn(),
				200);
		assertThat(last).contains("Page 3 sur 3", "rel=\"prev\"").doesNotContain("rel=\"next\"");
	}

	@Test
	void isHiddenAndRefusedBelowManager() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agents");
		String agent = new DatabaseRoles(this.environment).addMember(tenant.orgId(), "AGENT", this.passwords);
		MockHttpSession session = login(agent);
		assertThat(this.mvc.perform(get("/audit").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		String home = html(this.mvc.perform(get("/").session(session)).andReturn(), 200);
		assertThat(home).doesNotContain("href=\"/audit\"");
	}

	private MockHttpSession login(String email) throws Exception {
		MvcResult result = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(ApiClient.PASSWORD))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static String html(MvcResult result, int status) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** An audited change no bundle has words for. */
	record Unnamed(OrgId orgId) implements Auditable {

		@Override
		public String action() {
			return "test.unnamed";
		}

		@Override
		public String entityType() {
			return "gadget";
		}

		@Override
		public String entityId() {
			return "gadget-1";
		}

		@Override
		public AuditSummary summary() {
			return AuditSummary.of("test.unnamed.summary");
		}

	}

}
