package fr.atlas.prospects.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.SavedSearches;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list's "save this search" form and the saved searches' delete buttons: back to the
 * list, with the search it showed and what happened.
 */
@Controller
@RequestMapping("/prospects/searches")
@PreAuthorize("hasRole('AGENT')")
@RequiresFeature(Feature.PROSPECTS)
class SavedSearchController {

	private final SavedSearches searches;

	private final ProspectSearch search;

	private final MessageSource messages;

	SavedSearchController(SavedSearches searches, ProspectSearch search, MessageSource messages) {
		this.searches = searches;
		this.search = search;
		this.messages = messages;
	}

	@PostMapping
	String save(@RequestParam(required = false) @Nullable String searchName,
			@RequestParam(defaultValue = "false") boolean personal, @ModelAttribute SearchParams search,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect, Locale locale) {
		try {
			// a filter the list cannot read is refused here rather than saved
			this.search.find(search.query(principal, 0, 1));
			SavedSearches.Saved saved = this.searches.save(searchName, search.filters(), principal.userId().value(),
					personal);
			redirect.addFlashAttribute("searchNotice",
					this.messages.getMessage(
							saved.created() ? "prospects.searches.saved" : "prospects.searches.replaced",
							new Object[] { saved.search().name() }, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("searchErrors", List.copyOf(FieldErrors.of(ex, this.messages, locale).values()));
		}
		search.keepIn(redirect);
		return "redirect:/prospects";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, @ModelAttribute SearchParams search,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect, Locale locale) {
		this.searches.delete(id, principal.userId().value());
		redirect.addFlashAttribute("searchNotice",
				this.messages.getMessage("prospects.searches.deleted", null, locale));
		search.keepIn(redirect);
		return "redirect:/prospects";
	}

}
