package fr.atlas.prospects.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.PairDecisions;
import fr.atlas.prospects.internal.PairDecisions.Decision;
import fr.atlas.prospects.internal.PairDecisions.Outcome;
import fr.atlas.prospects.internal.ProspectCounts;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.prospects.internal.DuplicateQueue;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.DuplicateQueue.Duplicate;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

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
 * The review queue: the organisation's possible duplicates, or one import's, each pair
 * compared field by field, to merge or dismiss.
 */
@Controller
@RequestMapping("/prospects")
@RequiresFeature(Feature.PROSPECTS)
class DuplicateQueueController {

	/** Pairs of the review queue shown on a page. */
	static final int DUPLICATES_PAGE = 100;

	private final ProspectSearch search;

	private final ProspectMerges merges;

	private final ProspectCounts counts;

	private final ImportNames importNames;

	private final PairDecisions decisions;

	private final DuplicateQueue queue;

	DuplicateQueueController(ProspectSearch search, ProspectMerges merges, ProspectCounts counts,
			ImportNames importNames, PairDecisions decisions, DuplicateQueue queue) {
		this.decisions = decisions;
		this.queue = queue;
		this.search = search;
		this.merges = merges;
		this.counts = counts;
		this.importNames = importNames;
	}

	@GetMapping("/duplicates")
	String duplicates(@RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String importId,
			@RequestParam(required = false) @Nullable String reason, Model model) {
		// one import's pairs, when the import is one of ours; the whole queue otherwise
		String importName = this.importNames.of(importId);
		UUID job = (importName != null && importId != null) ? UUID.fromString(importId.strip()) : null;
		String wanted = reasonOf(reason);
		long total = (job == null && wanted == null) ? this.counts.current().duplicatesToReview()
				: this.queue.duplicateCount(job, wanted);
		int pages = (int) Math.max(1, (total + DUPLICATES_PAGE - 1) / DUPLICATES_PAGE);
		int shown = Math.min(Math.max(page, 0), pages - 1);
		List<Duplicate> duplicates = this.queue.duplicates(null, job, wanted, DUPLICATES_PAGE,
				(long) shown * DUPLICATES_PAGE);
		model.addAttribute("importId", job);
		model.addAttribute("importName", importName);
		model.addAttribute("reason", wanted);
		model.addAttribute("reasons", this.queue.duplicateReasons(job));
		model.addAttribute("duplicates", duplicates);
		model.addAttribute("comparisons", comparisons(duplicates));
		model.addAttribute("total", total);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("previousPage", queue(shown - 1, job, wanted));
		model.addAttribute("nextPage", queue(shown + 1, job, wanted));
		return "prospects/duplicates";
	}

	/** A reason as links and the API carry it: none when empty. */
	static @Nullable String reasonOf(@Nullable String reason) {
		return (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

	/** Each pair's two agencies field by field, by the pair's id. */
	private Map<UUID, PairComparison> comparisons(List<Duplicate> duplicates) {
		return PairComparison.byPair(duplicates, (d) -> d.other().id(), (d) -> d.agency().id(), this.search::summaries);
	}

	@PostMapping("/duplicates/{candidateId}/dismiss")
	@PreAuthorize("hasRole('AGENT')")
	String dismiss(@PathVariable UUID candidateId, @RequestParam(required = false) @Nullable UUID back,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID importId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			this.merges.dismiss(candidateId);
			// said, with the way back: a click on the wrong pair is undone at once
			redirect.addFlashAttribute("dismissedPair", candidateId);
		}
		catch (ConflictException ex) {
			// merged by someone else since this page was shown
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		// back to the page of the queue the reviewer was on
		return (back != null) ? "redirect:/prospects/" + back : "redirect:" + queue(page, importId, reason);
	}

	/** The "undo" of the notice a dismissal leaves: the pair is in the queue again. */
	@PostMapping("/duplicates/{candidateId}/reopen")
	@PreAuthorize("hasRole('AGENT')")
	String reopen(@PathVariable UUID candidateId, @RequestParam(required = false) @Nullable UUID back,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID importId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			this.merges.reopen(candidateId);
			redirect.addFlashAttribute("notice", "prospects.duplicate.reopened");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return (back != null) ? "redirect:/prospects/" + back : "redirect:" + queue(page, importId, reason);
	}

	/**
	 * The queue's "decide several pairs" form: the pairs ticked, or every pair of the
	 * page, merged or dismissed; back to the same page of the queue with what was done.
	 */
	@PostMapping("/duplicates/decisions")
	@PreAuthorize("hasRole('AGENT')")
	String decide(@RequestParam(defaultValue = "checked") String scope,
			@RequestParam(name = "pairs", required = false) @Nullable List<UUID> ticked,
			@RequestParam(name = "pagePairs", required = false) @Nullable List<UUID> onPage,
			@RequestParam(required = false) @Nullable String decision, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable UUID importId,
			@RequestParam(required = false) @Nullable String reason, @RequestParam Map<String, String> parameters,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		List<UUID> chosen = "page".equals(scope) ? onPage : ticked;
		try {
			Outcome outcome = this.decisions.decide((chosen != null) ? chosen : List.of(), decision(decision),
					principal.userId().value(), keeps(parameters));
			redirect.addFlashAttribute("decided", outcome);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).field().startsWith("keep.")
					? "prospects.merge.keep.invalid" : ex.problems().get(0).code());
		}
		return "redirect:" + queue(page, importId, reason);
	}

	/**
	 * The values each pair's reviewer chose in its row, which the page sends with the
	 * pairs decided together ({@code keep.<pair>.<field>}, the agency whose value to
	 * keep; atlas.js copies the row's radios): by pair, each field and its agency. What
	 * is no pair and agency id is no choice of the page's, and left.
	 */
	static Map<UUID, Map<String, UUID>> keeps(Map<String, String> parameters) {
		Map<UUID, Map<String, UUID>> keeps = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			String[] parts = name.split("\\.", 3);
			if (parts.length == 3 && parts[0].equals("keep")) {
				try {
					keeps.computeIfAbsent(UUID.fromString(parts[1]), (pair) -> new LinkedHashMap<>())
						.put(parts[2], UUID.fromString(value.strip()));
				}
				catch (IllegalArgumentException notAnId) {
					// not sent by the page
				}
			}
		});
		return keeps;
	}

	/**
	 * The "undo these merges" button of the notice a decision leaves: back to the same
	 * page, where the pairs are again.
	 */
	@PostMapping("/duplicates/undo")
	@PreAuthorize("hasRole('AGENT')")
	String undo(@RequestParam(name = "merges", required = false) @Nullable List<UUID> merges,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID importId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			int undone = this.merges.undoMerges((merges != null) ? merges : List.of());
			redirect.addFlashAttribute("undone", undone);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + queue(page, importId, reason);
	}

	/**
	 * A decision as the form and the API name it: MERGE or DISMISS, whatever the case.
	 */
	static @Nullable Decision decision(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Decision.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("decision", "prospects.pairs.decision");
		}
	}

	/**
	 * The review queue's page, of one import's pairs or of all, of the pairs with one
	 * reason or of all; only the parameters that have a value.
	 */
	static String queue(int page, @Nullable UUID importId, @Nullable String reason) {
		List<String> parameters = new ArrayList<>();
		if (importId != null) {
			parameters.add("importId=" + importId);
		}
		String wanted = reasonOf(reason);
		if (wanted != null) {
			parameters.add("reason=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
		}
		if (page > 0) {
			parameters.add("page=" + page);
		}
		return "/prospects/duplicates" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
	}

}
