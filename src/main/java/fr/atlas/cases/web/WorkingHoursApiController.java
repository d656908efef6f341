package fr.atlas.cases.web;

import java.util.Map;

import fr.atlas.cases.internal.OrganisationWorkingHours;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases/working-hours")
@Tag(name = "Case types and workflows")
@RequiresFeature(Feature.CASES)
class WorkingHoursApiController {

	private final OrganisationWorkingHours workingHours;

	WorkingHoursApiController(OrganisationWorkingHours workingHours) {
		this.workingHours = workingHours;
	}

	@GetMapping
	@Operation(summary = "The working hours SLA deadlines are counted in",
			description = "Default: Monday to Friday 09:00-18:00 Europe/Paris, French public holidays off.")
	Map<String, Object> get() {
		return OrganisationWorkingHours.write(this.workingHours.current());
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set the organisation's working hours (administrators)",
			description = "`{\"timeZone\": \"Europe/Paris\", \"frenchPublicHolidays\": true, "
					+ "\"days\": {\"MONDAY\": {\"opens\": \"09:00\", \"closes\": \"18:00\"}, ...}}`; "
					+ "a day left out is closed. Applies to deadlines set from now on.")
	Map<String, Object> put(@RequestBody Map<String, Object> body, @AuthenticationPrincipal AtlasPrincipal principal) {
		return OrganisationWorkingHours.write(this.workingHours.save(body, principal.userId()));
	}

}
