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

	CaseReportApiController(CaseReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/api/v1/cases/reports/summary")
	@Operation(summary = "North star (appointments planned), no-show rate and conversion per stage over [from, to)",
			description = "from and to are ISO instants or dates (a date 'to' includes that day, Europe/Paris). "
					+ "Default: the current month so far.")
	Summary summary(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		// "now" is the application's clock, as everywhere a date is computed
		Instant now = this.clock.instant();
		Instant start = (from != null) ? parse("from", from, false)
				: LocalDate.ofInstant(now, PARIS).withDayOfMonth(1).atStartOfDay(PARIS).toInstant();
		Instant end = (to != null) ? parse("to", to, true) : now;
		if (!end.isAfter(start)) {
			throw new InvalidInputException("to", "report.period-invalid");
		}
		return this.reports.summary(start, end);
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
				throw new InvalidInputException(field, "field.invalid");
			}
		}
	}

}
