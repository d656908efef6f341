package fr.atlas.cases.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import fr.atlas.cases.internal.CaseTeam;
import fr.atlas.cases.internal.CaseTeams;
import fr.atlas.cases.internal.CaseTeams.TeamForm;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.web.ConflictsWith;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams of the organisation, which cases can be given to")
@RequiresFeature(Feature.CASES)
class TeamApiController {

	private final CaseTeams teams;

	TeamApiController(CaseTeams teams) {
		this.teams = teams;
	}

	@GetMapping
	@Operation(summary = "The organisation's teams, by name, with their members' ids")
	List<CaseTeam> list() {
		return this.teams.all();
	}

	@GetMapping("/{id}")
	CaseTeam get(@PathVariable UUID id) {
		return this.teams.require(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ConflictsWith("case.team.name-taken: another team of the organisation has this name (ignoring case); "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a team (administrators)",
			description = "Body: {\"name\", \"members\": [userId]}; members must be active members of the "
					+ "organisation (else 400), the name unique ignoring case (else 409).")
	ResponseEntity<CaseTeam> create(@RequestBody TeamForm form) {
		CaseTeam team = this.teams.create(form);
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
	}

	@ConflictsWith("case.team.name-taken: another team of the organisation has this name (ignoring case); "
			+ "idempotency.key-reused: the Idempotency-Key was sent before with another request")
	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Rename a team and replace its members (administrators)")
	CaseTeam update(@PathVariable UUID id, @RequestBody TeamForm form) {
		return this.teams.update(id, form);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete a team (administrators); its cases are left without a team")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal AtlasPrincipal principal) {
		this.teams.delete(id, principal.userId());
		return ResponseEntity.noContent().build();
	}

}
