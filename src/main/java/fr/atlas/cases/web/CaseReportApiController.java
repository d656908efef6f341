package fr.atlas.cases.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import fr.atlas.cases.internal.CaseReports;
import fr.atlas.cases.internal.CaseReports.Summary;
import fr.atlas.cases.internal.FourDigitDays;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Case reports")
@RequiresFeature(Feature.CASES)
class CaseReportApiController {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final CaseReports reports;

	private final Clock clock;

	private final ReportLabels labels;

	private final MessageSource messages;

	CaseReportApiController(CaseReports reports, Clock clock, ReportLabels labels, MessageSource messages) {
		this.reports = reports;
		this.clock = clock;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping("/api/v1/cases/reports/summary")
	@Operation(summary = "North star (appointments planned), no-show rate and conversion per stage over [from, to)",
			description = "from and to are ISO instants or dates (a date 'to' includes that day, Europe/Paris). "
					+ "Default: the current month so far.")
	Summary summary(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Instant[] period = period(from, to);
		return this.reports.summary(period[0], period[1]);
	}

	/**
	 * The dashboard's CSV for a program: the export was only a page's link, which an API
	 * token could not reach (ADR 0105).
	 */
	@GetMapping(path = "/api/v1/cases/reports/summary.csv", produces = "text/csv")
	@Operation(summary = "The same numbers as CSV, as the dashboard's export",
			description = "from and to as for the summary (default: the current month so far). In the caller's "
					+ "language (Accept-Language, French by default) and its spreadsheet conventions: UTF-8 with a BOM, "
					+ "and in French ';' between columns and decimal commas. Columns: section, item, detail, count, "
					+ "rate or hours.")
	ResponseEntity<byte[]> summaryCsv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Instant[] period = period(from, to);
		// named by the days it covers in Paris, as the dashboard's file
		return new ReportCsv(this.messages, LocaleContextHolder.getLocale()).download(
				this.reports.summary(period[0], period[1]), this.labels, LocalDate.ofInstant(period[0], PARIS),
				LocalDate.ofInstant(period[1].minusNanos(1), PARIS));
	}

	/** [from, to): by default the current month so far; an empty period is a 400. */
	private Instant[] period(@Nullable String from, @Nullable String to) {
		// "now" is the application's clock, as everywhere a date is computed
		Instant now = this.clock.instant();
		Instant start = (from != null) ? parse("from", from, false)
				: LocalDate.ofInstant(now, PARIS).withDayOfMonth(1).atStartOfDay(PARIS).toInstant();
		Instant end = (to != null) ? parse("to", to, true) : now;
		if (!end.isAfter(start)) {
			throw new InvalidInputException("to", "report.period-invalid");
		}
		return new Instant[] { start, end };
	}

	static Instant parse(String field, String value, boolean endOfDay) {
		try {
			return FourDigitDays.checked(field, Instant.parse(value));
		}
		catch (DateTimeParseException ex) {
			try {
				LocalDate date = FourDigitDays.checked(field, LocalDate.parse(value));
				return FourDigitDays.checked(field,
						(endOfDay ? date.plusDays(1) : date).atStartOfDay(PARIS).toInstant());
			}
			catch (DateTimeParseException again) {
				// say what is read, not only that this is not it
				throw new InvalidInputException(field, "report.date-invalid");
			}
		}
	}

}
