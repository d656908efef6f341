package fr.atlas.prospects.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Streams the rows of an uploaded file, one at a time, whatever its format.
 */
interface TabularReader extends Closeable {

	/** The header line; empty when the file has nothing at all. */
	List<String> header();

	/**
	 * The next data row, numbered as the file shows it (empty rows inside the data come
	 * back as rejected {@code row:empty} rows), or null at the end of the file.
	 */
	@Nullable SourceRow next() throws IOException;

	/**
	 * Reads the rows left to the end and counts them, as {@link #next()} would return
	 * them.
	 */
	default RowCount countRows() throws IOException {
		RowCount.Tally tally = new RowCount.Tally();
		SourceRow row;
		while ((row = next()) != null) {
			tally.row(row.number(), row.problem() != null);
		}
		return tally.result();
	}

}
