package fr.atlas.prospects.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests outside this package: the stored row outcomes of the current organisation,
 * one tab-separated line per row, read from the database as the application stores them
 * (compressed or not).
 */
public final class StoredRowLines {

	private StoredRowLines() {
	}

	/** Call inside a transaction with the tenant bound. */
	public static List<String> of(JdbcClient jdbc) {
		return jdbc.sql("select rows, packed from import_row_chunk order by job_id, first_row")
			.query((rs, n) -> RecordedRows.text(rs))
			.list()
			.stream()
			.flatMap(String::lines)
			.filter((line) -> !line.isEmpty())
			.toList();
	}

	/** The {@code index}th (0-based) tab-separated column of a stored line. */
	public static String column(String line, int index) {
		return line.split("\t", -1)[index];
	}

}
