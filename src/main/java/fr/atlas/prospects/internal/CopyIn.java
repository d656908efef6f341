package fr.atlas.prospects.internal;

import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one {@code COPY ... FROM STDIN} in PostgreSQL's text format, sent through the
 * connection of the current transaction. PostgreSQL refuses {@code COPY FROM} into a
 * table with row-level security, so the rows go to a temporary table of the same shape
 * (private to the session, emptied at commit), then into the real table with one
 * {@code INSERT ... SELECT}, to which the tenant's policy applies as to any insert. That
 * is still several times cheaper than inserts or arrays for the import's bulk rows.
 */
final class CopyIn {

	private final String table;

	private final String columns;

	private final CopyText text = new CopyText(1 << 16);

	private String conflict = "";

	private String condition = "";

	/** The rows encoded, a segment of {@link CopyText} each, once {@link #prepared}. */
	private @Nullable List<CopyText.Segment> payload;

	CopyIn(String table, String columns) {
		this.table = table;
		this.columns = columns;
	}

	/** Skips rows that are there already instead of failing. */
	CopyIn onConflictDoNothing() {
		this.conflict = " on conflict do nothing";
		return this;
	}

	CopyIn value(@Nullable Object value) {
		this.text.value(value);
		return this;
	}

	CopyIn value(@Nullable String value) {
		this.text.value(value);
		return this;
	}

	CopyIn value(@Nullable UUID value) {
		this.text.value(value);
		return this;
	}

	CopyIn value(@Nullable Number value) {
		this.text.value(value);
		return this;
	}

	/** A {@code text[]} value: every element quoted, never null. */
	CopyIn array(Collection<String> values) {
		this.text.array(values);
		return this;
	}

	/**
	 * Moves only the copied rows that meet a condition, in which the copied row is
	 * {@code s}.
	 */
	CopyIn where(String condition) {
		this.condition = " where " + condition;
		return this;
	}

	CopyIn endRow() {
		this.text.endRow();
		return this;
	}

	int rows() {
		return this.text.rows();
	}

	/**
	 * Ends the rows, encoded as they were added, on the caller's thread: sending them
	 * costs the writing thread as little as possible. No row can be added afterwards.
	 */
	CopyIn prepared() {
		this.payload = this.text.segments();
		return this;
	}

	/** The rows in COPY's text format, as they will be sent. */
	String text() {
		return this.text.toString();
	}

	long into(JdbcTemplate template) {
		if (this.text.rows() == 0) {
			return 0;
		}
		String stage = "copy_" + this.table;
		Long copied = template.execute((ConnectionCallback<Long>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temp table if not exists " + stage + " (like " + this.table
						+ " including defaults) on commit delete rows");
				// emptied at every commit already: this clears only an
				// earlier copy of the same transaction, and unlike TRUNCATE
				// it needs no new file and no catalog change
				statement.execute("delete from " + stage);
				org.postgresql.copy.CopyIn copy = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + stage + " (" + this.columns + ") from stdin");
				try {
					for (CopyText.Segment segment : payload()) {
						copy.writeToCopy(segment.bytes(), 0, segment.length());
					}
					copy.endCopy();
				}
				finally {
					if (copy.isActive()) {
						copy.cancelCopy();
					}
				}
				return (long) statement.executeUpdate("insert into " + this.table + " (" + this.columns + ") select "
						+ this.columns + " from " + stage + " s" + this.condition + this.conflict);
			}
		});
		return (copied != null) ? copied : 0;
	}

	private List<CopyText.Segment> payload() {
		return (this.payload != null) ? this.payload : this.text.segments();
	}

}
