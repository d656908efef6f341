package fr.atlas.prospects.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fr.atlas.prospects.internal.ProspectImports;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * An import's report as the API contract fixes it
 * ({@code row,status,prospect_id,messages} with {@code field:code} messages), downloaded
 * the same way from the API and from the import's page, so that the two files never
 * differ. The report for a person is {@link ReadableImportReport}.
 */
@Component
class TechnicalImportReport {

	private final ProspectImports imports;

	TechnicalImportReport(ProspectImports imports) {
		this.imports = imports;
	}

	/**
	 * Sends the report of import {@code id} as an attachment; an import of another
	 * organisation is not found.
	 */
	void send(UUID id, HttpServletResponse response) throws IOException {
		this.imports.find(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + ".csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer writer = response.getWriter();
		this.imports.writeReport(id, writer);
		writer.flush();
	}

}
