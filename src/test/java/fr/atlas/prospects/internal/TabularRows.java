package fr.atlas.prospects.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The rows a reader gives, to the end of its file. */
final class TabularRows {

	private TabularRows() {
	}

	static List<SourceRow> readAll(TabularReader reader) throws IOException {
		List<SourceRow> rows = new ArrayList<>();
		SourceRow row;
		while ((row = reader.next()) != null) {
			rows.add(row);
		}
		return rows;
	}

}
