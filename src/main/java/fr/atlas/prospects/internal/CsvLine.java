package fr.atlas.prospects.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes cells as one CSV line (comma, RFC 4180 quoting): the verbatim form of a
 * spreadsheet row and the lines of the reports.
 */
final class CsvLine {

	private CsvLine() {
	}

	static String of(List<String> cells) {
		return cells.stream().map(CsvLine::cell).collect(Collectors.joining(","));
	}

	static String cell(String value) {
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
