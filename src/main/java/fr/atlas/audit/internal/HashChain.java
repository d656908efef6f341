package fr.atlas.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.audit.AuditVerification;
import fr.atlas.platform.OrgId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an organisation's audit chain: each entry must follow the previous one without a
 * gap, link to its hash, and hash to what it stores; the last entry must be the head
 * recorded in {@code audit_chain}. Any change, removal or insertion therefore shows.
 */
@Component
public class HashChain {

	private final JdbcClient jdbc;

	HashChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public AuditVerification verify(OrgId orgId) {
		Walk walk = new Walk();
		this.jdbc.sql("""
				select seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id, summary,
				       correlation_id, client_ip, summary_message, prev_hash, hash
				from audit_entry where org_id = :org order by seq""")
			.param("org", orgId.value())
			.withFetchSize(500)
			.query(walk::step);
		Optional<Head> head = this.jdbc.sql("select last_seq, last_hash from audit_chain where org_id = :org")
			.param("org", orgId.value())
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
		boolean headMatches = head.map((h) -> h.lastSequence() == walk.sequence && h.lastHash().equals(walk.hash))
			.orElse(walk.entries == 0);
		return new AuditVerification(walk.intact && headMatches, walk.entries);
	}

	private record Head(long lastSequence, String lastHash) {
	}

	/** Walks the entries in sequence order, carrying the previous hash. */
	private static final class Walk {

		long entries;

		long sequence;

		String hash = AuditHash.GENESIS;

		boolean intact = true;

		void step(ResultSet rs) throws SQLException {
			this.entries++;
			long seq = rs.getLong("seq");
			UUID actor = rs.getObject("actor_id", UUID.class);
			String expected = AuditHash.of(this.hash, seq,
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					(actor != null) ? actor.toString() : null, rs.getString("actor_label"), rs.getString("action"),
					rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
					rs.getString("correlation_id"), rs.getString("client_ip"), rs.getString("summary_message"));
			String stored = rs.getString("hash");
			if (seq != this.sequence + 1 || !this.hash.equals(rs.getString("prev_hash")) || !expected.equals(stored)) {
				this.intact = false;
			}
			this.sequence = seq;
			this.hash = stored;
		}

	}

}
