package fr.atlas.prospects.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.springframework.web.bind.annotation.RequestParam;
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
		return page(id, null, ContactForm.EMPTY, Map.of(), null, model);
	}

	@PostMapping
	String add(@PathVariable UUID id, ContactForm form, @AuthenticationPrincipal AtlasPrincipal principal, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(id, null, form, null, model, redirect, locale, () -> {
			this.contacts.add(id, form.values(), principal.userId().value());
			return "prospects.contact.added";
		});
	}

	/**
	 * {@code listPage}: the page of the agency's list of contacts the change was started
	 * from, where it leads back (the agency's page without it).
	 */
	@GetMapping("/{contactId}/edit")
	String editForm(@PathVariable UUID id, @PathVariable UUID contactId,
			@RequestParam(required = false) @Nullable Integer listPage, Model model) {
		return page(id, contactId, ContactForm.of(this.search.contact(id, contactId)), Map.of(), listPage, model);
	}

	@PostMapping("/{contactId}")
	String change(@PathVariable UUID id, @PathVariable UUID contactId, ContactForm form,
			@RequestParam(required = false) @Nullable Integer listPage,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model, RedirectAttributes redirect,
			Locale locale) {
		return save(id, contactId, form, listPage, model, redirect, locale,
				() -> this.contacts.change(id, contactId, form.asStored(this.search.contact(id, contactId)).values(),
						principal.userId().value()) ? "prospects.contact.updated" : "prospects.contact.unchanged");
	}

	@PostMapping("/{contactId}/delete")
	String remove(@PathVariable UUID id, @PathVariable UUID contactId,
			@RequestParam(required = false) @Nullable Integer listPage,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			this.contacts.remove(id, contactId, principal.userId().value());
			redirect.addFlashAttribute("notice", "prospects.contact.removed");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return back(id, listPage);
	}

	/**
	 * Where a change leads back: the page of the agency's contacts it was made from, else
	 * the agency's page.
	 */
	private static String back(UUID id, @Nullable Integer listPage) {
		if (listPage == null) {
			return "redirect:/prospects/" + id;
		}
		return "redirect:/prospects/" + id + "/contacts" + ((listPage > 0) ? "?page=" + listPage : "");
	}

	private String save(UUID id, @Nullable UUID contactId, ContactForm form, @Nullable Integer listPage, Model model,
			RedirectAttributes redirect, Locale locale, Supplier<String> saving) {
		try {
			redirect.addFlashAttribute("notice", saving.get());
			return back(id, listPage);
		}
		catch (InvalidInputException ex) {
			return page(id, contactId, form, FieldErrors.of(ex, this.messages, locale), listPage, model);
		}
		catch (ConflictException ex) {
			if (!"prospects.contact.exists".equals(ex.getMessage())) {
				redirect.addFlashAttribute("problem", ex.getMessage());
				return back(id, listPage);
			}
			return page(id, contactId, form,
					Map.of("body", this.messages.getMessage(ex.getMessage(), ex.arguments(), ex.getMessage(), locale)),
					listPage, model);
		}
	}

	private String page(UUID id, @Nullable UUID contactId, ContactForm form, Map<String, String> errors,
			@Nullable Integer listPage, Model model) {
		model.addAttribute("agency", this.search.agency(id));
		model.addAttribute("listPage", listPage);
		model.addAttribute("contactId", contactId);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "prospects/contact";
	}

}
