package fr.atlas.prospects.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.prospects.internal.ProspectBulkEdits;
import fr.atlas.prospects.internal.ProspectBulkEdits.Outcome;
import fr.atlas.prospects.internal.ProspectBulkEdits.Queued;
import fr.atlas.prospects.internal.ProspectBulkEdits.Result;
import fr.atlas.prospects.internal.ProspectBulkJobs;
import fr.atlas.prospects.internal.ProspectCounts;
import fr.atlas.prospects.internal.ProspectCreations;
import fr.atlas.prospects.internal.ProspectCreations.Created;
import fr.atlas.prospects.internal.ProspectBulkEdits.Selection;
import fr.atlas.prospects.internal.ProspectEdits;
import fr.atlas.prospects.internal.ProspectExport;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Detail;
import fr.atlas.prospects.internal.ProspectSearch.Duplicate;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.tenancy.Members;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
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
 * Prospect pages: the searchable list, an agency with its contacts, sources and possible
 * duplicates (merge, unmerge), and the review queue.
 */
@Controller
@RequestMapping("/prospects")
class ProspectController {

	private static final int ENDED_JOBS_SHOWN_MINUTES = 10;

	private final ProspectSearch search;

	private final ProspectMerges merges;

	private final ProspectExport export;

	private final ProspectEdits edits;

	private final ProspectBulkEdits bulkEdits;

	private final Members members;

	private final MessageSource messages;

	private final ProspectImports imports;

	private final ProspectBulkJobs bulkJobs;

	private final ProspectCounts counts;

	private final AgencyPanels panels;

	private final ProspectCreations creations;

	/** Pairs of the review queue shown on a page. */
	static final int DUPLICATES_PAGE = 100;

	ProspectController(ProspectSearch search, ProspectMerges merges, ProspectExport export, ProspectEdits edits,
			ProspectBulkEdits bulkEdits, Members members, MessageSource messages, ProspectImports imports,
			ProspectBulkJobs bulkJobs, ProspectCounts counts, AgencyPanels panels, ProspectCreations creations) {
		this.bulkJobs = bulkJobs;
		this.creations = creations;
		this.panels = panels;
		this.counts = counts;
		this.imports = imports;
		this.bulkEdits = bulkEdits;
		this.search = search;
		this.merges = merges;
		this.export = export;
		this.edits = edits;
		this.members = members;
		this.messages = messages;
	}

	@Bean
	static NavigationEntry prospectsNavigation() {
		return new NavigationEntry("/prospects", "nav.prospects", 10, "prospects", null);
	}

	@GetMapping
	String list(@ModelAttribute("search") SearchParams search, @AuthenticationPrincipal AtlasPrincipal principal,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model,
			HtmxRequest htmx, Locale locale) {
		ProspectQuery query = search.query(principal, page, size);
		model.addAttribute("query", query);
		model.addAttribute("importName", importName(search.importId()));
		// background bulk changes running, or ended a moment ago
		model.addAttribute("bulkJobs", this.bulkJobs.current(ENDED_JOBS_SHOWN_MINUTES));
		try {
			model.addAttribute("result", this.search.find(query));
		}
		catch (InvalidInputException ex) {
			// a filter the search cannot read: said above an empty list, the form kept as
			// typed so it can be corrected
			model.addAttribute("filterErrors", FieldErrors.of(ex, this.messages, locale).values());
			model.addAttribute("result", new ProspectSearch.Page<>(List.of(), query.page(), query.size(), 0));
		}
		model.addAttribute("members", this.members.active());
		// former members too: an agency keeps the owner it had
		model.addAttribute("ownerNames", this.members.namesById());
		return htmx.isHtmxRequest() && !htmx.isBoosted() ? "prospects/list :: results" : "prospects/list";
	}

	/**
	 * The list's "change several agencies" form: the agencies ticked, or every one of the
	 * search the form carries; back to the same search with what changed.
	 */
	@PostMapping("/bulk")
	@PreAuthorize("hasRole('AGENT')")
	String bulk(@RequestParam(defaultValue = "selected") String scope,
			@RequestParam(required = false) @Nullable List<UUID> ids, @ModelAttribute SearchParams search,
			@RequestParam(required = false) @Nullable String newOwner,
			@RequestParam(required = false) @Nullable String addTag,
			@RequestParam(required = false) @Nullable String removeTag,
			@RequestParam(required = false) @Nullable List<String> dealTo,
			@RequestParam(required = false) @Nullable String archiving,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal AtlasPrincipal principal,
			RedirectAttributes redirect, Locale locale) {
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		if (newOwner != null && !newOwner.isBlank()) {
			changes.put("owner", newOwner.equals("none") ? null : newOwner);
		}
		if (dealTo != null && !dealTo.isEmpty()) {
			changes.put("owners", dealTo);
		}
		if (addTag != null && !addTag.isBlank()) {
			changes.put("addTags", addTag);
		}
		if (removeTag != null && !removeTag.isBlank()) {
			changes.put("removeTags", removeTag);
		}
		if ("archive".equals(archiving)) {
			changes.put("archive", true);
			if (reason != null && !reason.isBlank()) {
				changes.put("reason", reason);
			}
		}
		else if ("restore".equals(archiving)) {
			changes.put("restore", true);
		}
		boolean all = scope.equals("all");
		try {
			if (!all && (ids == null || ids.isEmpty())) {
				throw new InvalidInputException("ids", "prospects.bulk.none-selected");
			}
			Result result = this.bulkEdits.apply(
					new Selection(all ? null : ids, all ? search.query(principal, 0, 25) : null), changes,
					principal.userId().value());
			redirect.addFlashAttribute("bulkNotice", switch (result) {
				case Outcome outcome -> this.messages.getMessage("prospects.bulk.done",
						new Object[] { outcome.updated(), outcome.matched() }, locale);
				case Queued queued ->
					this.messages.getMessage("prospects.bulk.queued", new Object[] { queued.matched() }, locale);
			});
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("bulkErrors", ex.problems()
				.stream()
				.map((problem) -> this.messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
				.toList());
		}
		search.keepIn(redirect);
		return "redirect:/prospects";
	}

	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "csv") String format, @ModelAttribute SearchParams search,
			@AuthenticationPrincipal AtlasPrincipal principal, HttpServletResponse response) throws IOException {
		ProspectQuery query = search.query(principal, 0, 20);
		if ("xlsx".equals(format)) {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader("Content-Disposition", "attachment; filename=\"prospects.xlsx\"");
			this.export.xlsx(query, response.getOutputStream());
		}
		else {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader("Content-Disposition", "attachment; filename=\"prospects.csv\"");
			this.export.csv(query, response.getOutputStream());
		}
	}

	/** The file name of the import the list is filtered on, if it is one of ours. */
	private @Nullable String importName(@Nullable String importId) {
		if (importId == null || importId.isBlank()) {
			return null;
		}
		try {
			return this.imports.find(UUID.fromString(importId.strip())).fileName();
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			return null;
		}
	}

	@GetMapping("/duplicates")
	String duplicates(@RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String importId, Model model) {
		// one import's pairs, when the import is one of ours; the whole queue otherwise
		String importName = importName(importId);
		UUID job = (importName != null && importId != null) ? UUID.fromString(importId.strip()) : null;
		long total = (job != null) ? this.search.duplicatesOf(job) : this.counts.current().duplicatesToReview();
		int pages = (int) Math.max(1, (total + DUPLICATES_PAGE - 1) / DUPLICATES_PAGE);
		int shown = Math.min(Math.max(page, 0), pages - 1);
		List<Duplicate> duplicates = this.search.duplicates(null, job, DUPLICATES_PAGE, (long) shown * DUPLICATES_PAGE);
		model.addAttribute("importId", job);
		model.addAttribute("importName", importName);
		model.addAttribute("duplicates", duplicates);
		model.addAttribute("comparisons", comparisons(duplicates));
		model.addAttribute("total", total);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		return "prospects/duplicates";
	}

	/** Each pair's two agencies field by field, by the pair's id. */
	private Map<UUID, PairComparison> comparisons(List<Duplicate> duplicates) {
		return PairComparison.byPair(duplicates, (d) -> d.other().id(), (d) -> d.agency().id(), this.search::summaries);
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

	@PostMapping("/duplicates/{candidateId}/dismiss")
	@PreAuthorize("hasRole('AGENT')")
	String dismiss(@PathVariable UUID candidateId, @RequestParam(required = false) @Nullable UUID back,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID importId) {
		this.merges.dismiss(candidateId);
		// back to the page of the queue the reviewer was on
		return (back != null) ? "redirect:/prospects/" + back : "redirect:" + queue(page, importId);
	}

	/** The review queue's page, of one import's pairs or of all. */
	private static String queue(int page, @Nullable UUID importId) {
		StringBuilder path = new StringBuilder("/prospects/duplicates");
		if (importId != null) {
			path.append("?importId=").append(importId);
		}
		if (page > 0) {
			path.append((importId != null) ? '&' : '?').append("page=").append(page);
		}
		return path.toString();
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Detail detail = this.search.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("comparisons", comparisonsWith(detail.agency(), detail.duplicates()));
		model.addAttribute("panels", this.panels.of(id));
		model.addAttribute("agencyFacts", AgencyPanels.facts(detail));
		model.addAttribute("paris", ZoneId.of("Europe/Paris"));
		// former members too: an agency keeps the owner it had; by id as text, as
		// provenance lines hold them
		Map<String, String> names = new HashMap<>();
		this.members.namesById().forEach((member, name) -> names.put(member.toString(), name));
		model.addAttribute("memberNames", names);
		return "prospects/detail";
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
					created.resembles().isPresent() ? "prospects.created.resembles" : "prospects.created");
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
			boolean resembles = this.edits.edit(id, form.changes(), principal.userId().value()).resembles().isPresent();
			redirect.addFlashAttribute("notice", resembles ? "prospects.edited.resembles" : "prospects.edited");
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
		return "prospects/edit";
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize("hasRole('AGENT')")
	String merge(@PathVariable UUID id, @RequestParam UUID otherId,
			@RequestParam(required = false) @Nullable Integer queuePage,
			@RequestParam(required = false) @Nullable UUID queueImport,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		boolean merged = false;
		try {
			this.merges.merge(id, otherId, principal.userId().value());
			merged = true;
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).code());
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
		return "redirect:" + queue(queuePage, queueImport);
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

}
