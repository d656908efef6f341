package fr.atlas.cases.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import fr.atlas.cases.internal.CaseReports;
import fr.atlas.cases.internal.CaseReports.Summary;
import fr.atlas.cases.engine.WorkingHours;
import fr.atlas.cases.internal.OrganisationWorkingHours;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The reports' default period, and the holidays the working hours page lists, start from
 * "now" by the application's clock, not the system's: a test, a demo or a replay that
 * sets the clock gets the period of its own day.
 */
@SuppressWarnings("unchecked")
class ReportPeriodTests {

	/** 15 March 2026, 10:00 UTC (11:00 in Paris). */
	private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final CaseReports reports = mock(CaseReports.class);

	@Test
	void theApiReportsTheMonthSoFarOfTheClock() {
		when(this.reports.summary(any(), any())).thenReturn(empty());
		new CaseReportApiController(this.reports, this.clock, mock(ReportLabels.class), new StaticMessageSource())
			.summary(null, null);
		// from the 1st of March in Paris (UTC+1) to the clock's instant
		verify(this.reports).summary(Instant.parse("2026-02-28T23:00:00Z"), NOW);
	}

	@Test
	void theDashboardShowsTheThirtyDaysToTheClocksDay() {
		when(this.reports.summary(any(), any())).thenReturn(empty());
		CaseReportPageController page = new CaseReportPageController(this.reports, mock(ReportLabels.class),
				JsonMapper.builder().build(), new StaticMessageSource(), this.clock);
		ExtendedModelMap model = new ExtendedModelMap();
		page.dashboard(null, null, model);
		assertThat(model.getAttribute("to")).isEqualTo(LocalDate.of(2026, 3, 15));
		assertThat(model.getAttribute("from")).isEqualTo(LocalDate.of(2026, 2, 14));
		verify(this.reports).summary(Instant.parse("2026-02-13T23:00:00Z"), Instant.parse("2026-03-15T23:00:00Z"));
	}

	/**
	 * The working hours page lists the public holidays of the year from the clock's day.
	 */
	@Test
	void theWorkingHoursPageListsHolidaysFromTheClocksDay() {
		OrganisationWorkingHours hours = mock(OrganisationWorkingHours.class);
		when(hours.current()).thenReturn(WorkingHours.DEFAULT);
		ExtendedModelMap model = new ExtendedModelMap();
		new WorkingHoursPageController(hours, mock(UiMessages.class), mock(CaseActors.class), this.clock).show(model);
		// Easter Monday 2026 is the first after 15 March, and 15 March 2027 is past the
		// year
		assertThat((List<LocalDate>) model.getAttribute("holidays")).startsWith(LocalDate.of(2026, 4, 6))
			.allMatch((day) -> day.isBefore(LocalDate.of(2027, 3, 15)));
	}

	private static Summary empty() {
		return new Summary(Instant.EPOCH, NOW, 0, 0, 0, 0, null, List.of(), List.of(), List.of(), List.of());
	}

}
