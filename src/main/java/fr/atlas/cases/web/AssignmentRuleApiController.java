package fr.atlas.cases.web;

import java.util.List;

import fr.atlas.cases.internal.CaseAssignment;
import fr.atlas.cases.internal.CaseAssignment.Rule;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/case-types/{key}/assignment-rules")
@Tag(name = "Case types and workflows")
@RequiresFeature(Feature.CASES)
class AssignmentRuleApiController {

	private final CaseAssignment assignment;

	private final CaseActors actors;

	AssignmentRuleApiController(CaseAssignment assignment, CaseActors actors) {
		this.assignment = assignment;
		this.actors = actors;
	}

	@GetMapping
	@Operation(summary = "The ordered assignment rules of a case type")
	RulesDocument rules(@PathVariable String key) {
		return new RulesDocument(key, this.assignment.rules(key));
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace the assignment rules of a case type, in order",
			description = "Body: {\"rules\": [{\"name\", \"postcodes\": [\"92\", \"75001-75020\"], \"specialties\": "
					+ "[\"luxury\"], \"sources\": [\"PORTAL\"], \"assignees\": [memberId, ...], \"strategy\": "
					+ "\"LEAST_LOADED\" | \"ROUND_ROBIN\"}]}. A new case without assignee goes to the least loaded "
					+ "member (open cases) of the first rule whose conditions all hold, or with ROUND_ROBIN to each "
					+ "member in turn (an empty condition accepts anything); no match falls back to the default strategy. "
					+ "Postcode: the case field 'postcode'; specialty: its tags or field 'specialty'. [] removes all.")
	RulesDocument replace(@PathVariable String key, @RequestBody RulesRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		// without "rules" (left out, or misspelt) the body would have removed them
		// all: only [] does; the document as read may be sent back, with its own case
		// type
		if (request.rules() == null) {
			throw new InvalidInputException("rules", "field.required");
		}
		if (request.caseType() != null && !request.caseType().equals(key)) {
			throw new InvalidInputException("caseType", "field.invalid");
		}
		return new RulesDocument(key, this.assignment.replace(key, request.rules(), this.actors.of(principal)));
	}

	@RefusesUnknownProperties
	record RulesRequest(@Nullable String caseType, @Nullable List<Rule> rules) {
	}

	record RulesDocument(String caseType, List<Rule> rules) {
	}

}
