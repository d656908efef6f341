package fr.atlas.cases.web;

import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.atlas.cases.internal.CaseReports.Breakdown;
import fr.atlas.cases.internal.CaseReports.Conversion;
import fr.atlas.cases.internal.CaseReports.Delay;
import fr.atlas.cases.internal.CaseReports.Stage;
import fr.atlas.cases.internal.CaseReports.Summary;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The cases dashboard as a CSV that the reader's spreadsheet opens as it is: in French,
 * French headers and labels, {@code ;} between cells, decimal commas and a UTF-8 byte
 * order mark (French Excel reads a comma as the decimal separator, so it splits cells on
 * {@code ;}, and reads a file without the mark as Windows-1252); in English, English
 * labels, {@code ,} and decimal points. Rates are fractions (0.25), delays hours.
 */
final class ReportCsv {

	private static final char BOM = '\uFEFF';

	private final MessageSource messages;

	private final Locale locale;

	private final boolean french;

	private final DecimalFormat decimals;

	ReportCsv(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.french = !"en".equals(locale.getLanguage());
		this.locale = this.french ? Locale.FRENCH : Locale.ENGLISH;
		this.decimals = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(this.locale));
		this.decimals.setGroupingUsed(false);
	}

	char separator() {
		return this.french ? ';' : ',';
	}

	/**
	 * The file as a download of the days {@code first} to {@code last} (Paris), named by
	 * them: the dashboard's link and the API answer alike (ADR 0105).
	 */
	ResponseEntity<byte[]> download(Summary summary, ReportLabels labels, LocalDate first, LocalDate last) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"atlas-dossiers-" + first + "-" + last + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
			.body(write(summary, labels.types(), labels.states(), labels.members()));
	}

	/**
	 * The file's bytes. {@code typeLabels} and {@code stateLabels} name case types and
	 * states ({@code LEAD_ACHAT:QUALIFIED}) in the reader's language, {@code memberNames}
	 * the agents.
	 */
	byte[] write(Summary summary, Map<String, String> typeLabels, Map<String, String> stateLabels,
			Map<String, String> memberNames) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(text("csv.section"), text("csv.item"), text("csv.detail"), text("csv.count"),
				text("csv.value")));
		rows.add(List.of(text("csv.section.north-star"), text("north-star"), "", count(summary.appointmentsPlanned()),
				""));
		rows.add(
				List.of(text("csv.section.appointments"), text("csv.held"), "", count(summary.appointmentsHeld()), ""));
		rows.add(List.of(text("csv.section.appointments"), text("csv.no-shows"), "", count(summary.noShows()),
				number(summary.noShowRate())));
		rows.add(List.of(text("csv.section.cases"), text("opened"), "", count(summary.casesOpened()), ""));
		for (Conversion conversion : summary.conversion()) {
			for (Stage stage : conversion.stages()) {
				rows.add(List.of(text(stage.lost() ? "csv.section.lost" : "csv.section.conversion"),
						typeLabels.getOrDefault(conversion.caseType(), conversion.caseType()),
						stateLabels.getOrDefault(conversion.caseType() + ":" + stage.state(), stage.state()),
						count(stage.reached()), number(stage.rate())));
			}
		}
		for (Delay delay : summary.delays()) {
			String name = text("csv.delay." + delay.name());
			rows.add(List.of(text("csv.section.delay"), name, text("csv.median"), count(delay.cases()),
					number(delay.medianHours())));
			rows.add(List.of(text("csv.section.delay"), name, text("csv.p90"), count(delay.cases()),
					number(delay.p90Hours())));
		}
		for (Breakdown row : summary.byAgent()) {
			String agent = (row.key() != null) ? memberNames.getOrDefault(row.key(), row.key()) : "—";
			breakdown(rows, text("csv.section.agent"), agent, row);
		}
		for (Breakdown row : summary.bySource()) {
			String source = (row.key() != null)
					? this.messages.getMessage("cases.source." + row.key(), null, row.key(), this.locale) : "—";
			breakdown(rows, text("csv.section.source"), source, row);
		}
		String lines = rows.stream()
			.map((cells) -> cells.stream().map(this::cell).collect(Collectors.joining(String.valueOf(separator()))))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		return (this.french ? BOM + lines : lines).getBytes(StandardCharsets.UTF_8);
	}

	private void breakdown(List<List<String>> rows, String section, String key, Breakdown row) {
		rows.add(List.of(section, key, text("opened"), count(row.opened()), ""));
		rows.add(List.of(section, key, text("won"), count(row.won()), number(row.winRate())));
		// the dashboard charts each agent's appointments and no-shows: the export
		// has them too, or a spreadsheet could not redraw what the page shows
		rows.add(List.of(section, key, text("north-star"), count(row.appointmentsPlanned()), ""));
		rows.add(List.of(section, key, text("csv.no-shows"), count(row.noShows()), ""));
	}

	private String text(String code) {
		return this.messages.getMessage("cases.reports." + code, null, this.locale);
	}

	private static String count(long value) {
		return Long.toString(value);
	}

	private String number(@Nullable Double value) {
		return (value != null) ? this.decimals.format(value) : "";
	}

	/**
	 * A cell quoted when it holds the separator, a quote or a line break, and a name that
	 * a spreadsheet would run as a formula shown as text.
	 */
	private String cell(String value) {
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
			text = "'" + text;
		}
		if (text.indexOf(separator()) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static boolean isNumber(String text) {
		return text.matches("-?[0-9]+([.,][0-9]+)?");
	}

}
