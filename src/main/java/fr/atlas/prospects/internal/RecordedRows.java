package fr.atlas.prospects.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of each imported row: its outcome, its messages, its verbatim copy and the
 * clean values it gave its agency (the provenance of imported values). A batch's rows are
 * stored together, in {@code import_row_chunk}s of a few hundred rows holding them in
 * {@link CopyText} form and the agencies they ended in (ADR 0016): a few stored rows per
 * batch instead of one per file row. The text is LZ4-compressed here, off the writing
 * thread (ADR 0020): PostgreSQL then writes, logs and keeps a third of the bytes. Chunks
 * stored before that keep their text uncompressed and are read as well. Callers run
 * inside a transaction with the tenant bound.
 */
@Repository
class RecordedRows {

	/** Ends a field's name in {@link #packed} values: the unit separator. */
	static final char FIELD_END = '\u001f';

	/** Ends a field's value in {@link #packed} values: the record separator. */
	static final char VALUE_END = '\u001e';

	private static final int COLUMNS = 8;

	/**
	 * A chunk holds about {@link CopyText#SEGMENT} characters, plus at most one row of up
	 * to a few MB (a line may reach 1 MB): a block claiming more is corrupt, and is
	 * refused rather than allocated.
	 */
	private static final int MAX_CHUNK_BYTES = 32 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	RecordedRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Packs a batch's outcomes, on the caller's thread, so that writing them costs the
	 * writing thread one batched statement. Rows are cut into chunks of about
	 * {@link CopyText#SEGMENT} characters: no text large enough for the collector to
	 * treat it as humongous, and the agency page unpacks less to find a row.
	 */
	static List<Chunk> pack(UUID jobId, List<RowOutcome> rows) {
		return pack(jobId, rows, false);
	}

	/**
	 * Packs outcomes in row order; {@code deferred} for the rows an import decided last
	 * (ADR 0034), whose chunks the report merges into the others.
	 */
	static List<Chunk> pack(UUID jobId, List<RowOutcome> rows, boolean deferred) {
		List<Chunk> chunks = new ArrayList<>();
		CopyText text = new CopyText(CopyText.SEGMENT + 1024, false);
		Lz4Blocks.Compressing lz4 = new Lz4Blocks.Compressing();
		int from = 0;
		while (from < rows.size()) {
			text.clear();
			Set<UUID> agencies = new LinkedHashSet<>();
			int to = from;
			while (to < rows.size() && (to == from || text.length() < CopyText.SEGMENT)) {
				RowOutcome row = rows.get(to++);
				append(text, row);
				if (row.prospectId() != null) {
					agencies.add(row.prospectId());
				}
			}
			StringJoiner prospects = new StringJoiner(",", "{", "}");
			agencies.forEach((id) -> prospects.add(id.toString()));
			CopyText.Segment whole = text.whole();
			chunks.add(new Chunk(jobId, rows.get(from).number(), rows.get(to - 1).number(), to - from,
					lz4.compress(whole.bytes(), whole.length()), prospects.toString(), deferred));
			from = to;
		}
		return chunks;
	}

	/**
	 * One row's outcome, in a method of its own so that it is compiled early and once
	 * (see {@link Agencies#newAgencies}).
	 */
	private static void append(CopyText text, RowOutcome row) {
		text.value(row.number())
			.value(row.status())
			.value(row.prospectId())
			.value(String.join("|", row.messages()))
			.value(String.join("|", row.reasons()))
			.value((row.confidence() != null) ? row.confidence().floatValue() : null)
			.value(row.original())
			.value(row.fields())
			.endRow();
	}

	/** Text compressed as {@link #pack} compresses a chunk. */
	static byte[] compressed(String rows) {
		byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
		return new Lz4Blocks.Compressing().compress(bytes, bytes.length);
	}

	static String decompressed(byte[] packed) {
		return new String(Lz4Blocks.decompress(packed, MAX_CHUNK_BYTES), StandardCharsets.UTF_8);
	}

	/**
	 * A chunk's text, from whichever of its two columns, {@code packed} or {@code rows},
	 * holds it.
	 */
	static String text(ResultSet rs) throws SQLException {
		byte[] packed = rs.getBytes("packed");
		if (packed != null) {
			return decompressed(packed);
		}
		String rows = rs.getString("rows");
		return (rows != null) ? rows : "";
	}

	/**
	 * The clean values of a row as text: {@code field}, unit separator, {@code value},
	 * each pair ended by a record separator. Control characters in a value become spaces,
	 * so the separators stay unambiguous.
	 */
	static String packed(Map<String, String> fields) {
		StringBuilder packed = new StringBuilder(192);
		fields.forEach((field, value) -> pack(packed, field, value));
		return packed.toString();
	}

	/** Appends one field and its value to {@link #packed} values. */
	static void pack(StringBuilder packed, String field, String value) {
		packed.append(field).append(FIELD_END);
		if (hasControl(value)) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				packed.append((c < 0x20) ? ' ' : c);
			}
		}
		else {
			packed.append(value);
		}
		packed.append(VALUE_END);
	}

	/** Whether a value has a control character, which is rare: most are copied whole. */
	private static boolean hasControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < 0x20) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Writes a packed batch. The caller has skipped the rows an earlier run recorded, and
	 * only one run holds a job, so none of them can be there already.
	 */
	void write(List<Chunk> chunks) {
		if (chunks.isEmpty()) {
			return;
		}
		UUID org = org();
		this.template.batchUpdate("""
				insert into import_row_chunk (org_id, job_id, first_row, last_row, row_count, packed, prospects,
				  deferred)
				values (?, ?, ?, ?, ?, ?, cast(? as uuid[]), ?)""", chunks, chunks.size(), (statement, chunk) -> {
			statement.setObject(1, org);
			statement.setObject(2, chunk.jobId());
			statement.setInt(3, chunk.firstRow());
			statement.setInt(4, chunk.lastRow());
			statement.setInt(5, chunk.count());
			statement.setBytes(6, chunk.packed());
			statement.setString(7, chunk.prospects());
			statement.setBoolean(8, chunk.deferred());
		});
	}

	/**
	 * Stores the numbers of the rows a batch set aside, to be decided at the end of the
	 * import (ADR 0034), in the batch's transaction: a restarted import takes them up
	 * again. A batch replayed from the start of the file (its progress lost) may set them
	 * aside again.
	 */
	void setAside(UUID jobId, List<Integer> numbers) {
		if (numbers.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into import_deferred_row (org_id, job_id, first_row, rows)
				values (:org, :job, :first, :rows::int[])
				on conflict (org_id, job_id, first_row) do update
				  set rows = (select array_agg(distinct r order by r)
				              from unnest(import_deferred_row.rows || excluded.rows) as r)""")
			.param("org", org())
			.param("job", jobId)
			.param("first", numbers.getFirst())
			.param("rows", numbers.toArray(Integer[]::new))
			.update();
	}

	/**
	 * The rows of a job set aside for the end that have no outcome yet, in row order.
	 */
	Set<Integer> setAside(UUID jobId) {
		Set<Integer> numbers = new TreeSet<>();
		this.jdbc.sql("select rows from import_deferred_row where org_id = :org and job_id = :job")
			.param("org", org())
			.param("job", jobId)
			.query((RowCallbackHandler) (rs) -> numbers.addAll(List.of((Integer[]) rs.getArray(1).getArray())));
		if (!numbers.isEmpty()) {
			decidedLast(jobId).forEach((row) -> numbers.remove(row.number()));
		}
		return numbers;
	}

	/**
	 * Row numbers after {@code processed} that an earlier run already recorded (none, as
	 * a batch's rows and its progress commit together; checked so that a replay can never
	 * record a row twice).
	 */
	Set<Integer> after(UUID jobId, int processed) {
		Set<Integer> numbers = new TreeSet<>();
		this.jdbc.sql("""
				select rows, packed from import_row_chunk
				where org_id = :org and job_id = :job and last_row > :processed""")
			.param("org", org())
			.param("job", jobId)
			.param("processed", processed)
			.query((rs, n) -> text(rs))
			.list()
			.forEach((rows) -> rows(rows, (row) -> {
				if (row.number() > processed) {
					numbers.add(row.number());
				}
			}));
		return numbers;
	}

	/**
	 * Every recorded row of a job, in row order, read a few batches at a time. The rows
	 * decided at the end of the import (ADR 0034), a small share, are read first and
	 * merged in.
	 */
	void forEach(UUID jobId, Consumer<RecordedRow> consumer) {
		List<RecordedRow> last = decidedLast(jobId);
		int[] next = { 0 };
		this.template.query((connection) -> {
			var statement = connection.prepareStatement("""
					select rows, packed from import_row_chunk where org_id = ? and job_id = ? and not deferred
					order by first_row""");
			statement.setObject(1, org());
			statement.setObject(2, jobId);
			statement.setFetchSize(4);
			return statement;
		}, (rs) -> {
			rows(text(rs), (row) -> {
				while (next[0] < last.size() && last.get(next[0]).number() < row.number()) {
					consumer.accept(last.get(next[0]++));
				}
				consumer.accept(row);
			});
		});
		while (next[0] < last.size()) {
			consumer.accept(last.get(next[0]++));
		}
	}

	/** The rows of a job decided at the end of the import, in row order. */
	private List<RecordedRow> decidedLast(UUID jobId) {
		List<RecordedRow> rows = new ArrayList<>();
		this.jdbc.sql("select rows, packed from import_row_chunk where org_id = :org and job_id = :job and deferred")
			.param("org", org())
			.param("job", jobId)
			.query((rs, n) -> text(rs))
			.list()
			.forEach((text) -> rows(text, rows::add));
		rows.sort(Comparator.comparingInt(RecordedRow::number));
		return rows;
	}

	/**
	 * The first rows of a job that have messages (rejected or warned), in row order, at
	 * most {@code most}: reads chunks only until it has them.
	 */
	List<RecordedRow> firstWithMessages(UUID jobId, int most) {
		List<RecordedRow> found = new ArrayList<>();
		int after = 0;
		while (found.size() < most) {
			int[] last = { -1 };
			this.jdbc.sql("""
					select last_row, rows, packed from import_row_chunk
					where org_id = :org and job_id = :job and not deferred and first_row > :after
					order by first_row limit 4""")
				.param("org", org())
				.param("job", jobId)
				.param("after", after)
				.query((RowCallbackHandler) (rs) -> {
					last[0] = Math.max(last[0], rs.getInt(1));
					rows(text(rs), (row) -> {
						if (!row.messages().isEmpty() && found.size() < most) {
							found.add(row);
						}
					});
				});
			if (last[0] < 0) {
				break;
			}
			after = last[0];
		}
		// rows decided last may come before the ones found
		decidedLast(jobId).stream().filter((row) -> !row.messages().isEmpty()).forEach(found::add);
		found.sort(Comparator.comparingInt(RecordedRow::number));
		return List.copyOf(found.subList(0, Math.min(most, found.size())));
	}

	/**
	 * The rows that ended in an agency, in every import, with the import and its time.
	 */
	List<AgencyRow> of(UUID agencyId) {
		// a row a person detached from its agency (ADR 0092) is no longer that agency's
		// but the one made of it: the chunk still names the agency the import chose
		Set<String> detachedOut = new HashSet<>();
		List<Detached> detachedIn = new ArrayList<>();
		this.jdbc.sql("""
				select job_id, row_number, from_agency_id, agency_id from agency_row_detach
				where org_id = :org and undone_at is null and (from_agency_id = :agency or agency_id = :agency)""")
			.param("org", org())
			.param("agency", agencyId)
			.query((RowCallbackHandler) (rs) -> {
				Detached detached = new Detached(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
						rs.getObject(4, UUID.class));
				if (agencyId.equals(detached.fromAgencyId())) {
					detachedOut.add(detached.jobId() + ":" + detached.row());
				}
				else {
					detachedIn.add(detached);
				}
			});
		List<AgencyRow> found = new ArrayList<>();
		this.jdbc.sql("""
				select job_id, recorded_at, rows, packed from import_row_chunk
				where org_id = :org and prospects @> array[cast(:agency as uuid)]""")
			.param("org", org())
			.param("agency", agencyId)
			.query((rs, n) -> {
				UUID job = rs.getObject(1, UUID.class);
				Instant recordedAt = rs.getTimestamp(2).toInstant();
				rows(text(rs), (row) -> {
					if (agencyId.equals(row.prospectId()) && !detachedOut.contains(job + ":" + row.number())) {
						found.add(new AgencyRow(job, recordedAt, row, false));
					}
				});
				return n;
			})
			.list();
		for (Detached detached : detachedIn) {
			this.jdbc.sql("""
					select recorded_at, rows, packed from import_row_chunk
					where org_id = :org and job_id = :job and first_row <= :row and last_row >= :row
					  and prospects @> array[cast(:agency as uuid)]""")
				.param("org", org())
				.param("job", detached.jobId())
				.param("row", detached.row())
				.param("agency", detached.fromAgencyId())
				.query((rs, n) -> {
					Instant recordedAt = rs.getTimestamp(1).toInstant();
					rows(text(rs), (row) -> {
						if (row.number() == detached.row() && detached.fromAgencyId().equals(row.prospectId())) {
							found.add(new AgencyRow(detached.jobId(), recordedAt, row.in(agencyId), true));
						}
					});
					return n;
				})
				.list();
		}
		return found;
	}

	/**
	 * The rows of a job that a person detached from the agency the import put them in, by
	 * row number, with the agency each is in now (ADR 0092).
	 */
	Map<Integer, UUID> detached(UUID jobId) {
		Map<Integer, UUID> rows = new HashMap<>();
		this.jdbc.sql("""
				select row_number, agency_id from agency_row_detach
				where org_id = :org and job_id = :job and undone_at is null""")
			.param("org", org())
			.param("job", jobId)
			.query((RowCallbackHandler) (rs) -> rows.put(rs.getInt(1), rs.getObject(2, UUID.class)));
		return rows;
	}

	private record Detached(UUID jobId, int row, UUID fromAgencyId, UUID agencyId) {
	}

	private static void rows(String packed, Consumer<RecordedRow> consumer) {
		CopyText.read(packed, COLUMNS, (values) -> consumer.accept(RecordedRow.of(values)));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/**
	 * A row's outcome as the import decided it, before it is packed; {@code fields} are
	 * the clean values it gave its agency, {@link #packed}.
	 */
	record RowOutcome(int number, String status, @Nullable UUID prospectId, List<String> messages, List<String> reasons,
			@Nullable Double confidence, String original, @Nullable String fields) {
	}

	/**
	 * A batch's rows, packed: {@code packed} is their {@link CopyText} form compressed
	 * with LZ4 ({@link Lz4Blocks.Compressing}), {@code prospects} the {@code uuid[]}
	 * literal of the agencies they ended in.
	 */
	record Chunk(UUID jobId, int firstRow, int lastRow, int count, byte[] packed, String prospects, boolean deferred) {

		/** The rows' {@link CopyText} form, as it was before compression. */
		String rows() {
			return decompressed(this.packed);
		}

	}

	/**
	 * A recorded row as stored: {@code messages} and {@code reasons} joined by {@code |},
	 * {@code fields} {@link #packed}.
	 */
	record RecordedRow(int number, String status, @Nullable UUID prospectId, String messages, String reasons,
			@Nullable Double confidence, String original, @Nullable String fields) {

		static RecordedRow of(@Nullable String[] values) {
			return new RecordedRow(Integer.parseInt(values[0]), values[1],
					(values[2] != null) ? UUID.fromString(values[2]) : null, nonNull(values[3]), nonNull(values[4]),
					(values[5] != null) ? Double.valueOf(values[5]) : null, nonNull(values[6]), values[7]);
		}

		/** The clean values this row gave its agency, in the order they were packed. */
		List<Map.Entry<String, String>> values() {
			List<Map.Entry<String, String>> values = new ArrayList<>();
			if (this.fields == null) {
				return values;
			}
			int start = 0;
			while (start < this.fields.length()) {
				int nameEnd = this.fields.indexOf(FIELD_END, start);
				int valueEnd = this.fields.indexOf(VALUE_END, nameEnd + 1);
				if (nameEnd < 0 || valueEnd < 0) {
					break;
				}
				values.add(
						Map.entry(this.fields.substring(start, nameEnd), this.fields.substring(nameEnd + 1, valueEnd)));
				start = valueEnd + 1;
			}
			return values;
		}

		/** The same row, in another agency: one a person detached it into. */
		RecordedRow in(UUID agencyId) {
			return new RecordedRow(this.number, this.status, agencyId, this.messages, this.reasons, this.confidence,
					this.original, this.fields);
		}

		private static String nonNull(@Nullable String value) {
			return (value != null) ? value : "";
		}

	}

	/**
	 * A row that ended in a given agency, with its import and when it was recorded;
	 * {@code detached} when a person detached it into this agency from the one the import
	 * put it in (its match reasons are then no longer this agency's).
	 */
	record AgencyRow(UUID jobId, Instant recordedAt, RecordedRow row, boolean detached) {
	}

}
