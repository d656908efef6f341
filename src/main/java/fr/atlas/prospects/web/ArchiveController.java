package fr.atlas.prospects.web;

import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ProspectArchives;
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
 * The agency page's "Archiver" and "Restaurer" buttons; back to the agency with what
 * happened.
 */
@Controller
@RequestMapping("/prospects/{id}")
@PreAuthorize("hasRole('AGENT')")
@RequiresFeature(Feature.PROSPECTS)
class ArchiveController {

	private final ProspectArchives archives;

	ArchiveController(ProspectArchives archives) {
		this.archives = archives;
	}

	@PostMapping("/archive")
	String archive(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			this.archives.archive(id, reason, principal.userId().value());
			redirect.addFlashAttribute("notice", "prospects.archived");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).code());
		}
		return "redirect:/prospects/" + id;
	}

	@PostMapping("/restore")
	String restore(@PathVariable UUID id, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect) {
		try {
			this.archives.restore(id, principal.userId().value());
			redirect.addFlashAttribute("notice", "prospects.restored");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/prospects/" + id;
	}

}
