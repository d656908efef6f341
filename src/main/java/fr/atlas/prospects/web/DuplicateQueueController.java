package fr.atlas.prospects.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.prospects.internal.ProspectCounts;
import fr.atlas.prospects.internal.ProspectMerges;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Duplicate;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue: the organisation's possible duplicates, or one import's, each pair
 * compared field by field, to merge or dismiss.
 */
@Controller
@RequestMapping("/prospects")
class DuplicateQueueController {

	/** Pairs of the review queue shown on a page. */
	static final int DUPLICATES_PAGE = 100;

	private final ProspectSearch search;

	private final ProspectMerges merges;

	private final ProspectCounts counts;

	private final ImportNames importNames;

	DuplicateQueueController(ProspectSearch search, ProspectMerges merges, ProspectCounts counts,
			ImportNames importNames) {
		this.search = search;
		this.merges = merges;
		this.counts = counts;
		this.importNames = importNames;
	}

	@GetMapping("/duplicates")
	String duplicates(@RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String importId, Model model) {
		// one import's pairs, when the import is one of ours; the whole queue otherwise
		String importName = this.importNames.of(importId);
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

	@PostMapping("/duplicates/{candidateId}/dismiss")
	@PreAuthorize("hasRole('AGENT')")
	String dismiss(@PathVariable UUID candidateId, @RequestParam(required = false) @Nullable UUID back,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID importId) {
		this.merges.dismiss(candidateId);
		// back to the page of the queue the reviewer was on
		return (back != null) ? "redirect:/prospects/" + back : "redirect:" + queue(page, importId);
	}

	/** The review queue's page, of one import's pairs or of all. */
	static String queue(int page, @Nullable UUID importId) {
		StringBuilder path = new StringBuilder("/prospects/duplicates");
		if (importId != null) {
			path.append("?importId=").append(importId);
		}
		if (page > 0) {
			path.append((importId != null) ? '&' : '?').append("page=").append(page);
		}
		return path.toString();
	}

}
