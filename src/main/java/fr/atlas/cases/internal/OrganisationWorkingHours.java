package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.atlas.cases.WorkingHoursChanged;
import fr.atlas.cases.engine.WorkingHours;
import fr.atlas.cases.engine.WorkingHours.Opening;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working hours of the current organisation, which SLA deadlines are counted in;
 * {@link WorkingHours#DEFAULT} until an administrator sets others. Also their JSON form:
 * <pre>
 * {"timeZone": "Europe/Paris", "frenchPublicHolidays": true,
 *  "days": {"MONDAY": {"opens": "09:00", "closes": "18:00"}, ...}}   (a day left out is closed)
 * </pre>
 */
@Service
@Transactional
public class OrganisationWorkingHours {

	private static final List<String> PROPERTIES = List.of("timeZone", "frenchPublicHolidays", "days");

	private static final List<String> OPENING_PROPERTIES = List.of("opens", "closes");

	private final JdbcClient jdbc;

	private final CaseJson json;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	OrganisationWorkingHours(JdbcClient jdbc, CaseJson json, ApplicationEventPublisher events, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public WorkingHours current() {
		return this.jdbc.sql("select time_zone, days, french_public_holidays from case_working_hours")
			.query((rs,
					row) -> read(Map.of("timeZone", rs.getString(1), "days", this.json.readMap(rs.getString(2)),
							"frenchPublicHolidays", rs.getBoolean(3))))
			.optional()
			.orElse(WorkingHours.DEFAULT);
	}

	/** Checks and saves the organisation's working hours, given in their JSON form. */
	public WorkingHours save(Map<String, Object> body, @Nullable UserId by) {
		// "timezone" or "opening" left out would have saved Paris hours, or a closed day,
		// in their place
		List<FieldProblem> unknown = new ArrayList<>();
		WorkflowJson.unknown(body, "", PROPERTIES, unknown);
		if (body.get("days") instanceof Map<?, ?> days) {
			days.forEach((day, opening) -> {
				if (opening instanceof Map<?, ?> hours) {
					WorkflowJson.unknown(hours, "days." + day + ".", OPENING_PROPERTIES, unknown);
				}
			});
		}
		Object holidays = body.get("frenchPublicHolidays");
		if (holidays != null && !(holidays instanceof Boolean) && !"true".equals(holidays)
				&& !"false".equals(holidays)) {
			unknown.add(new FieldProblem("frenchPublicHolidays", "json.expected.boolean"));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException(unknown);
		}
		WorkingHours hours = read(body);
		this.jdbc.sql("""
				insert into case_working_hours (org_id, time_zone, days, french_public_holidays, updated_at, updated_by)
				values (:org, :zone, :days::jsonb, :holidays, :now, :by)
				on conflict (org_id) do update set time_zone = excluded.time_zone, days = excluded.days,
				    french_public_holidays = excluded.french_public_holidays, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by""")
			.param("org", CurrentTenant.require().value())
			.param("zone", hours.zone().getId())
			.param("days", this.json.write(write(hours).get("days")))
			.param("holidays", hours.frenchPublicHolidays())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", (by != null) ? by.value() : null)
			.update();
		this.events.publishEvent(new WorkingHoursChanged(CurrentTenant.require(), describe(hours)));
		return hours;
	}

	public static Map<String, Object> write(WorkingHours hours) {
		Map<String, Object> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			Opening opening = hours.days().get(day);
			if (opening != null) {
				days.put(day.name(),
						Map.of("opens", opening.opens().toString(), "closes", opening.closes().toString()));
			}
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("timeZone", hours.zone().getId());
		json.put("frenchPublicHolidays", hours.frenchPublicHolidays());
		json.put("days", days);
		return json;
	}

	static WorkingHours read(Map<String, Object> json) {
		List<FieldProblem> problems = new ArrayList<>();
		ZoneId zone = WorkingHours.DEFAULT.zone();
		Object rawZone = json.get("timeZone");
		if (rawZone != null) {
			try {
				zone = ZoneId.of(rawZone.toString().trim());
			}
			catch (DateTimeException ex) {
				problems.add(new FieldProblem("timeZone", "cases.working-hours.invalid-zone", rawZone));
			}
		}
		Object rawHolidays = json.get("frenchPublicHolidays");
		boolean holidays = (rawHolidays == null) || Boolean.TRUE.equals(rawHolidays) || "true".equals(rawHolidays);
		Map<DayOfWeek, Opening> days = new EnumMap<>(DayOfWeek.class);
		if (!(json.get("days") instanceof Map<?, ?> rawDays)) {
			problems.add(new FieldProblem("days", "field.required"));
		}
		else {
			rawDays.forEach((key, value) -> {
				String path = "days." + key;
				DayOfWeek day;
				try {
					day = DayOfWeek.valueOf(String.valueOf(key).trim().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem(path, "cases.working-hours.invalid-day", key));
					return;
				}
				if (value == null) {
					return; // closed
				}
				if (!(value instanceof Map<?, ?> opening)) {
					problems.add(new FieldProblem(path, "cases.working-hours.invalid-hours"));
					return;
				}
				try {
					days.put(day, new Opening(LocalTime.parse(String.valueOf(opening.get("opens")).trim()),
							LocalTime.parse(String.valueOf(opening.get("closes")).trim())));
				}
				catch (DateTimeParseException | IllegalArgumentException ex) {
					problems.add(new FieldProblem(path, "cases.working-hours.invalid-hours"));
				}
			});
			if (problems.isEmpty() && days.isEmpty()) {
				problems.add(new FieldProblem("days", "cases.working-hours.no-day"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new WorkingHours(zone, days, holidays);
	}

	private static String describe(WorkingHours hours) {
		StringBuilder text = new StringBuilder(hours.zone().getId());
		hours.days()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> text.append(", ")
				.append(e.getKey().name(), 0, 3)
				.append(' ')
				.append(e.getValue().opens())
				.append('-')
				.append(e.getValue().closes()));
		if (hours.frenchPublicHolidays()) {
			text.append(", jours fériés chômés");
		}
		return text.toString();
	}

}
