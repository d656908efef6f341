package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only history of a case. Entries are written in the transaction of the change
 * they describe.
 */
@Service
@Transactional
public class Timeline {

	private final JdbcClient jdbc;

	private final CaseJson json;

	private final Members members;

	Timeline(JdbcClient jdbc, CaseJson json, Members members) {
		this.jdbc = jdbc;
		this.json = json;
		this.members = members;
	}

	void record(UUID caseId, String kind, @Nullable UserId author, Instant at, Map<String, Object> payload) {
		this.jdbc.sql("""
				insert into case_event (org_id, id, case_id, kind, author_id, occurred_at, payload)
				values (:org, :id, :case, :kind, :author, :at, :payload::jsonb)""")
			.param("org", CurrentTenant.require().value())
			.param("id", UUID.randomUUID())
			.param("case", caseId)
			.param("kind", kind)
			.param("author", (author != null) ? author.value() : null)
			.param("at", Timestamp.from(at))
			.param("payload", this.json.write(payload))
			.update();
	}

	@Transactional(readOnly = true)
	public List<CaseEvent> of(UUID caseId) {
		Map<UUID, String> names = this.members.namesById();
		return this.jdbc.sql("""
				select id, kind, author_id, occurred_at, payload from case_event
				where case_id = ? order by occurred_at, seq""").param(caseId).query((rs, row) -> {
			UUID author = rs.getObject("author_id", UUID.class);
			return new CaseEvent(rs.getObject("id", UUID.class), rs.getString("kind"), author,
					(author != null) ? names.get(author) : null, rs.getTimestamp("occurred_at").toInstant(),
					this.json.readMap(rs.getString("payload")));
		}).list();
	}

}
