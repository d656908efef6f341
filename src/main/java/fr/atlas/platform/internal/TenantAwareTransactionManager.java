package fr.atlas.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Sets {@code app.org_id} for the duration of each transaction from
 * {@link CurrentTenant}. {@code set_config(..., true)} is transaction-local, so a pooled
 * connection never carries one organisation's setting into another's work; with no tenant
 * the setting is empty and every row-level security policy shows nothing.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

	TenantAwareTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		String orgId = CurrentTenant.get().map(OrgId::toString).orElse("");
		try (PreparedStatement statement = connection.prepareStatement("select set_config('app.org_id', ?, true)")) {
			statement.setString(1, orgId);
			statement.execute();
		}
	}

}
