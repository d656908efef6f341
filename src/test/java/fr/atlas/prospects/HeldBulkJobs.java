package fr.atlas.prospects;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues a background bulk change that no worker runs: a test then runs it chunk by chunk
 * itself ({@code ProspectBulkWorker.run}), to stop it halfway.
 */
public final class HeldBulkJobs {

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	public HeldBulkJobs(DataSource dataSource, TransactionTemplate tx, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.tx = tx;
		this.jdbc = jdbc;
	}

	/** The job {@code POST /api/v1/prospects/bulk} queued (202), put off for an hour. */
	@SuppressWarnings("rawtypes")
	public String queue(ApiClient api, Tenant tenant, Map<String, Object> body) throws SQLException {
		// while this lock is held no worker claims the organisation's jobs
		try (Connection holder = this.dataSource.getConnection()) {
			lock(holder, "select pg_advisory_lock(hashtextextended('atlas.bulk:' || ?::text, 0))", tenant);
			ResponseEntity<Map> accepted = api.post(tenant.token(), "/api/v1/prospects/bulk", body);
			assertThat(accepted.getStatusCode().value()).isEqualTo(202);
			String id = (String) accepted.getBody().get("id");
			CurrentTenant.runAs(OrgId.of(tenant.orgId()),
					() -> this.tx.executeWithoutResult((s) -> this.jdbc
						.sql("update prospect_bulk_job set not_before = now() + interval '1 hour' where id = :id::uuid")
						.param("id", id)
						.update()));
			lock(holder, "select pg_advisory_unlock(hashtextextended('atlas.bulk:' || ?::text, 0))", tenant);
			return id;
		}
	}

	/** Marks the job FAILED, as a node that stopped leaves it for a retry. */
	public void fail(Tenant tenant, String id) {
		CurrentTenant.runAs(OrgId.of(tenant.orgId()), () -> this.tx.executeWithoutResult((s) -> this.jdbc.sql(
				"update prospect_bulk_job set status = 'FAILED', error = 'arrêt du nœud', finished_at = now() - interval '1 hour' where id = :id::uuid")
			.param("id", id)
			.update()));
	}

	private static void lock(Connection connection, String sql, Tenant tenant) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, tenant.orgId().toString());
			statement.executeQuery().close();
		}
	}

}
