package fr.atlas.prospects.internal;

import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys stored under older rules (ADR 0035): an import matches by the keys the rules give
 * now, and the refresh rewrites the stored ones, each organisation as itself.
 */
@WebIntegrationTest
class AgencyKeyRefreshIntegrationTests {

	private static final String CSV = """
			Raison sociale;E-mail;Code postal;Ville
			Immobilière des Alpes;alpes@exemple.fr;38000;Grenoble
			Cabinet Sainte-Anne;anne@exemple.fr;13008;Marseille
			Agence du Port - Sète;port@exemple.fr;34200;Sète
			;contact@sans-nom.fr;75008;Paris
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	AgencyKeyRefresh refresh;

	@Autowired
	Agencies agencies;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void importsMatchByTheKeysOfTheRulesAndTheRefreshRewritesThem() {
		ApiClient.Tenant first = this.api.newOrganisation("Clés anciennes");
		ApiClient.Tenant second = this.api.newOrganisation("Clés anciennes aussi");
		for (ApiClient.Tenant tenant : new ApiClient.Tenant[] { first, second }) {
			assertThat(this.prospects.importAndWait(tenant.token(), "cles.csv", CSV)).containsEntry("created", 4);
			// as an older version of the rules would have written them
			execute(tenant, """
					update agency set name_key = 'zz immobiliere des alpes', city_key = 'grenoble cedex'
					where name = 'Immobilière des Alpes'""");
		}
		OrgId firstOrg = OrgId.of(first.orgId());
		OrgId secondOrg = OrgId.of(second.orgId());

		// only the stale agency changes: the others, and the empty key of the agency
		// with no name, are what the rules give
		assertThat(CurrentTenant.callAs(firstOrg, this.refresh::refreshCurrent)).isOne();
		assertThat(keys(firstOrg)).isEqualTo(NameKey.withoutTown("Immobilière des Alpes", "Grenoble") + "|grenoble");
		assertThat(followTheRules(firstOrg)).isTrue();
		assertThat(CurrentTenant.callAs(firstOrg, this.refresh::refreshCurrent)).isZero();
		// the other organisation's keys are its own business
		assertThat(keys(secondOrg)).isEqualTo("zz immobiliere des alpes|grenoble cedex");
		assertThat(followTheRules(secondOrg)).isFalse();

		// its import works the keys out again: a row that only the name and place tie
		// to the agency merges into it
		Map<String, Object> again = this.prospects.importAndWait(second.token(), "encore.csv",
				"Raison sociale;Téléphone;Code postal;Ville\nImmobiliere des Alpes;04 76 00 00 01;38000;Grenoble\n");
		assertThat(again).containsEntry("created", 0).containsEntry("merged", 1);

		// the background pass takes every organisation whose keys follow older rules
		for (int pass = 0; pass < 100 && keys(secondOrg).startsWith("zz"); pass++) {
			this.refresh.refresh();
		}
		assertThat(keys(secondOrg)).isEqualTo(keys(firstOrg));
	}

	@Test
	void refreshesALargeOrganisationSomeAgenciesATransaction() {
		ApiClient.Tenant tenant = this.api.newOrganisation("Clés par lots");
		assertThat(this.prospects.importAndWait(tenant.token(), "cles.csv", CSV)).containsEntry("created", 4);
		execute(tenant, "update agency set name_key = 'zz ' || name_key, city_key = 'zz' where name_key <> ''");
		OrgId org = OrgId.of(tenant.orgId());
		AgencyKeyRefresh inPairs = new AgencyKeyRefresh(this.jdbc, this.template, this.tx, 2);

		int changed = CurrentTenant.callAs(org, inPairs::refreshCurrent);
		assertThat(changed).isEqualTo(3);
		long stale = this.sql.count(org, "select count(*) from agency where name_key like 'zz%' or city_key = 'zz'");
		assertThat(stale).isZero();
		assertThat(followTheRules(org)).isTrue();
	}

	private boolean followTheRules(OrgId org) {
		return Boolean.TRUE
			.equals(CurrentTenant.callAs(org, () -> this.tx.execute((s) -> this.agencies.keysFollowTheRules())));
	}

	private String keys(OrgId org) {
		return this.sql.as(org,
				(jdbc) -> jdbc
					.sql("select name_key || '|' || city_key from agency where name = 'Immobilière des Alpes'")
					.query(String.class)
					.single());
	}

	private void execute(ApiClient.Tenant tenant, String sql) {
		this.sql.as(tenant, (jdbc) -> jdbc.sql(sql).update());
	}

}
