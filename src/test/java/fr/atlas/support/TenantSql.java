package fr.atlas.support;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL a test runs as one organisation, in a transaction of its own, as the application
 * runs it: row-level security shows that organisation's rows only. For what the API does
 * not show (audit entries, stored rows) and for set-ups the API cannot make.
 */
public final class TenantSql {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public TenantSql(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** What {@code work} gives, in one transaction as the organisation. */
	public <T> T as(OrgId org, Function<JdbcClient, T> work) {
		return CurrentTenant.callAs(org, () -> this.transactions.execute((status) -> work.apply(this.jdbc)));
	}

	public <T> T as(Tenant tenant, Function<JdbcClient, T> work) {
		return as(OrgId.of(tenant.orgId()), work);
	}

	/** The number a {@code select count(*) …} gives, as the organisation. */
	public long count(OrgId org, String sql) {
		return as(org, (jdbc) -> jdbc.sql(sql).query(Long.class).single());
	}

	/** The one text column a query selects, row by row, as the tenant's organisation. */
	public List<String> strings(Tenant tenant, String sql, Map<String, ?> params) {
		return as(tenant, (jdbc) -> jdbc.sql(sql).params(params).query(String.class).list());
	}

}
