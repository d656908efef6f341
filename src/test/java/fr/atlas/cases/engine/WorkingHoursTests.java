package fr.atlas.cases.engine;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.engine.WorkingHours.Opening;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingHoursTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final WorkingHours HOURS = WorkingHours.DEFAULT;

	static Instant paris(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
	}

	static Instant due(String start, Duration sla) {
		return HOURS.deadline(paris(start), sla);
	}

	@Test
	void leadOnFridayEveningIsDueOnMondayMorning() {
		assertThat(due("2026-12-04T17:30", Duration.ofHours(2))).isEqualTo(paris("2026-12-07T10:30"));
	}

	@Test
	void countsWithinTheSameDay() {
		assertThat(due("2026-12-01T10:15", Duration.ofHours(2))).isEqualTo(paris("2026-12-01T12:15"));
		assertThat(due("2026-12-01T16:00", Duration.ofHours(2))).isEqualTo(paris("2026-12-01T18:00"));
	}

	@Test
	void skipsTheNight() {
		assertThat(due("2026-12-01T17:00", Duration.ofHours(3))).isEqualTo(paris("2026-12-02T11:00"));
		assertThat(due("2026-12-01T22:45", Duration.ofHours(2))).isEqualTo(paris("2026-12-02T11:00"));
		assertThat(due("2026-12-02T06:00", Duration.ofMinutes(30))).isEqualTo(paris("2026-12-02T09:30"));
	}

	@Test
	void skipsWeekends() {
		assertThat(due("2026-12-05T11:00", Duration.ofHours(2))).isEqualTo(paris("2026-12-07T11:00"));
		assertThat(due("2026-12-06T23:59", Duration.ofHours(9))).isEqualTo(paris("2026-12-07T18:00"));
		// 20 working hours from Thursday 9:00: Thursday (9) + Friday (9) + Monday 2 h
		assertThat(due("2026-12-03T09:00", Duration.ofHours(20))).isEqualTo(paris("2026-12-07T11:00"));
	}

	@Test
	void wholeDaysAreWorkingDays() {
		assertThat(due("2026-12-04T17:30", Duration.ofDays(1))).isEqualTo(paris("2026-12-07T17:30"));
		assertThat(due("2026-12-01T10:00", Duration.ofDays(2))).isEqualTo(paris("2026-12-03T10:00"));
		// out of hours: the days count from the next opening
		assertThat(due("2026-12-04T20:00", Duration.ofDays(1))).isEqualTo(paris("2026-12-08T09:00"));
		assertThat(due("2026-12-01T10:00", Duration.ofDays(1).plusHours(2))).isEqualTo(paris("2026-12-02T12:00"));
	}

	@Test
	void skipsFrenchPublicHolidays() {
		// Christmas 2026 is a Friday: Thursday 17:00 + 2 h ends on Monday 28 at 10:00
		assertThat(due("2026-12-24T17:00", Duration.ofHours(2))).isEqualTo(paris("2026-12-28T10:00"));
		// 14 July 2027 is a Wednesday
		assertThat(due("2027-07-13T17:00", Duration.ofHours(2))).isEqualTo(paris("2027-07-15T10:00"));
		// 1 and 8 May 2026 are Fridays
		assertThat(due("2026-05-07T18:00", Duration.ofHours(1))).isEqualTo(paris("2026-05-11T10:00"));
	}

	@Test
	void computesEasterAndTheHolidaysThatFollowIt() {
		assertThat(FrenchPublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(FrenchPublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(FrenchPublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(FrenchPublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(FrenchPublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(FrenchPublicHolidays.of(2027)).hasSize(11)
			.contains(LocalDate.of(2027, 3, 29), // lundi de Pâques
					LocalDate.of(2027, 5, 6), // Ascension
					LocalDate.of(2027, 5, 17), // lundi de Pentecôte
					LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 8),
					LocalDate.of(2027, 7, 14), LocalDate.of(2027, 8, 15), LocalDate.of(2027, 11, 1),
					LocalDate.of(2027, 11, 11), LocalDate.of(2027, 12, 25))
			.doesNotContain(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 12, 26));
	}

	@Test
	void countsTwoHolidaysOnOneDayOnce() {
		// Ascension fell on 1 May in 2008 and falls on 8 May in 2059: ten days off, not a
		// failure of every deadline that reaches those years
		assertThat(FrenchPublicHolidays.of(2008)).hasSize(10).contains(LocalDate.of(2008, 5, 1));
		assertThat(FrenchPublicHolidays.of(2059)).hasSize(10).contains(LocalDate.of(2059, 5, 8));
		// Wednesday 7 May 2059 17:30 + 2 h: Thursday 8 is off, due Friday 9 at 10:30
		assertThat(due("2059-05-07T17:30", Duration.ofHours(2))).isEqualTo(paris("2059-05-09T10:30"));
	}

	@Test
	void skipsTheEasterBasedHolidaysOf2027() {
		// Friday 26 March 17:30 + 2 h: Easter Monday 29 is off, due Tuesday 30 at 10:30
		assertThat(due("2027-03-26T17:30", Duration.ofHours(2))).isEqualTo(paris("2027-03-30T10:30"));
		// Wednesday 5 May 17:00 + 2 h: Ascension Thursday 6 is off
		assertThat(due("2027-05-05T17:00", Duration.ofHours(2))).isEqualTo(paris("2027-05-07T10:00"));
		// Friday 14 May 17:00 + 2 h: Whit Monday 17 is off
		assertThat(due("2027-05-14T17:00", Duration.ofHours(2))).isEqualTo(paris("2027-05-18T10:00"));
		assertThat(HOURS.isWorkingDay(LocalDate.of(2027, 3, 29))).isFalse();
		assertThat(HOURS.isWorkingDay(LocalDate.of(2027, 3, 30))).isTrue();
	}

	@Test
	void holidaysMayBeWorked() {
		WorkingHours open = new WorkingHours(PARIS, HOURS.days(), false);
		assertThat(open.deadline(paris("2027-03-26T17:30"), Duration.ofHours(2))).isEqualTo(paris("2027-03-29T10:30"));
	}

	@Test
	void followsTheOrganisationsOwnHoursAndTimeZone() {
		ZoneId reunion = ZoneId.of("Indian/Reunion");
		WorkingHours saturdays = new WorkingHours(reunion,
				Map.of(DayOfWeek.SATURDAY, new Opening(LocalTime.of(8, 0), LocalTime.of(12, 0)), DayOfWeek.MONDAY,
						new Opening(LocalTime.of(14, 0), LocalTime.of(19, 0))),
				true);
		Instant start = LocalDateTime.parse("2026-12-05T11:00").atZone(reunion).toInstant();
		assertThat(saturdays.deadline(start, Duration.ofHours(3)))
			.isEqualTo(LocalDateTime.parse("2026-12-07T16:00").atZone(reunion).toInstant());
	}

	@Test
	void countsRealHoursAcrossDaylightSavingChanges() {
		WorkingHours nightShift = new WorkingHours(PARIS,
				Map.of(DayOfWeek.SUNDAY, new Opening(LocalTime.of(0, 0), LocalTime.of(6, 0))), false);
		// 29 March 2026: 02:00 does not exist in Paris, the working night lasts 5 real
		// hours
		assertThat(nightShift.deadline(paris("2026-03-29T00:00"), Duration.ofHours(5)))
			.isEqualTo(paris("2026-03-29T06:00"));
	}

	@Test
	void refusesAnEmptyWeekOrBackwardsHours() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingHours(PARIS, Map.of(), true));
		assertThatIllegalArgumentException().isThrownBy(() -> new Opening(LocalTime.of(18, 0), LocalTime.of(9, 0)));
	}

	@Test
	void workflowCountsSlasInTheGivenWorkingHoursAndEscalatesAfterThem() {
		Instant friday = paris("2026-12-04T17:30");
		StateDefinition fresh = new StateDefinition("NEW", true, false, Map.of(), null, Duration.ofHours(2),
				Duration.ofHours(2), List.of());
		WorkflowDefinition definition = new WorkflowDefinition(
				List.of(fresh, new StateDefinition("DONE", false, true, Map.of(), null, null, List.of())),
				List.of(new TransitionDefinition("finish", List.of("NEW"), "DONE", Map.of(), List.of(), List.of(),
						List.of())));
		Instant due = Workflow.of(definition, Clock.fixed(friday, ZoneOffset.UTC), HOURS).start().slaDueAt();
		assertThat(due).isEqualTo(paris("2026-12-07T10:30"));
		assertThat(Workflow.escalationDueAt(fresh, due, HOURS)).isEqualTo(paris("2026-12-07T12:30"));
		assertThat(Workflow.of(definition, Clock.fixed(friday, ZoneOffset.UTC)).start().slaDueAt())
			.isEqualTo(friday.plus(Duration.ofHours(2)));
	}

	@Test
	void refusesAnEscalationWithoutAnSla() {
		WorkflowDefinition definition = new WorkflowDefinition(
				List.of(new StateDefinition("NEW", true, false, Map.of(), null, null, Duration.ofHours(1), List.of()),
						new StateDefinition("DONE", false, true, Map.of(), null, null, List.of())),
				List.of(new TransitionDefinition("finish", List.of("NEW"), "DONE", Map.of(), List.of(), List.of(),
						List.of())));
		assertThat(WorkflowValidation.validate(definition)).extracting(DefinitionProblem::code)
			.containsExactly("workflow.invalid-escalation");
	}

}
