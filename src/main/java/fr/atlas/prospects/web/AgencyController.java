package fr.atlas.prospects.web;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.internal.MergeChoice;
import fr.atlas.prospects.internal.ProspectCreations;
import fr.atlas.prospects.internal.ProspectCreations.Created;
import fr.atlas.prospects.internal.ProspectDetachments;
import fr.atlas.prospects.internal.ProspectEdits;
import fr.atlas.prospects.internal.ProspectEdits.Edited;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Detail;
import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.prospects.internal.Specialty;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.dao.PessimisticLockingFailureException;
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
 * An agency's pages: the agency with its contacts, sources, cases and possible
 * duplicates, adding one by hand, editing it, merge and unmerge.
 */
@Controller
@RequestMapping("/prospects")
@RequiresFeature(Feature.PROSPECTS)
class AgencyController {

	private final ProspectSearch search;

	private final ProspectMerges merges;

	private final ProspectEdits edits;

	private final ProspectCreations creations;

	private final AgencyPanels panels;

	private final Members members;

	private final MessageSource messages;

	private final EuroAmounts euros;

	private final ProspectDetachments detachments;

	/**
	 * Import rows with problems an agency page lists; the import's report has them all.
	 */
	private static final int IMPORT_PROBLEMS_SHOWN = 20;

	/**
	 * Contacts an agency's page shows, and a page of its list of contacts; an agency that
	 * thousands of a file's rows reached has as many.
	 */
	private static final int CONTACTS_ON_A_PAGE = 20;

	/**
	 * Sources an agency's page shows, and a page of its list of sources: about ten for
	 * each row of a file that reached it.
	 */
	private static final int SOURCES_ON_A_PAGE = 50;

	/** The time zone the provenance's times are shown in. */
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Agencies a search for one to merge lists; a longer list asks for more words. */
	private static final int MERGE_CANDIDATES_SHOWN = 10;

	AgencyController(ProspectSearch search, ProspectMerges merges, ProspectEdits edits, ProspectCreations creations,
			AgencyPanels panels, Members members, MessageSource messages, EuroAmounts euros,
			ProspectDetachments detachments) {
		this.euros = euros;
		this.detachments = detachments;
		this.search = search;
		this.merges = merges;
		this.edits = edits;
		this.creations = creations;
		this.panels = panels;
		this.members = members;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, @RequestParam(required = false) @Nullable String mergeWith, Model model,
			HtmxRequest htmx) {
		if (mergeWith != null && htmx.isHtmxRequest() && !htmx.isBoosted()) {
			model.addAttribute("mergeCandidates", mergeCandidates(id, mergeWith));
			model.addAttribute("agencyId", id);
			return "prospects/detail :: merge-candidates";
		}
		Detail detail = this.search.detail(id);
		model.addAttribute("agencyId", id);
		model.addAttribute("mergeWith", mergeWith);
		model.addAttribute("mergeCandidates", (mergeWith != null) ? mergeCandidates(id, mergeWith) : null);
		model.addAttribute("detail", detail);
		model.addAttribute("contactsShown",
				detail.contacts().subList(0, Math.min(detail.contacts().size(), CONTACTS_ON_A_PAGE)));
		model.addAttribute("sourcesShown",
				detail.sources().subList(0, Math.min(detail.sources().size(), SOURCES_ON_A_PAGE)));
		model.addAttribute("comparisons", comparisonsWith(detail.agency(), detail.duplicates()));
		model.addAttribute("panels", this.panels.of(id));
		model.addAttribute("agencyFacts", AgencyPanels.facts(detail));
		// what the imports left out of this agency: no field shows it, so the page does
		model.addAttribute("importProblems", this.search.importProblems(id, IMPORT_PROBLEMS_SHOWN));
		// an agency merged from two files has a "ligne 1" in each: the file says which
		model.addAttribute("importFiles", importFiles(detail));
		model.addAttribute("detachments", this.detachments.of(id));
		model.addAttribute("paris", PARIS);
		model.addAttribute("memberNames", memberNames());
		return "prospects/detail";
	}

	/**
	 * The names of members by id as text, as provenance lines hold them: former members
	 * too, since an agency keeps the owner it had.
	 */
	private Map<String, String> memberNames() {
		Map<String, String> names = new HashMap<>();
		this.members.namesById().forEach((member, name) -> names.put(member.toString(), name));
		return names;
	}

	/**
	 * Every contact of an agency, a page at a time, the agency's page showing its first.
	 */
	@GetMapping("/{id}/contacts")
	String contacts(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("agency", this.search.agency(id));
		model.addAttribute("contacts", this.search.contacts(id, page, CONTACTS_ON_A_PAGE));
		return "prospects/contacts";
	}

	/**
	 * Where every value of an agency came from, a page at a time, the agency's page
	 * showing the first.
	 */
	@GetMapping("/{id}/sources")
	String sources(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("agency", this.search.agency(id));
		model.addAttribute("sources", this.search.sources(id, page, SOURCES_ON_A_PAGE));
		model.addAttribute("paris", PARIS);
		model.addAttribute("memberNames", memberNames());
		return "prospects/sources";
	}

	/**
	 * The active agencies a text finds, other than this one, to merge into it: a
	 * duplicate the matcher did not pair (two files that share nothing but the name's
	 * words) was merged through the API only.
	 */
	private List<Summary> mergeCandidates(UUID id, String text) {
		if (text.isBlank()) {
			return List.of();
		}
		ProspectQuery query = new ProspectQuery(text, null, null, "ACTIVE", null, null, null, null, null, null, null,
				null, null, null, null, "name", 0, MERGE_CANDIDATES_SHOWN + 1);
		return this.search.find(query)
			.items()
			.stream()
			.filter((agency) -> !agency.id().equals(id))
			.limit(MERGE_CANDIDATES_SHOWN)
			.toList();
	}

	/** The file name of each import the agency's rows came from, by the import's id. */
	private static Map<UUID, String> importFiles(Detail detail) {
		Map<UUID, String> files = new HashMap<>();
		detail.sources()
			.stream()
			.filter((source) -> source.importId() != null && source.fileName() != null)
			.forEach((source) -> files.putIfAbsent(source.importId(), source.fileName()));
		return files;
	}

	/** The form of an agency added by hand, its owner the member who adds it. */
	@GetMapping("/new")
	@PreAuthorize("hasRole('AGENT')")
	String newForm(@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		return editPage(null, AgencyForm.empty(principal.userId().value()), Map.of(), null, model);
	}

	/**
	 * Adds the agency of the form. One the organisation has already is not added: the
	 * form comes back naming it, with a link to it and a button that adds this one all
	 * the same ({@code allowDuplicate}), for two agencies that share a switchboard.
	 */
	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	String create(AgencyForm form, @RequestParam(defaultValue = "false") boolean allowDuplicate,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model, RedirectAttributes redirect,
			Locale locale) {
		Map<String, @Nullable Object> fields = form.changes();
		if (allowDuplicate) {
			fields.put("allowDuplicate", true);
		}
		try {
			Created created = this.creations.create(fields, principal.userId().value());
			redirect.addFlashAttribute("notice",
					(created.resembles() != null) ? "prospects.created.resembles" : "prospects.created");
			return "redirect:/prospects/" + created.id();
		}
		catch (InvalidInputException ex) {
			return editPage(null, form, FieldErrors.of(ex, this.messages, locale), null, model);
		}
		catch (ConflictException ex) {
			model.addAttribute("existing", ex.details());
			return editPage(null, form, Map.of(),
					this.messages.getMessage(ex.getMessage(), ex.arguments(), ex.getMessage(), locale), model);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('AGENT')")
	String editForm(@PathVariable UUID id, Model model) {
		Summary agency = this.search.detail(id).agency();
		return editPage(id, AgencyForm.of(agency), Map.of(), null, model);
	}

	/**
	 * Saves the form as one edit of every field on it: fields left as they were do not
	 * change, and a refused value shows its reason next to it, with what was typed kept.
	 */
	@PostMapping("/{id}/edit")
	@PreAuthorize("hasRole('AGENT')")
	String edit(@PathVariable UUID id, AgencyForm form, @AuthenticationPrincipal AtlasPrincipal principal, Model model,
			RedirectAttributes redirect, Locale locale) {
		try {
			Edited edited = this.edits.edit(id, form.asStored(this.search.agency(id)).changes(),
					principal.userId().value());
			// a form sent back as it came changes nothing, and is not told it did
			redirect.addFlashAttribute("notice", (edited.resembles() != null) ? "prospects.edited.resembles"
					: edited.fields().isEmpty() ? "prospects.edited.nothing" : "prospects.edited");
			return "redirect:/prospects/" + id;
		}
		catch (InvalidInputException ex) {
			return editPage(id, form, FieldErrors.of(ex, this.messages, locale), null, model);
		}
		catch (ConflictException ex) {
			return editPage(id, form, Map.of(),
					this.messages.getMessage(ex.getMessage(), ex.arguments(), ex.getMessage(), locale), model);
		}
	}

	/** The agency's form: a new agency's without {@code id}. */
	private String editPage(@Nullable UUID id, AgencyForm form, Map<String, String> errors, @Nullable String problem,
			Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editProblem", problem);
		model.addAttribute("members", this.members.active());
		// suggestions for the specialty: each label reads as its specialty
		model.addAttribute("specialties", Specialty.values());
		return "prospects/edit";
	}

	/**
	 * The confirmation of "merge here": this agency stays, the other is merged into it,
	 * and each value that differs can be taken from either (ADR 0063). A page of its own,
	 * or, for htmx, the form alone, shown under the agency's possible duplicates.
	 */
	@GetMapping("/{id}/merge")
	@PreAuthorize("hasRole('AGENT')")
	String mergeChoice(@PathVariable UUID id, @RequestParam UUID otherId, Model model, HtmxRequest htmx,
			Locale locale) {
		Map<UUID, Summary> agencies = this.search.summaries(Set.of(id, otherId));
		Summary survivor = agencies.get(id);
		Summary other = agencies.get(otherId);
		if (survivor == null || other == null || id.equals(otherId)) {
			throw new NotFoundException("Agence");
		}
		model.addAttribute("survivor", survivor);
		model.addAttribute("other", other);
		model.addAttribute("comparison", PairComparison.full(survivor, other, this.members.namesById(),
				(cents) -> this.euros.of(cents, locale)));
		boolean embedded = htmx.isHtmxRequest() && !htmx.isBoosted();
		// under the agency's duplicates the form says what it is; on its own page the
		// title does
		model.addAttribute("embedded", embedded);
		return embedded ? "prospects/merge :: choice" : "prospects/merge";
	}

	/**
	 * Merges the other agency into this one, from the agency's confirmation or the review
	 * queue. {@code keep.<field>} names the agency whose value of that field survives
	 * (its id, or "survivor" / "other" as the API says it); a field not named follows the
	 * merge's rule.
	 */
	@PostMapping("/{id}/merge")
	@PreAuthorize("hasRole('AGENT')")
	String merge(@PathVariable UUID id, @RequestParam UUID otherId,
			@RequestParam(required = false) @Nullable Integer queuePage,
			@RequestParam(required = false) @Nullable UUID queueImport,
			@RequestParam(required = false) @Nullable String queueReason, @RequestParam Map<String, String> parameters,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		boolean merged = false;
		try {
			this.merges.merge(id, otherId, principal.userId().value(), choice(parameters, id, otherId));
			merged = true;
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (PessimisticLockingFailureException ex) {
			// a deadlock the database broke by failing the merge (an import writing the
			// same agencies): said as the API says it, the person tries again
			redirect.addFlashAttribute("problem", "problem.concurrent-change");
		}
		catch (InvalidInputException ex) {
			// a form of ours names known fields and agencies: only a form tampered with
			// lands here
			redirect.addFlashAttribute("problem", ex.problems().get(0).field().startsWith("keep.")
					? "prospects.merge.keep.invalid" : ex.problems().get(0).code());
		}
		if (queuePage == null) {
			if (merged) {
				redirect.addFlashAttribute("notice", "prospects.merged");
			}
			return "redirect:/prospects/" + id;
		}
		// from the review queue: the reviewer goes on with the next pair, with a link
		// to the surviving agency where the merge can be undone
		if (merged) {
			redirect.addFlashAttribute("mergedId", id);
			redirect.addFlashAttribute("mergedName", this.search.detail(id).displayName());
		}
		return "redirect:" + DuplicateQueueController.queue(queuePage, queueImport, queueReason);
	}

	/**
	 * The form's {@code keep.*} radios as the API's {@code keep}: an agency's id is the
	 * survivor or the other.
	 */
	private static MergeChoice choice(Map<String, String> parameters, UUID survivor, UUID other) {
		Map<String, String> keep = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("keep.")) {
				String side = value.strip();
				keep.put(name.substring("keep.".length()),
						survivor.toString().equals(side) ? "survivor" : other.toString().equals(side) ? "other" : side);
			}
		});
		return MergeChoice.read(keep);
	}

	/**
	 * "Détacher cette ligne": the row becomes an agency of its own, whose page opens with
	 * the way back (ADR 0092).
	 */
	@PostMapping("/{id}/sources/{importId}/rows/{row}/detach")
	@PreAuthorize("hasRole('AGENT')")
	String detach(@PathVariable UUID id, @PathVariable UUID importId, @PathVariable int row,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			ProspectDetachments.Detached detached = this.detachments.detach(id, importId, row,
					principal.userId().value());
			redirect.addFlashAttribute("notice", "prospects.detached");
			return "redirect:/prospects/" + detached.agencyId();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/prospects/" + id;
		}
	}

	@PostMapping("/detachments/{detachmentId}/undo")
	@PreAuthorize("hasRole('AGENT')")
	String undoDetach(@PathVariable UUID detachmentId, @RequestParam(required = false) @Nullable UUID back,
			RedirectAttributes redirect) {
		try {
			ProspectDetachments.Detached undone = this.detachments.undo(detachmentId);
			redirect.addFlashAttribute("notice", "prospects.detach.undone");
			return "redirect:/prospects/" + undone.fromId();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/prospects/" + ((back != null) ? back : "");
		}
	}

	@PostMapping("/{id}/unmerge")
	@PreAuthorize("hasRole('AGENT')")
	String unmerge(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.merges.unmerge(id);
			redirect.addFlashAttribute("notice", "prospects.unmerged");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/prospects/" + id;
	}

	/**
	 * Each possible duplicate of an agency compared with it field by field, by the pair's
	 * id: the agency is on the left.
	 */
	private Map<UUID, PairComparison> comparisonsWith(Summary agency, List<Duplicate> duplicates) {
		return PairComparison.byPair(duplicates, (d) -> agency.id(), (d) -> otherSide(agency, d),
				this.search::summaries);
	}

	private static UUID otherSide(Summary agency, Duplicate duplicate) {
		return duplicate.agency().id().equals(agency.id()) ? duplicate.other().id() : duplicate.agency().id();
	}

}
