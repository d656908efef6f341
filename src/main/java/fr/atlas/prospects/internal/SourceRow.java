package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One data row of a file as read: its 1-based number (the header is not counted, blank
 * lines neither), its cells, the verbatim text kept for the report, a problem code when
 * the row could not be read at all (e.g. {@code row:too_long}), and the columns whose
 * cell holds a workbook formula saved without its result (read as empty: the row is kept,
 * with a warning for each such cell of a mapped column).
 */
record SourceRow(int number, List<String> cells, String original, @Nullable String problem,
		Set<Integer> formulasWithoutValue) {

	SourceRow(int number, List<String> cells, String original, @Nullable String problem) {
		this(number, cells, original, problem, Set.of());
	}

	String cell(int column) {
		return column < this.cells.size() ? this.cells.get(column) : "";
	}

}
