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

	/** The next non-blank data row, or null at the end of the file. */
	@Nullable SourceRow next() throws IOException;

}
