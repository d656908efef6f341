package fr.atlas.prospects.internal;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Gives the rows of a sheet the numbers the spreadsheet shows (header not counted): the
 * empty rows between two rows of data keep their numbers and are handed out as rejected
 * {@code row:empty} rows, so the report's row N is the sheet's row N + 1; empty rows at
 * the end are left out.
 */
final class SpreadsheetNumbering {

	@FunctionalInterface
	interface NonBlankRows {

		/**
		 * The next row holding data, numbered from its position in the sheet; null at the
		 * end.
		 */
		@Nullable SourceRow read() throws IOException;

	}

	private int last;

	/**
	 * Whether a row of a sheet holds no value: only blank cells (white space of any kind)
	 * and error values ("#N/A" down thousands of rows from a lookup formula copied below
	 * the data), which the import reads as no value ({@link Placeholders}). Such rows are
	 * skipped as empty rows are.
	 */
	static boolean empty(List<String> cells) {
		for (String cell : cells) {
			if (!cell.isEmpty()) {
				String text = CleanText.of(cell);
				if (text != null && !Placeholders.error(text)) {
					return false;
				}
			}
		}
		return true;
	}

	private @Nullable SourceRow waiting;

	@Nullable SourceRow next(NonBlankRows rows) throws IOException {
		if (this.waiting == null) {
			this.waiting = rows.read();
			if (this.waiting == null) {
				return null;
			}
		}
		if (this.waiting.number() > this.last + 1) {
			this.last++;
			return new SourceRow(this.last, List.of(), "", "row:empty");
		}
		SourceRow row = this.waiting;
		this.waiting = null;
		this.last = row.number();
		return row;
	}

}
