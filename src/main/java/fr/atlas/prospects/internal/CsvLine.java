package fr.atlas.prospects.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Writes cells as one CSV line (RFC 4180 quoting): the verbatim form of a spreadsheet row
 * and the lines of the reports with commas, the files made for French spreadsheets with
 * semicolons.
 */
public final class CsvLine {

	private CsvLine() {
	}

	static String of(List<String> cells) {
		return of(',', cells);
	}

	/**
	 * The cells quoted where needed and joined by {@code separator}, without a line end.
	 */
	public static String of(char separator, List<String> cells) {
		return cells.stream()
			.map((cell) -> cell(separator, cell))
			.collect(Collectors.joining(String.valueOf(separator)));
	}

	static String cell(String value) {
		return cell(',', value);
	}

	static String cell(char separator, String value) {
		if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

	/**
	 * The value as a spreadsheet shows it as text and never runs it as a formula: with a
	 * {@code '} before a first {@code = + - @}, tab or carriage return. Empty for none.
	 */
	public static String formulaSafe(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}
