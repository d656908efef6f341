package fr.atlas.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WebIntegrationTest
class AuditLogIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	DatabaseRoles database;

	@BeforeEach
	void setUp() {
		this.database = new DatabaseRoles(this.environment);
	}

	@Test
	void recordsSignupAndTokenWithActorCorrelationIdAndClientIp() {
		String email = "audit-" + UUID.randomUUID() + "@example.test";
		String signupCorrelation = "signup-" + UUID.randomUUID();
		ResponseEntity<Map> signup = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header("X-Correlation-Id", signupCorrelation)
			.header("X-Forwarded-For", "203.0.113.7")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("organisation", "Agence Traçable", "name", "Claire", "email", email, "password",
					ApiClient.PASSWORD))
			.retrieve()
			.toEntity(Map.class);
		assertThat(signup.getStatusCode().value()).isEqualTo(201);
		assertThat(signup.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(signupCorrelation);
		String userId = (String) signup.getBody().get("userId");
		String orgId = (String) signup.getBody().get("orgId");
		String tokenCorrelation = "token-" + UUID.randomUUID();
		ResponseEntity<Map> issued = this.api.raw()
			.post()
			.uri("/api/v1/auth/tokens")
			.header("X-Correlation-Id", tokenCorrelation)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", ApiClient.PASSWORD, "name", "audit"))
			.retrieve()
			.toEntity(Map.class);
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String token = (String) issued.getBody().get("token");

		List<Map<String, Object>> created = items(this.api.get(token, "/api/v1/audit?action=organisation.created"));
		assertThat(created).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("sequence", 1)
				.containsEntry("actorId", userId)
				.containsEntry("actorLabel", email)
				.containsEntry("entityType", "organisation")
				.containsEntry("entityId", orgId)
				.containsEntry("correlationId", signupCorrelation)
				.containsEntry("clientIp", "203.0.113.7");
			assertThat((String) entry.get("summary")).contains("Agence Traçable");
			assertThat((String) entry.get("hash")).hasSize(64);
			assertThat(Instant.parse((String) entry.get("occurredAt"))).isCloseTo(Instant.now(),
					org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
		});
		List<Map<String, Object>> tokens = items(this.api.get(token, "/api/v1/audit?action=api-token.created"));
		assertThat(tokens).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("actorId", userId)
				.containsEntry("actorLabel", email)
				.containsEntry("entityId", issued.getBody().get("id"))
				.containsEntry("correlationId", tokenCorrelation)
				.containsEntry("clientIp", "127.0.0.1");
		});
	}

	@Test
	void recordsTheAuthenticatedMemberAsActorOfATokenRevocation() {
		Tenant tenant = this.api.newOrganisation("Révocations auditées");
		var second = this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "second"));
		String correlation = "revoke-" + UUID.randomUUID();
		var revoked = this.api.raw()
			.delete()
			.uri("/api/v1/tokens/" + second.getBody().get("id"))
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.header("X-Correlation-Id", correlation)
			.retrieve()
			.toBodilessEntity();
		assertThat(revoked.getStatusCode().value()).isEqualTo(204);
		assertThat(items(this.api.get(tenant.token(), "/api/v1/audit?action=api-token.revoked"))).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("actorId", tenant.userId().toString())
				.containsEntry("actorLabel", tenant.email())
				.containsEntry("correlationId", correlation)
				.containsEntry("entityId", second.getBody().get("id")));
	}

	@Test
	void filtersByActorActionEntityAndPeriod() {
		Tenant tenant = this.api.newOrganisation("Filtres");
		String email = tenant.email();
		int all = signupEntries(tenant);
		assertThat(total(tenant, "?action=member.joined")).isEqualTo(1);
		assertThat(total(tenant, "?entityType=api-token")).isEqualTo(1);
		assertThat(total(tenant, "?entityType=organisation&entityId=" + tenant.orgId())).isEqualTo(1);
		assertThat(total(tenant, "?entityId=" + UUID.randomUUID())).isZero();
		assertThat(total(tenant, "?actor=" + tenant.userId())).isEqualTo(all);
		assertThat(total(tenant, "?actor=" + UUID.randomUUID())).isZero();
		assertThat(total(tenant, "?actor=" + email.substring(6, 20).toUpperCase())).isEqualTo(all);
		assertThat(total(tenant, "?actor=nobody%25")).isZero();

		Instant now = Instant.now();
		assertThat(total(tenant, "?from=" + now.minus(1, ChronoUnit.HOURS) + "&to=" + now.plus(1, ChronoUnit.HOURS)))
			.isEqualTo(all);
		assertThat(total(tenant, "?from=" + now.plus(1, ChronoUnit.HOURS))).isZero();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
		assertThat(total(tenant, "?from=" + today + "&to=" + today)).isEqualTo(all);
		assertThat(total(tenant, "?to=" + today.minusDays(1))).isZero();
		assertThat(total(tenant, "?from=" + today.plusDays(1))).isZero();
	}

	@Test
	void pagesNewestFirst() {
		Tenant tenant = this.api.newOrganisation("Pages");
		int base = signupEntries(tenant);
		// each token asked for with a password: the sign-in and the token, two entries
		for (int i = 0; i < 5; i++) {
			this.api.token(tenant.email(), ApiClient.PASSWORD);
		}
		var first = this.api.get(tenant.token(), "/api/v1/audit?size=3");
		assertThat(first.getBody()).containsEntry("page", 0).containsEntry("size", 3).containsEntry("total", base + 10);
		assertThat(items(first)).extracting((e) -> e.get("sequence")).containsExactly(base + 10, base + 9, base + 8);
		int lastPage = (base + 10 - 1) / 3;
		var last = this.api.get(tenant.token(), "/api/v1/audit?size=3&page=" + lastPage);
		assertThat(items(last)).extracting((e) -> e.get("sequence")).last().isEqualTo(1);
		assertThat(items(this.api.get(tenant.token(), "/api/v1/audit?size=3&page=" + (lastPage + 1)))).isEmpty();
		assertThat(this.api.get(tenant.token(), "/api/v1/audit").getBody()).containsEntry("size", 50);
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?size=200").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void bringsPagingOutOfRangeToItsBoundsAsEveryListDoes() {
		Tenant tenant = this.api.newOrganisation("Bornes");
		// the answer says the page and size it used (ADR 0073)
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?size=201").getBody()).containsEntry("size", 200);
		assertThat(this.api.get(tenant.token(), "/api/v1/audit?size=100000").getBody()).containsEntry("size", 200);
		var smallest = this.api.get(tenant.token(), "/api/v1/audit?size=0");
		assertThat(smallest.getBody()).containsEntry("size", 1).containsEntry("page", 0);
		assertThat(items(smallest)).hasSize(1);
		var first = this.api.get(tenant.token(), "/api/v1/audit?page=-1&size=-5");
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(first.getBody()).containsEntry("page", 0).containsEntry("size", 1);
		assertThat(items(first)).isEqualTo(items(smallest));
	}

	@Test
	void rejectsBadPagingAndDatesWithFieldErrors() {
		Tenant tenant = this.api.newOrganisation("Erreurs");
		assertThat(fields(this.api.get(tenant.token(), "/api/v1/audit?page=abc"))).containsExactly("page");
		assertThat(fields(this.api.get(tenant.token(), "/api/v1/audit?from=23/11/2026&to=hier")))
			.containsExactlyInAnyOrder("from", "to");
		assertThat(fields(this.api.get(tenant.token(), "/api/v1/audit?from=2026-11-23&to=2026-11-01")))
			.containsExactly("to");
	}

	@Test
	void verifiesTheChainAndDetectsATamperedEntry() throws SQLException {
		Tenant tenant = this.api.newOrganisation("Intègre");
		int all = signupEntries(tenant);
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", true)
			.containsEntry("entries", all);
		try (Connection owner = this.database.owner();
				var tamper = owner.prepareStatement(
						"update audit_entry set summary = summary || ' (modifié)' where org_id = ? and seq = 2")) {
			tamper.setObject(1, tenant.orgId());
			assertThat(tamper.executeUpdate()).isEqualTo(1);
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", false)
			.containsEntry("entries", all);
	}

	@Test
	void detectsARemovedLastEntryThroughTheChainHead() throws SQLException {
		Tenant tenant = this.api.newOrganisation("Tronquée");
		int all = signupEntries(tenant);
		try (Connection owner = this.database.owner();
				var remove = owner.prepareStatement("delete from audit_entry where org_id = ? and seq = ?")) {
			remove.setObject(1, tenant.orgId());
			remove.setLong(2, all);
			assertThat(remove.executeUpdate()).isEqualTo(1);
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", false)
			.containsEntry("entries", all - 1);
	}

	@Test
	void appRoleCanNeitherChangeNorDeleteEntries() throws SQLException {
		Tenant tenant = this.api.newOrganisation("Immuable");
		int all = signupEntries(tenant);
		try (Connection app = this.database.app(); var statement = app.createStatement()) {
			statement.execute("select set_config('app.org_id', '" + tenant.orgId() + "', false)");
			for (String sql : List.of("update audit_entry set summary = 'effacé'", "delete from audit_entry",
					"truncate audit_entry")) {
				assertThatExceptionOfType(SQLException.class).as(sql)
					.isThrownBy(() -> statement.executeUpdate(sql))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			}
		}
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", true)
			.containsEntry("entries", all);
	}

	@Test
	void anotherOrganisationSeesNoneOfTheEntries() {
		Tenant a = this.api.newOrganisation("Agence A");
		Tenant b = this.api.newOrganisation("Agence B");
		int entriesOfB = signupEntries(b);
		var all = this.api.get(b.token(), "/api/v1/audit?size=200");
		assertThat(all.getBody()).containsEntry("total", entriesOfB);
		assertThat(items(all)).extracting((e) -> e.get("actorId")).containsOnly(b.userId().toString());
		assertThat(total(b, "?entityId=" + a.orgId())).isZero();
		assertThat(total(b, "?actor=" + a.userId())).isZero();
		assertThat(total(b, "?actor=" + a.email())).isZero();
		assertThat(this.api.get(b.token(), "/api/v1/audit/verify").getBody()).containsEntry("entries", entriesOfB);
	}

	@Test
	void summariesReadInTheReadersLanguageNameMembersAndKeepTheChainValid() {
		Tenant tenant = this.api.newOrganisation("Agence Bilingue");
		this.api.post(null, "/api/v1/auth/tokens",
				Map.of("email", tenant.email(), "password", ApiClient.PASSWORD, "name", "cli"));
		List<Map<String, Object>> french = items(
				this.api.get(tenant.token(), "/api/v1/audit?action=api-token.created"));
		String name = "Owner Agence Bilingue";
		assertThat(french).extracting((entry) -> (String) entry.get("summary"))
			.contains("Jeton d’API «\u00A0cli\u00A0» créé pour " + name)
			.noneMatch((summary) -> summary.contains(tenant.userId().toString()));
		List<Map<String, Object>> english = inEnglish(tenant, "/api/v1/audit?action=api-token.created");
		assertThat(english).extracting((entry) -> (String) entry.get("summary"))
			.contains("API token “cli” created for " + name);
		List<Map<String, Object>> joined = inEnglish(tenant, "/api/v1/audit?action=member.joined");
		assertThat(joined).singleElement().satisfies((entry) -> {
			assertThat((String) entry.get("summary"))
				.isEqualTo(tenant.email() + " joined the organisation (roles: Owner)");
			assertThat(entry).containsEntry("entityId", tenant.userId().toString()).containsEntry("entityLabel", name);
		});
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", true);
	}

	@Test
	void aModuleSwitchNamesTheModuleInTheReadersLanguage() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Modulaire");
		assertThat(
				this.api.put(tenant.token(), "/api/v1/modules/cases", Map.of("enabled", false)).getStatusCode().value())
			.isEqualTo(200);
		List<Map<String, Object>> french = items(this.api.get(tenant.token(), "/api/v1/audit?action=feature.toggled"));
		assertThat(french).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("entityId", "cases").containsEntry("entityLabel", "Dossiers");
		});
		assertThat(inEnglish(tenant, "/api/v1/audit?action=feature.toggled")).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("entityLabel", "Cases"));
		// the page's object column: the label, the key as its tooltip
		String page = new PageSession(this.port).login(tenant.email()).get("/audit?action=feature.toggled").body();
		assertThat(page).contains("<span class=\"audit-entity-label\" title=\"cases\">Dossiers</span>")
			.doesNotContain("<code class=\"audit-id\">cases</code>");
	}

	@Test
	void anEntryWithoutMessageShowsItsFrenchTextAndRemovingAMessageBreaksTheChain() throws SQLException {
		Tenant tenant = this.api.newOrganisation("Agence Ancienne");
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", true);
		try (Connection owner = this.database.owner();
				var strip = owner.prepareStatement("update audit_entry set summary_message = null where org_id = ?")) {
			// what entries written before ADR 0053 look like
			strip.setObject(1, tenant.orgId());
			assertThat(strip.executeUpdate()).isPositive();
		}
		List<Map<String, Object>> joined = inEnglish(tenant, "/api/v1/audit?action=member.joined");
		assertThat(joined).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("summary"))
				.isEqualTo(tenant.email() + " a rejoint l’organisation (rôles\u00A0: Propriétaire)"));
		// new entries are hashed with their message: taking it away shows
		assertThat(this.api.get(tenant.token(), "/api/v1/audit/verify").getBody()).containsEntry("valid", false);
	}

	@Test
	void isForManagersAndAbove() throws SQLException {
		Tenant tenant = this.api.newOrganisation("Rôles");
		assertThat(this.api.get(null, "/api/v1/audit").getStatusCode().value()).isEqualTo(401);
		String agent = this.api.token(this.database.addMember(tenant.orgId(), "AGENT", this.passwords),
				ApiClient.PASSWORD);
		assertThat(this.api.get(agent, "/api/v1/audit").getStatusCode().value()).isEqualTo(403);
		assertThat(this.api.get(agent, "/api/v1/audit/verify").getStatusCode().value()).isEqualTo(403);
		String manager = this.api.token(this.database.addMember(tenant.orgId(), "MANAGER", this.passwords),
				ApiClient.PASSWORD);
		assertThat(this.api.get(manager, "/api/v1/audit").getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.get(manager, "/api/v1/audit/verify").getBody()).containsEntry("valid", true);
	}

	@Test
	void documentsTheFiltersInTheOpenApiDocument() {
		String document = this.api.getText(null, "/v3/api-docs").getBody();
		assertThat(document).contains("\"/api/v1/audit\"", "\"/api/v1/audit/verify\"");
		assertThat(document).contains("\"name\":\"actor\"", "\"name\":\"entityType\"", "\"name\":\"from\"",
				"\"name\":\"size\"");
	}

	private long total(Tenant tenant, String query) {
		ResponseEntity<Map> response = this.api.get(tenant.token(), "/api/v1/audit" + query);
		assertThat(response.getStatusCode().value()).as(query).isEqualTo(200);
		return ((Number) response.getBody().get("total")).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("items");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> fields(ResponseEntity<Map> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
			.map((e) -> e.get("field"))
			.toList();
	}

	/**
	 * What sign-up wrote for a new organisation (its creation, its owner joining, the
	 * token of the tests, and whatever the modules seed), checked to be at least those
	 * three and all by the owner.
	 */
	private int signupEntries(Tenant tenant) {
		var all = this.api.get(tenant.token(), "/api/v1/audit?size=200");
		assertThat(items(all)).extracting((e) -> e.get("action"))
			.contains("organisation.created", "member.joined", "api-token.created");
		return (int) all.getBody().get("total");
	}

	/** The entries of an audit address, as a reader who chose English gets them. */
	private List<Map<String, Object>> inEnglish(Tenant tenant, String path) {
		return items(this.api.raw()
			.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.header("Accept-Language", "en")
			.retrieve()
			.toEntity(Map.class));
	}

}
