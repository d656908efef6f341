package fr.atlas.prospects.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.platform.AgencyWork;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.prospects.internal.AgencyWorks;
import fr.atlas.prospects.internal.ProspectBulkEdits;
import fr.atlas.prospects.internal.ProspectBulkEdits.Outcome;
import fr.atlas.prospects.internal.ProspectBulkEdits.Queued;
import fr.atlas.prospects.internal.ProspectBulkEdits.Result;
import fr.atlas.prospects.internal.ProspectBulkEdits.Selection;
import fr.atlas.prospects.internal.ProspectBulkJobs;
import fr.atlas.prospects.internal.ProspectExport;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.Headcount;
import fr.atlas.prospects.internal.SavedSearch;
import fr.atlas.prospects.internal.SavedSearches;
import fr.atlas.prospects.internal.Specialty;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The prospect list: search, filters and paging, changes to several agencies at once, and
 * the export of a search.
 */
@Controller
@RequestMapping("/prospects")
@RequiresFeature(Feature.PROSPECTS)
class ProspectListController {

	private static final int ENDED_JOBS_SHOWN_MINUTES = 10;

	private final ProspectSearch search;

	private final ProspectExport export;

	private final ProspectBulkEdits bulkEdits;

	private final ProspectBulkJobs bulkJobs;

	private final Members members;

	private final MessageSource messages;

	private final ImportNames importNames;

	private final AgencyWorks works;

	private final SavedSearches savedSearches;

	ProspectListController(ProspectSearch search, ProspectExport export, ProspectBulkEdits bulkEdits,
			ProspectBulkJobs bulkJobs, Members members, MessageSource messages, ImportNames importNames,
			AgencyWorks works, SavedSearches savedSearches) {
		this.search = search;
		this.export = export;
		this.bulkEdits = bulkEdits;
		this.bulkJobs = bulkJobs;
		this.members = members;
		this.messages = messages;
		this.importNames = importNames;
		this.works = works;
		this.savedSearches = savedSearches;
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
		model.addAttribute("importName", this.importNames.of(search.importId()));
		// background bulk changes running, or ended a moment ago
		model.addAttribute("bulkJobs", this.bulkJobs.current(ENDED_JOBS_SHOWN_MINUTES));
		try {
			ProspectSearch.Page<ProspectSearch.Summary> result = this.search.find(query);
			if (result.items().isEmpty() && result.total() > 0) {
				// a page past the last, from an old link or a list that shrank: the last
				query = search.query(principal, result.pages() - 1, size);
				model.addAttribute("query", query);
				result = this.search.find(query);
			}
			model.addAttribute("result", result);
			// the contact through whom a text search found an agency, when one matches
			model.addAttribute("foundContacts", this.search.contactsFound(query.q(),
					result.items().stream().map(ProspectSearch.Summary::id).toList()));
		}
		catch (InvalidInputException ex) {
			// the filters the search cannot read, all of them (the search collects them):
			// said above an empty list, the form kept as typed so they can be corrected
			// by field: each field in error is marked and points to its message
			model.addAttribute("filterErrors", FieldErrors.of(ex, this.messages, locale));
			model.addAttribute("result", new ProspectSearch.Page<>(List.of(), query.page(), query.size(), 0));
			model.addAttribute("foundContacts", Map.of());
		}
		// nothing chosen but the order or the default status: an empty list then means an
		// empty base, a first visit, which says how to fill it rather than "none matches"
		Map<String, String> chosen = search.filters();
		chosen.remove("sort");
		chosen.remove("status", "ACTIVE");
		model.addAttribute("unfiltered", chosen.isEmpty());
		model.addAttribute("members", this.members.active());
		model.addAttribute("specialties", Specialty.values());
		// the filter's choice: a specialty, named by its code or one of its words, or a
		// text of a link that names none, compared as it is
		Optional<Specialty> specialty = Specialty.named(query.specialty());
		model.addAttribute("specialtyChosen", specialty.map(Specialty::code).orElse(query.specialty()));
		model.addAttribute("specialtyOther", specialty.isEmpty() ? query.specialty() : null);
		// the filters under "more filters", open when one of them is set
		model.addAttribute("moreFilters",
				Stream
					.of(query.headcount(), query.minRevenue(), query.minListings(), query.reachable(), query.tag(),
							query.source(), query.work())
					.filter(Objects::nonNull)
					.count());
		// the headcount's choice: one of the menu's ranges, or a link's other range or
		// text, offered as it came
		model.addAttribute("headcounts", Headcount.BANDS);
		Optional<Headcount> headcount = Headcount.in(query.headcount());
		model.addAttribute("headcountChosen", headcount.map(Headcount::code).orElse(query.headcount()));
		model.addAttribute("headcountOther",
				headcount.filter((range) -> !Headcount.BANDS.contains(range)).orElse(null));
		model.addAttribute("headcountOtherText", headcount.isEmpty() ? query.headcount() : null);
		List<AgencyWork> offered = this.works.offered();
		model.addAttribute("agencyWorks", offered);
		// which agencies of the page have each work going: a badge beside their status
		model.addAttribute("workGoing",
				offered.stream().collect(Collectors.toMap(AgencyWork::key, (work) -> work.going())));
		// former members too: an agency keeps the owner it had
		model.addAttribute("ownerNames", this.members.namesById());
		// the organisation's saved searches and the member's own, each a link to the list
		// with its filters
		List<SavedSearch> saved = this.savedSearches.list(principal.userId().value());
		model.addAttribute("savedSearches", saved);
		model.addAttribute("savedLinks", saved.stream()
			.collect(Collectors.toMap(SavedSearch::id, (s) -> SearchParams.of(s.filters()).link("/prospects", null))));
		// the filters set in the panel a phone folds, said on its summary
		model.addAttribute("activeFilters", search.panelFilters());
		boolean results = htmx.isHtmxRequest() && !htmx.isBoosted();
		// htmx redraws the results alone: the summary's count comes with them, out of
		// band
		model.addAttribute("resultsAlone", results);
		return results ? "prospects/list :: results" : "prospects/list";
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
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String startWork,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect, Locale locale) {
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
		if (startWork != null && !startWork.isBlank()) {
			changes.put("startWork", startWork);
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
				case Outcome outcome -> this.messages.getMessage(outcomeCode(changes.keySet()),
						new Object[] { outcome.updated(), outcome.matched() }, locale);
				case Queued queued ->
					this.messages.getMessage("prospects.bulk.queued", new Object[] { queued.matched() }, locale);
			});
			// where the agencies went, a click away: the notice names the status that
			// shows them
			if (result instanceof Outcome outcome && outcome.updated() > 0
					&& outcomeCode(changes.keySet()).equals("prospects.bulk.archived")) {
				redirect.addFlashAttribute("bulkArchived", true);
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("bulkErrors", ex.problems()
				.stream()
				.map((problem) -> this.messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale))
				.toList());
			search.keepIn(redirect);
			// the page comes back at the refusal, beside the form it is about, not at
			// its top
			return "redirect:/prospects#bulk-errors";
		}
		search.keepIn(redirect);
		return "redirect:/prospects";
	}

	/**
	 * How a bulk change done at once is told: agencies archived leave the list, and are
	 * said to be archived, with where they are, not "modifiées"; restored come back.
	 */
	private static String outcomeCode(Set<String> changed) {
		if (changed.equals(Set.of("startWork"))) {
			return "prospects.bulk.started";
		}
		if (changed.contains("archive") && Set.of("archive", "reason").containsAll(changed)) {
			return "prospects.bulk.archived";
		}
		return changed.equals(Set.of("restore")) ? "prospects.bulk.restored" : "prospects.bulk.done";
	}

	@GetMapping("/export")
	@PreAuthorize("hasRole('MANAGER')")
	void export(@RequestParam(defaultValue = "csv") String format, @ModelAttribute SearchParams search,
			@AuthenticationPrincipal AtlasPrincipal principal, Locale locale, HttpServletResponse response)
			throws IOException {
		ProspectQuery query = search.query(principal, 0, 20);
		// the page's download is opened by people in a spreadsheet: headers in their
		// language, phones as dialled (ADR 0085); the API's stays the tools' version
		if ("xlsx".equalsIgnoreCase(format.strip())) {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader("Content-Disposition", "attachment; filename=\"prospects.xlsx\"");
			this.export.xlsx(query, search.choosing(principal), locale, response.getOutputStream());
		}
		else {
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader("Content-Disposition", "attachment; filename=\"prospects.csv\"");
			this.export.csv(query, search.choosing(principal), locale, response.getOutputStream());
		}
	}

}
