package fr.atlas.cases.web;

import java.util.UUID;

import fr.atlas.cases.internal.AgencyProspection;
import fr.atlas.cases.internal.AgencyProspection.Opened;
import fr.atlas.platform.AgencyFacts;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency page's "open a prospection case" button ({@link CasesOnAgencyPage}): to the
 * agency's prospection case, new or already open.
 */
@Controller
@RequiresFeature(Feature.CASES)
class AgencyProspectionController {

	private final AgencyProspection prospection;

	private final CaseActors actors;

	private final UiMessages messages;

	AgencyProspectionController(AgencyProspection prospection, CaseActors actors, UiMessages messages) {
		this.prospection = prospection;
		this.actors = actors;
		this.messages = messages;
	}

	@PostMapping("/cases/from-agency")
	@PreAuthorize("hasRole('AGENT')")
	String open(@RequestParam UUID agencyId, @RequestParam String agencyName,
			@RequestParam(required = false) @Nullable String siren,
			@RequestParam(required = false) @Nullable String city,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String contactName,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			Opened opened = this.prospection.open(
					new AgencyFacts(agencyId, agencyName, siren, city, email, contactName, null),
					this.actors.of(principal));
			redirect.addFlashAttribute("notice", this.messages
				.text(opened.alreadyOpen() ? "cases.agency.already-open" : "cases.agency.opened", agencyName.strip()));
			return "redirect:/cases/" + opened.caseFile().id();
		}
		catch (InvalidInputException ex) {
			// the agency's page says why (a type renamed or removed, a name missing)
			redirect.addFlashAttribute("problemText", this.messages.of(ex));
			return "redirect:/prospects/" + agencyId;
		}
	}

}
