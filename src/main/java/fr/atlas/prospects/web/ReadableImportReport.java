package fr.atlas.prospects.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.prospects.internal.CsvLine;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.prospects.internal.ProspectImports.ReadableRow;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An import's report for a person, next to the technical one the API contract fixes
 * ({@code row,status,prospect_id,messages} with {@code field:code} messages): the same
 * rows in the reader's language, each problem in words, the agency by name with a link,
 * and the row as the file had it, so that a rejected row can be corrected and sent again.
 * Written as the prospect export is, for a spreadsheet: UTF-8 with a BOM, semicolons in
 * French (the separator French Excel expects), commas in English, and any cell a
 * spreadsheet would run as a formula shown as text.
 */
@Component
class ReadableImportReport {

	private final ProspectImports imports;

	private final ImportProblemWords problems;

	private final MessageSource messages;

	ReadableImportReport(ProspectImports imports, ImportProblemWords problems, MessageSource messages) {
		this.imports = imports;
		this.problems = problems;
		this.messages = messages;
	}

	/**
	 * Writes the report of import {@code id}; {@code agencyLink} is the address an agency
	 * page is at, before its id.
	 */
	void write(UUID id, Locale locale, String agencyLink, Writer out) {
		char separator = "fr".equals(locale.getLanguage()) ? ';' : ',';
		try {
			out.write('\uFEFF');
			out.write(line(separator,
					List.of(word("prospects.import.report.column.row", locale),
							word("prospects.import.report.column.status", locale),
							word("prospects.import.report.column.agency", locale),
							word("prospects.import.report.column.link", locale),
							word("prospects.import.report.column.problems", locale),
							word("prospects.import.report.column.original", locale))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.imports.forEachReadableRow(id, (rows) -> {
			try {
				for (ReadableRow row : rows) {
					out.write(line(separator,
							List.of(Integer.toString(row.row()), word("prospects.row.status." + row.status(), locale),
									(row.agencyName() != null) ? row.agencyName() : "",
									(row.agencyId() != null) ? agencyLink + row.agencyId() : "",
									row.messages()
										.stream()
										.map((code) -> this.problems.of(code, locale))
										.collect(Collectors.joining(" · ")),
									row.original())));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private String word(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private static String line(char separator, List<String> cells) {
		return CsvLine.of(separator, cells.stream().map(CsvLine::formulaSafe).toList()) + "\r\n";
	}

}
