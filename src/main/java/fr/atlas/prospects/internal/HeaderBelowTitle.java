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
 * numbered from it. Any other file is read as it is, so a file that was read before is
 * read the same way.
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
		if (reader.header().isEmpty() || namesAColumn(reader.header()) || filled(reader.header()) > 2) {
			return reader;
		}
		List<SourceRow> read = new ArrayList<>();
		SourceRow row;
		while (read.size() < LOOK_AHEAD && (row = reader.next()) != null) {
			if (row.problem() == null && usualHeaders(row.cells()) >= 2) {
				return new HeaderBelowTitle(reader, row.cells(), row.number(), List.of());
			}
			read.add(row);
			if (row.problem() == null && filled(row.cells()) > 1) {
				// a line of data, not a title: the first line was the header
				break;
			}
		}
		return new HeaderBelowTitle(reader, reader.header(), 0, read);
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
