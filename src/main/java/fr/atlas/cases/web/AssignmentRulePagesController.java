package fr.atlas.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import fr.atlas.cases.internal.CaseAssignment;
import fr.atlas.cases.internal.CaseAssignment.Rule;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assignment rules section of the workflow editor page: add a rule at the end, move
 * one up, remove one. Each change replaces the type's rules as a whole, like the API.
 */
@Controller
@RequestMapping("/cases/types/{key}/assignment-rules")
@PreAuthorize("hasRole('ADMIN')")
@RequiresFeature(Feature.CASES)
class AssignmentRulePagesController {

	private final CaseAssignment assignment;

	private final CaseActors actors;

	private final UiMessages messages;

	AssignmentRulePagesController(CaseAssignment assignment, CaseActors actors, UiMessages messages) {
		this.assignment = assignment;
		this.actors = actors;
		this.messages = messages;
	}

	@PostMapping
	String add(@PathVariable String key, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String postcodes,
			@RequestParam(required = false) @Nullable String specialties,
			@RequestParam(required = false) @Nullable List<String> sources,
			@RequestParam(required = false) @Nullable List<UUID> assignees,
			@RequestParam(required = false) @Nullable String strategy,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		return change(key, principal, redirect, (rules) -> {
			rules.add(new Rule(name, words(postcodes), words(specialties), sources, assignees, strategy));
			return rules;
		});
	}

	@PostMapping("/{index}/up")
	String up(@PathVariable String key, @PathVariable int index, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return change(key, principal, redirect, (rules) -> {
			if (index > 0 && index < rules.size()) {
				Collections.swap(rules, index, index - 1);
			}
			return rules;
		});
	}

	@PostMapping("/{index}/remove")
	String remove(@PathVariable String key, @PathVariable int index, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return change(key, principal, redirect, (rules) -> {
			if (index >= 0 && index < rules.size()) {
				rules.remove(index);
			}
			return rules;
		});
	}

	private String change(String key, AtlasPrincipal principal, RedirectAttributes redirect,
			UnaryOperator<List<Rule>> edit) {
		try {
			this.assignment.replace(key, edit.apply(new ArrayList<>(this.assignment.rules(key))),
					this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages.text("cases.assignment.saved"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return "redirect:/cases/types/" + key + "/workflow#assignment-rules";
	}

	/**
	 * "92, 75001-75020 78" → [92, 75001-75020, 78]; a range may be written "75001 -
	 * 75020".
	 */
	private static List<String> words(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.replaceAll("\\s*-\\s*", "-").split("[,;\\s]+")).filter((w) -> !w.isBlank()).toList();
	}

}
