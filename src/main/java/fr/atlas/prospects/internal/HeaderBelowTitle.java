package fr.atlas.prospects.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the header of a file that starts with a title, as reports and some CRMs write
 * their exports: "Export des agences du 12/03/2024", a blank line, then the header. When
 * the first line names no column at all in two cells at most (a title, and maybe its
 * date), and one of the next {@value #LOOK_AHEAD} lines names at least two by their usual
 * headers ("Raison sociale", "Ville", "E-mail"...) with only titles and blank lines above
 * it, that line is the header: the lines above are neither header nor rows, and rows are
 * numbered from it. So is the header of two levels of a sheet whose first row holds bands
 * over groups of columns, a cell merged across each group ("Société", then blank cells,
 * "Contact", blank cells): when the next row that holds something names at least two
 * columns by their usual headers, more than the bands do, in more cells, it is the header
 * ({@link #belowBands}). Any other file is read as it is, so a file that was read before
 * is read the same way.
 */
final class HeaderBelowTitle implements TabularReader {

	static final int LOOK_AHEAD = 10;

	private final TabularReader rows;

	private final List<String> header;

	/** The header's number as a row of the file as read: what row numbers lose. */
	private final int offset;

	/** Rows read while looking for a header that was not found, given back first. */
	private final Deque<SourceRow> readAhead;

	private HeaderBelowTitle(TabularReader rows, List<String> header, int offset, List<SourceRow> readAhead) {
		this.rows = rows;
		this.header = List.copyOf(header);
		this.offset = offset;
		this.readAhead = new ArrayDeque<>(readAhead);
	}

	static TabularReader of(TabularReader reader) throws IOException {
		List<String> first = reader.header();
		boolean title = !first.isEmpty() && !namesAColumn(first) && filled(first) <= 2;
		boolean bands = !first.isEmpty() && !title && banded(first);
		if (!title && !bands) {
			return reader;
		}
		List<SourceRow> read = new ArrayList<>();
		SourceRow row;
		while (read.size() < LOOK_AHEAD && (row = reader.next()) != null) {
			if (row.problem() == null && usualHeaders(row.cells()) >= 2 && (title || belowBands(first, row.cells()))) {
				return new HeaderBelowTitle(reader, row.cells(), row.number(), List.of());
			}
			read.add(row);
			if (row.problem() == null && (bands || filled(row.cells()) > 1)) {
				// a line of data, not a title: the first line was the header
				break;
			}
		}
		return new HeaderBelowTitle(reader, first, 0, read);
	}

	/**
	 * Whether a row is the header below a row of bands over groups of its columns, as a
	 * sheet with a header of two levels has ("Société" over "Raison sociale" and "SIRET",
	 * "Contact" over "Téléphone", "E-mail" and "Ville", each merged across its group): it
	 * names more columns by their usual headers than the bands do, in more cells. The
	 * bands may name a column ("Société", "Contact"), which made them the header before.
	 */
	private static boolean belowBands(List<String> bands, List<String> row) {
		return usualHeaders(row) > named(bands) && filled(row) > filled(bands);
	}

	/**
	 * Whether a header row looks like bands over groups of columns: a filled cell
	 * followed by a blank one before the last filled cell, or a single filled cell with
	 * blank ones after it (a merged cell is its first cell and blank ones).
	 */
	private static boolean banded(List<String> cells) {
		int last = -1;
		for (int i = 0; i < cells.size(); i++) {
			if (!cells.get(i).isBlank()) {
				last = i;
			}
		}
		if (last < 0) {
			return false;
		}
		if (filled(cells) == 1) {
			return last < cells.size() - 1;
		}
		for (int i = 0; i < last; i++) {
			if (!cells.get(i).isBlank() && cells.get(i + 1).isBlank()) {
				return true;
			}
		}
		return false;
	}

	private static long named(List<String> cells) {
		return cells.stream().map(ImportField::forHeader).flatMap(java.util.Optional::stream).distinct().count();
	}

	private static boolean namesAColumn(List<String> cells) {
		return cells.stream().anyMatch((cell) -> ImportField.forHeader(cell).isPresent());
	}

	private static long usualHeaders(List<String> cells) {
		return cells.stream().map(ImportField::synonym).flatMap(java.util.Optional::stream).distinct().count();
	}

	private static long filled(List<String> cells) {
		return cells.stream().filter((cell) -> !cell.isBlank()).count();
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable SourceRow next() throws IOException {
		SourceRow row = this.readAhead.poll();
		if (row != null) {
			return row;
		}
		row = this.rows.next();
		if (row == null || this.offset == 0) {
			return row;
		}
		return new SourceRow(row.number() - this.offset, row.cells(), row.original(), row.problem(),
				row.formulasWithoutValue());
	}

	/**
	 * Counts as the file's reader does, quickly; a problem's line stays the line of the
	 * file.
	 */
	@Override
	public RowCount countRows() throws IOException {
		RowCount.Tally tally = new RowCount.Tally();
		SourceRow row;
		while ((row = this.readAhead.poll()) != null) {
			tally.row(row.number(), row.problem() != null);
		}
		RowCount before = tally.result();
		RowCount rest = this.rows.countRows();
		return new RowCount(before.rows() + rest.rows(), before.problems() + rest.problems(),
				(before.firstProblemLine() != 0) ? before.firstProblemLine() : rest.firstProblemLine());
	}

	@Override
	public void close() throws IOException {
		this.rows.close();
	}

}
