package fr.atlas.prospects.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.atlas.prospects.internal.ProspectBulkJobs;
import fr.atlas.prospects.internal.ProspectBulkJobs.BulkJob;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list's panel of a background bulk change: its progress, polled while it runs, and
 * the retry of one that failed.
 */
@Controller
@RequestMapping("/prospects/bulk/{id}")
@RequiresFeature(Feature.PROSPECTS)
class BulkJobController {

	private final ProspectBulkJobs jobs;

	private final MessageSource messages;

	BulkJobController(ProspectBulkJobs jobs, MessageSource messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	/**
	 * The panel; once the job has ended, the whole list reloads (it shows the agencies as
	 * they are now, and the panel its outcome).
	 */
	@GetMapping
	String panel(@PathVariable UUID id, Model model, HttpServletResponse response) {
		BulkJob job = this.jobs.get(id);
		if (job.finished()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("job", job);
		return "prospects/bulk-job :: job";
	}

	@PostMapping("/retry")
	@PreAuthorize("hasRole('AGENT')")
	String retry(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		this.jobs.get(id);
		if (!this.jobs.retry(id)) {
			redirect.addFlashAttribute("bulkErrors",
					List.of(this.messages.getMessage("prospects.bulk.job.not-failed", null, locale)));
		}
		return "redirect:/prospects";
	}

}
