package fr.atlas.prospects.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ProspectContacts;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, correcting and removing an agency's contacts from its page. A refused value
 * shows its reason next to it, with what was typed kept.
 */
@Controller
@RequestMapping("/prospects/{id}/contacts")
@PreAuthorize("hasRole('AGENT')")
@RequiresFeature(Feature.PROSPECTS)
class ContactController {

	private final ProspectContacts contacts;

	private final ProspectSearch search;

	private final MessageSource messages;

	ContactController(ProspectContacts contacts, ProspectSearch search, MessageSource messages) {
		this.contacts = contacts;
		this.search = search;
		this.messages = messages;
	}

	@GetMapping("/new")
	String newForm(@PathVariable UUID id, Model model) {
		return page(id, null, ContactForm.EMPTY, Map.of(), model);
	}

	@PostMapping
	String add(@PathVariable UUID id, ContactForm form, @AuthenticationPrincipal AtlasPrincipal principal, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(id, null, form, model, redirect, locale,
				() -> this.contacts.add(id, form.values(), principal.userId().value()), "prospects.contact.added");
	}

	@GetMapping("/{contactId}/edit")
	String editForm(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
		return page(id, contactId, ContactForm.of(this.search.contact(id, contactId)), Map.of(), model);
	}

	@PostMapping("/{contactId}")
	String change(@PathVariable UUID id, @PathVariable UUID contactId, ContactForm form,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model, RedirectAttributes redirect,
			Locale locale) {
		return save(id, contactId, form, model, redirect, locale,
				() -> this.contacts.change(id, contactId, form.values(), principal.userId().value()),
				"prospects.contact.updated");
	}

	@PostMapping("/{contactId}/delete")
	String remove(@PathVariable UUID id, @PathVariable UUID contactId,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			this.contacts.remove(id, contactId, principal.userId().value());
			redirect.addFlashAttribute("notice", "prospects.contact.removed");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/prospects/" + id;
	}

	private String save(UUID id, @Nullable UUID contactId, ContactForm form, Model model, RedirectAttributes redirect,
			Locale locale, Runnable saving, String notice) {
		try {
			saving.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/prospects/" + id;
		}
		catch (InvalidInputException ex) {
			return page(id, contactId, form, FieldErrors.of(ex, this.messages, locale), model);
		}
		catch (ConflictException ex) {
			if (!"prospects.contact.exists".equals(ex.getMessage())) {
				redirect.addFlashAttribute("problem", ex.getMessage());
				return "redirect:/prospects/" + id;
			}
			return page(id, contactId, form,
					Map.of("body", this.messages.getMessage(ex.getMessage(), ex.arguments(), ex.getMessage(), locale)),
					model);
		}
	}

	private String page(UUID id, @Nullable UUID contactId, ContactForm form, Map<String, String> errors, Model model) {
		model.addAttribute("agency", this.search.agency(id));
		model.addAttribute("contactId", contactId);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "prospects/contact";
	}

}
