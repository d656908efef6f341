package fr.atlas.cases.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.atlas.cases.engine.FrenchPublicHolidays;
import fr.atlas.cases.engine.WorkingHours;
import fr.atlas.cases.internal.OrganisationWorkingHours;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's working hours, which SLAs are counted in: everyone sees them,
 * administrators change them.
 */
@Controller
@RequestMapping("/cases/working-hours")
@RequiresFeature(Feature.CASES)
class WorkingHoursPageController {

	private final OrganisationWorkingHours workingHours;

	private final UiMessages messages;

	private final CaseActors actors;

	private final Clock clock;

	WorkingHoursPageController(OrganisationWorkingHours workingHours, UiMessages messages, CaseActors actors,
			Clock clock) {
		this.workingHours = workingHours;
		this.messages = messages;
		this.actors = actors;
		this.clock = clock;
	}

	@ModelAttribute("canAdmin")
	boolean canAdmin(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("ADMIN");
	}

	@GetMapping
	String show(Model model) {
		WorkingHours hours = this.workingHours.current();
		if (!model.containsAttribute("hours")) {
			model.addAttribute("hours", OrganisationWorkingHours.write(hours));
		}
		Map<String, String> dayNames = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			dayNames.put(day.name(), day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("dayNames", dayNames);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), hours.zone());
		model.addAttribute("holidays",
				Stream.of(today.getYear(), today.getYear() + 1)
					.flatMap((year) -> FrenchPublicHolidays.of(year).stream())
					.filter((day) -> !day.isBefore(today) && day.isBefore(today.plusYears(1)))
					.sorted()
					.toList());
		model.addAttribute("zones", List.of("Europe/Paris", "America/Martinique", "America/Guadeloupe",
				"America/Cayenne", "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti"));
		return "cases/working-hours";
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String save(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal AtlasPrincipal principal,
			Model model, RedirectAttributes redirect) {
		Map<String, Object> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			if ("on".equals(form.getFirst(day.name() + ".open"))) {
				Map<String, Object> opening = new LinkedHashMap<>();
				opening.put("opens", String.valueOf(form.getFirst(day.name() + ".opens")));
				opening.put("closes", String.valueOf(form.getFirst(day.name() + ".closes")));
				days.put(day.name(), opening);
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("timeZone", String.valueOf(form.getFirst("timeZone")));
		body.put("frenchPublicHolidays", "on".equals(form.getFirst("frenchPublicHolidays")));
		body.put("days", days);
		try {
			this.workingHours.save(body, principal.userId());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", this.messages.of(ex));
			model.addAttribute("hours", body);
			return show(model);
		}
		redirect.addFlashAttribute("notice", this.messages.text("cases.working-hours.saved"));
		return "redirect:/cases/working-hours";
	}

}
