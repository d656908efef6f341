package fr.atlas.cases.web;

import java.util.List;
import java.util.UUID;

import fr.atlas.cases.internal.CaseTeams;
import fr.atlas.cases.internal.CaseTeams.TeamForm;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's teams: everyone sees them, administrators create, rename, change the
 * members of and delete them.
 */
@Controller
@RequestMapping("/cases/teams")
@RequiresFeature(Feature.CASES)
class TeamPagesController {

	private final CaseTeams teams;

	private final Members members;

	private final UiMessages messages;

	private final CaseActors actors;

	TeamPagesController(CaseTeams teams, Members members, UiMessages messages, CaseActors actors) {
		this.teams = teams;
		this.members = members;
		this.messages = messages;
		this.actors = actors;
	}

	@ModelAttribute("canAdmin")
	boolean canAdmin(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("ADMIN");
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("teams", this.teams.all());
		model.addAttribute("members", this.members.active());
		model.addAttribute("memberNames", this.members.namesById());
		return "cases/teams";
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam String name, @RequestParam(required = false) @Nullable List<String> members,
			RedirectAttributes redirect) {
		return attempt(redirect, "cases.teams.created",
				() -> this.teams.create(new TeamForm(name, (members != null) ? members : List.of())));
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable UUID id, @RequestParam String name,
			@RequestParam(required = false) @Nullable List<String> members, RedirectAttributes redirect) {
		return attempt(redirect, "cases.teams.saved",
				() -> this.teams.update(id, new TeamForm(name, (members != null) ? members : List.of())));
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable UUID id, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		return attempt(redirect, "cases.teams.deleted", () -> {
			this.teams.delete(id, principal.userId());
			return null;
		});
	}

	private String attempt(RedirectAttributes redirect, String notice, java.util.function.Supplier<?> work) {
		try {
			work.get();
			redirect.addFlashAttribute("notice", this.messages.text(notice));
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return "redirect:/cases/teams";
	}

}
