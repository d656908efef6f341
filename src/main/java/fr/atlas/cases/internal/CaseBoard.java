package fr.atlas.cases.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kanban board's read model: how many cases each column holds, and at most
 * {@link #MAX_CARDS} cards in all, shared fairly between columns (a column with few cases
 * leaves its share to the others). Further cards of a column come by pages.
 */
@Service
@Transactional(readOnly = true)
public class CaseBoard {

	/** Cards drawn at once on a board: more makes the page slow to render and to drag. */
	public static final int MAX_CARDS = 500;

	/** Cards added to a column by each "voir plus". */
	public static final int PAGE = 50;

	private final JdbcClient jdbc;

	private final Cases cases;

	CaseBoard(JdbcClient jdbc, Cases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	/**
	 * What narrows a board: assignee, team, creation period (Paris days, {@code to}
	 * inclusive) and text in the title or reference.
	 */
	public record Filter(@Nullable UUID assignee, @Nullable UUID team, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String text) {

		public boolean any() {
			return this.assignee != null || this.team != null || this.from != null || this.to != null
					|| (this.text != null && !this.text.isBlank());
		}

	}

	/**
	 * A column: every case counted, the first cards drawn, and the sum of the type's
	 * money field over every case counted (null when the type has none: ADR 0091).
	 */
	public record Column(String state, long total, List<CaseFile> cards, @Nullable BigDecimal amount) {

		public boolean hasMore() {
			return this.cards.size() < this.total;
		}

	}

	public record Board(List<Column> columns, long total, int shown) {

		public boolean capped() {
			return this.shown < this.total;
		}

		public Column column(String state) {
			return this.columns.stream()
				.filter((c) -> c.state().equals(state))
				.findFirst()
				.orElse(new Column(state, 0, List.of(), null));
		}

	}

	/**
	 * The board of a case type: a column per state in {@code states} order, then any
	 * other state running cases are in (older workflow versions).
	 */
	public Board board(String caseType, List<String> states, Filter filter) {
		return board(caseType, states, filter, null);
	}

	/**
	 * As {@link #board(String, List, Filter)}, each column with the sum of the field
	 * {@code moneyField} over its cases, as filtered; a case without a number there adds
	 * nothing.
	 */
	public Board board(String caseType, List<String> states, Filter filter, @Nullable String moneyField) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(caseType, filter, params);
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, BigDecimal> amounts = new LinkedHashMap<>();
		states.forEach((s) -> counts.put(s, 0L));
		params.put("money", (moneyField != null) ? moneyField : "");
		this.jdbc.sql("""
				select state, count(*),
				       coalesce(sum(case when jsonb_typeof(fields -> :money) = 'number'
				                         then (fields ->> :money)::numeric end), 0)
				from case_file""" + where + " group by state order by state").params(params).query((rs, row) -> {
			amounts.put(rs.getString(1), rs.getBigDecimal(3));
			return counts.put(rs.getString(1), rs.getLong(2));
		}).list();
		Map<String, Integer> shares = shares(counts, MAX_CARDS);
		List<Column> columns = new ArrayList<>();
		long total = 0;
		int shown = 0;
		for (Map.Entry<String, Long> count : counts.entrySet()) {
			int share = shares.get(count.getKey());
			List<CaseFile> cards = (share > 0) ? cards(caseType, count.getKey(), filter, 0, share) : List.of();
			columns.add(new Column(count.getKey(), count.getValue(), cards,
					(moneyField != null) ? amounts.getOrDefault(count.getKey(), BigDecimal.ZERO) : null));
			total += count.getValue();
			shown += cards.size();
		}
		return new Board(columns, total, shown);
	}

	/** How many cases a column holds with these filters. */
	public long count(String caseType, String state, Filter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(caseType, filter, params) + " and state = :state";
		params.put("state", state);
		return this.jdbc.sql("select count(*) from case_file" + where).params(params).query(Long.class).single();
	}

	/** A page of a column's cards, newest first, as the board orders them. */
	public List<CaseFile> cards(String caseType, String state, Filter filter, int offset, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(caseType, filter, params) + " and state = :state";
		params.put("state", state);
		params.put("limit", Math.min(Math.max(limit, 1), MAX_CARDS));
		params.put("offset", Math.max(offset, 0));
		return this.jdbc
			.sql("select " + Cases.COLUMNS + " from case_file" + where
					+ " order by created_at desc, id limit :limit offset :offset")
			.params(params)
			.query(this.cases::map)
			.list();
	}

	/**
	 * Splits {@code budget} cards between columns: each gets an equal share, columns that
	 * need less give the rest back to the others, until the budget or the cases run out.
	 */
	static Map<String, Integer> shares(Map<String, Long> counts, int budget) {
		Map<String, Integer> shares = new LinkedHashMap<>();
		counts.keySet().forEach((state) -> shares.put(state, 0));
		int left = budget;
		while (left > 0) {
			List<String> hungry = counts.keySet().stream().filter((s) -> shares.get(s) < counts.get(s)).toList();
			if (hungry.isEmpty()) {
				break;
			}
			int each = Math.max(left / hungry.size(), 1);
			for (String state : hungry) {
				int give = (int) Math.min(Math.min(each, counts.get(state) - shares.get(state)), left);
				shares.merge(state, give, Integer::sum);
				left -= give;
				if (left == 0) {
					break;
				}
			}
		}
		return shares;
	}

	private static String where(String caseType, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where case_type = :type");
		params.put("type", caseType);
		if (filter.assignee() != null) {
			where.append(" and assignee_id = :assignee");
			params.put("assignee", filter.assignee());
		}
		if (filter.team() != null) {
			where.append(" and team_id = :team");
			params.put("team", filter.team());
		}
		FourDigitDays.checked("from", filter.from());
		FourDigitDays.checked("to", filter.to());
		if (filter.from() != null) {
			where.append(" and created_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(Cases.PARIS).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and created_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(Cases.PARIS).toInstant()));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and (title ilike :text or reference ilike :text)");
			// an underscore and a backslash are searched for as written, not as a
			// wildcard and an escape
			params.put("text",
					"%" + filter.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return where.toString();
	}

}
