package fr.atlas.prospects.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One data row of a file as read: its 1-based number (the header is not counted, blank
 * lines neither), its cells, the verbatim text kept for the report, and a problem code
 * when the row could not be read at all (e.g. {@code row:too_long}).
 */
record SourceRow(int number, List<String> cells, String original, @Nullable String problem) {

	String cell(int column) {
		return column < this.cells.size() ? this.cells.get(column) : "";
	}

}
